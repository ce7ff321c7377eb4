using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Functions.Http;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Testing;

namespace Orchestrator.Functions.Tests;

/// <summary>Calls every [Function] HTTP wrapper of the Functions app, as the Functions host would, against the emulators.</summary>
public sealed class HttpTriggerGlueTests : IAsyncLifetime
{
    readonly TestStorage storage = new("glue");
    ServiceProvider services = null!;
    readonly Domain.Subscriptions.Subscription node = Samples.ActiveNode();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage.Settings).Build();
        services = new ServiceCollection().AddLogging().AddOrchestratorApi(configuration).BuildServiceProvider();
        await services.GetRequiredService<CosmosContainers>().EnsureCreatedAsync();
        await services.GetRequiredService<CatalogueMigrator>().ApplyAsync(CatalogueMigrations.All);
        await services.GetRequiredService<SubscriptionStore>().CreateAsync(node, Samples.Snapshot.ProductByName(Node.ProductName)!);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await storage.DisposeAsync();
    }

    public static TheoryData<string> HttpFunctions()
    {
        var data = new TheoryData<string>();
        foreach (var method in WrapperMethods()) data.Add(method.GetCustomAttribute<FunctionAttribute>()!.Name);
        return data;
    }

    static IEnumerable<MethodInfo> WrapperMethods() =>
        typeof(CatalogueFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                        && m.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null));

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public async Task The_wrapper_answers_through_the_shared_handler(string functionName)
    {
        var method = WrapperMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()!.Name == functionName);
        var (status, body) = await InvokeAsync(method, RouteValue);

        Assert.True(status == StatusCodes.Status200OK, $"{functionName} answered {status}: {body}");
        Assert.NotNull(JsonNode.Parse(body));
    }

    [Fact]
    public async Task A_wrapper_given_a_malformed_id_answers_400_in_the_error_format()
    {
        var method = WrapperMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()!.Name == "SubscriptionDomainModel");
        var (status, body) = await InvokeAsync(method, _ => "not-a-uuid");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("subscription_id", JsonNode.Parse(body)!["detail"]!.GetValue<string>());
    }

    string RouteValue(string parameter) => parameter switch
    {
        "productId" => DeterministicGuid.From("product:Node").ToString(),
        "productBlockId" => DeterministicGuid.From("product_block:Node").ToString(),
        "resourceTypeId" => DeterministicGuid.From("resource_type:node_id").ToString(),
        "subscriptionId" => node.SubscriptionId.ToString(),
        _ => throw new InvalidOperationException($"no test value for route parameter {parameter}"),
    };

    async Task<(int Status, string Body)> InvokeAsync(MethodInfo method, Func<string, string> routeValue)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var arguments = method.GetParameters()
            .Select(p => p.ParameterType == typeof(HttpRequest) ? (object)context.Request : routeValue(p.Name!))
            .ToArray();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var result = await (Task<Microsoft.AspNetCore.Mvc.IActionResult>)method.Invoke(target, arguments)!;
        await ((ResultAction)result).Result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
