using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.LocalHost;
using Orchestrator.NetBoxSimulator;

namespace Orchestrator.Api.Tests.NodeWorkflows;

/// <summary>
/// The local host, in-process on a free port against its own database, with a NetBox simulator of its own on another free
/// port. Talks to both over HTTP: the orchestrator API, the simulator's NetBox API and its admin endpoints.
/// </summary>
public class NodeHostFixture : IAsyncLifetime
{
    /// <summary>Settings a variant of the fixture adds to the host's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    readonly TestStorage storage = new("node");
    LocalHost.LocalHost host = null!;

    public RunningSimulator Simulator { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public HttpClient NetBox { get; private set; } = null!;
    public IServiceProvider Services => host.Services;
    public SubscriptionStore Store => Services.GetRequiredService<SubscriptionStore>();

    public async Task InitializeAsync()
    {
        Simulator = await NetBoxSimulatorApp.StartAsync();
        var settings = new Dictionary<string, string?>(storage.Settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["NetBox:Url"] = Simulator.BaseAddress.ToString(),
            ["NetBox:Token"] = "node-tests",
            ["NetBox:Timeout"] = "00:00:05",
            ["NetBox:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in ExtraSettings) settings[key] = value;
        host = await LocalHostApp.BuildAsync([], settings);
        await LocalHostApp.EnsureStorageAsync(host.Services);
        await host.Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(CatalogueMigrations.All);
        await host.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(host.Address, "/api/") };
        NetBox = new HttpClient { BaseAddress = Simulator.BaseAddress };
        NetBox.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "node-tests");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        NetBox.Dispose();
        await host.DisposeAsync();
        await Simulator.DisposeAsync();
        await storage.DisposeAsync();
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body) =>
        Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PutAsync(string path, string body) =>
        Http.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    public static async Task<JsonNode> BodyAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonNode>())!;

    public async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public Task<JsonNode> GetJsonAsync(string path) => GetJsonAsync(Http, path);

    public Task<JsonNode> DeviceAsync(int id) => GetJsonAsync(NetBox, $"api/dcim/devices/{id}/");

    public async Task PatchDeviceAsync(int id, string body)
    {
        using var response = await NetBox.PatchAsync($"api/dcim/devices/{id}/", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"PATCH device {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Sets the simulator's faults through <c>POST /__admin/faults</c>; <c>{}</c> clears them.</summary>
    public async Task FaultAsync(string settings)
    {
        using var response = await NetBox.PostAsync("__admin/faults", new StringContent(settings, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>From <c>GET /__admin/stats</c>: the requests received and the writes applied for "METHOD /path".</summary>
    public async Task<(int Requests, int Writes)> StatsAsync(string key)
    {
        var stats = await GetJsonAsync(NetBox, "__admin/stats");
        return (stats["requests"]?[key]?.GetValue<int>() ?? 0, stats["writes"]?[key]?.GetValue<int>() ?? 0);
    }

    public async Task<JsonNode> WaitForAsync(string processId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var detail = await GetJsonAsync($"processes/{processId}");
            last = detail["last_status"]!.GetValue<string>();
            if (statuses.Contains(last)) return detail;
            await Task.Delay(100);
        }
        throw new TimeoutException($"process {processId} stayed {last}, expected {string.Join(" or ", statuses)}");
    }

    public async Task<string> StartAsync(string workflow, string pages)
    {
        using var response = await PostAsync($"processes/{workflow}", pages);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"start of {workflow} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    public async Task<string> NodeProductIdAsync()
    {
        var products = await GetJsonAsync("products");
        return products.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Node")!["product_id"]!.GetValue<string>();
    }

    public static string CreatePages(string productId, int deviceId) =>
        $$"""[{"product":"{{productId}}"},{"select_device_choice":"{{deviceId}}"}]""";

    /// <summary>Starts create_node for a device and waits at "Provide Config to User".</summary>
    public async Task<string> StartCreateAsync(int deviceId)
    {
        var id = await StartAsync("create_node", CreatePages(await NodeProductIdAsync(), deviceId));
        await WaitForAsync(id, "suspended");
        return id;
    }

    public async Task AcceptConfigAsync(string processId)
    {
        using var resumed = await PutAsync($"processes/{processId}/resume", """[{"confirm_config_put_on_routers":"ACCEPTED"}]""");
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
    }

    /// <summary>create_node from start to completed; returns the new subscription id.</summary>
    public async Task<string> CreateNodeAsync(int deviceId)
    {
        var id = await StartCreateAsync(deviceId);
        await AcceptConfigAsync(id);
        var detail = await WaitForAsync(id, "completed");
        return detail["current_state"]!["subscription_id"]!.GetValue<string>();
    }

    /// <summary>The values offered by create_node's "Planned devices" page.</summary>
    public async Task<IReadOnlyList<string>> DeviceChoicesAsync()
    {
        using var response = await PostAsync("processes/create_node", $$"""[{"product":"{{await NodeProductIdAsync()}}"}]""");
        Assert.Equal(510, (int)response.StatusCode);
        var form = (await BodyAsync(response))["form"]!;
        var reference = form["properties"]!["select_device_choice"]!["$ref"]!.GetValue<string>().Split('/').Last();
        return form["$defs"]![reference]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
    }
}
