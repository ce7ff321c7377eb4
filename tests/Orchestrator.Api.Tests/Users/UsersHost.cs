using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Infra.Catalogue;
using Orchestrator.LocalHost;

namespace Orchestrator.Api.Tests.Users;

[CollectionDefinition(Name)]
public sealed class UsersCollection : ICollectionFixture<UsersHost>
{
    public const string Name = "users";
}

/// <summary>
/// One local host for every user and user group test, with the real catalogue only, and helpers that drive the workflows
/// over HTTP. Tests make their names unique with <see cref="Unique"/>, so they can share the host.
/// </summary>
public sealed class UsersHost : IAsyncLifetime
{
    readonly TestStorage storage = new("users");
    LocalHost.LocalHost host = null!;

    public HttpClient Http { get; private set; } = null!;

    public static string GroupProduct => UserGroup.Product.ProductId.ToString();
    public static string InternalProduct => User.Internal.ProductId.ToString();
    public static string ExternalProduct => User.External.ProductId.ToString();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(storage.Settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["NetBox:Url"] = "http://127.0.0.1:9/",
        };
        host = await LocalHostApp.BuildAsync([], settings);
        await LocalHostApp.EnsureStorageAsync(host.Services);
        await host.Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(CatalogueMigrations.All);
        await host.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(host.Address, "/api/") };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await host.DisposeAsync();
        await storage.DisposeAsync();
    }

    Task<string>? sharedGroup;

    /// <summary>One active group for tests that only need some group to be valid.</summary>
    public Task<string> SharedGroupAsync() => sharedGroup ??= CreateGroupAsync(Unique("shared"));

    public static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string workflow, params JsonNode?[] pages)
    {
        var body = new JsonArray(pages.Select(p => p?.DeepClone()).ToArray()).ToJsonString();
        using var response = await Http.PostAsync($"processes/{workflow}", new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonNode>())!);
    }

    /// <summary>Starts a workflow that must be accepted and waits until it completes; returns its process detail.</summary>
    public async Task<JsonNode> RunAsync(string workflow, params JsonNode?[] pages)
    {
        var (status, body) = await PostAsync(workflow, pages);
        Assert.True(status == HttpStatusCode.Created, $"{workflow} answered {(int)status}: {body.ToJsonString()}");
        return await CompletedAsync(body["id"]!.GetValue<string>());
    }

    public async Task<JsonNode> CompletedAsync(string processId)
    {
        for (var i = 0; i < 1800; i++)
        {
            var detail = await GetJsonAsync($"processes/{processId}");
            var status = detail["last_status"]!.GetValue<string>();
            if (status == "completed") return detail;
            if (status is "failed" or "aborted" or "waiting" or "api_unavailable")
                Assert.Fail($"process {processId} is {status}: {detail["failed_reason"]}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"process {processId} did not complete");
    }

    public static string SubscriptionOf(JsonNode process) => process["current_state"]!["subscription_id"]!.GetValue<string>();

    public static string[] StepNames(JsonNode process) =>
        process["steps"]!.AsArray().Where(s => s!["status"]!.GetValue<string>() != "skipped")
            .Select(s => s!["name"]!.GetValue<string>()).ToArray();

    public async Task<string> CreateGroupAsync(string name) =>
        SubscriptionOf(await RunAsync("create_user_group", Product(GroupProduct), new JsonObject { ["group_name"] = name }));

    public async Task<string> CreateUserAsync(string username, string groupId, int? age = null, string? product = null) =>
        SubscriptionOf(await RunAsync("create_user", Product(product ?? InternalProduct), UserPage(username, groupId, age)));

    public Task<JsonNode> TerminateAsync(string workflow, string subscriptionId) =>
        RunAsync(workflow, Subscription(subscriptionId), new JsonObject());

    public static JsonObject Product(string productId) => new() { ["product"] = productId };

    public static JsonObject Subscription(string subscriptionId) => new() { ["subscription_id"] = subscriptionId };

    public static JsonObject UserPage(string username, string groupId, int? age = null) => new()
    {
        ["username"] = username,
        ["age"] = age,
        ["user_group_ids"] = new JsonArray(groupId),
    };

    public Task<JsonNode> DomainModelAsync(string subscriptionId) => GetJsonAsync($"subscriptions/domain-model/{subscriptionId}");

    public async Task<string[]> RelatedIdsAsync(string relation, string subscriptionId) =>
        (await GetJsonAsync($"subscriptions/{relation}/{subscriptionId}")).AsArray()
            .Select(s => s!["subscription_id"]!.GetValue<string>()).ToArray();

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>The fields the validation errors of a 400 name.</summary>
    public static string[] ErrorFields(JsonNode body) =>
        body["validation_errors"]!.AsArray().Select(e => e!["loc"]![0]!.GetValue<string>()).ToArray();

    public static string ErrorMessages(JsonNode body) =>
        string.Join(" | ", body["validation_errors"]!.AsArray().Select(e => e!["msg"]!.GetValue<string>()));
}
