using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
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
using Orchestrator.Infra.Tables;
using Orchestrator.Testing;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Functions.Tests;

/// <summary>Calls every [Function] HTTP wrapper of the Functions app, as the Functions host would, against the emulators.</summary>
public sealed class GlueFixture : IAsyncLifetime
{
    readonly TestStorage storage = new("glue");
    public DurableTaskTestHost Durable { get; private set; } = null!;
    public IServiceProvider Services => Durable.Services;
    public Domain.Subscriptions.Subscription Node { get; } = Samples.ActiveNode();
    public Guid ProcessId { get; set; }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["NetBox:Url"] = "http://127.0.0.1:9/" }).Build();
        Durable = await DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestrator<ProcessOrchestrator>();
            tasks.AddActivity<RunStepActivity>();
        }, new DurableTaskTestHostOptions { Port = FreePort.Next(), ConfigureServices = s => s.AddLogging().AddOrchestratorApi(configuration) });
        await Services.GetRequiredService<CosmosContainers>().EnsureCreatedAsync();
        await Services.GetRequiredService<ProcessTables>().EnsureCreatedAsync();
        await Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(CatalogueMigrations.All);
        await Services.GetRequiredService<SubscriptionStore>().CreateAsync(Node, Samples.Snapshot.ProductByName(Domain.Products.ProductTypes.Node.ProductName)!);
    }

    public async Task DisposeAsync()
    {
        await Durable.DisposeAsync();
        await storage.DisposeAsync();
    }
}

public sealed class HttpTriggerGlueTests(GlueFixture fixture) : IClassFixture<GlueFixture>, IAsyncLifetime
{
#pragma warning disable IDE1006
    IServiceProvider services => fixture.Services;
    DurableTaskTestHost durable => fixture.Durable;
    Domain.Subscriptions.Subscription node => fixture.Node;
    Guid processId => fixture.ProcessId;

    /// <summary>Statuses a wrapper may answer with the test's ids; everything not listed must answer 200.</summary>
    static readonly Dictionary<string, int[]> Expected = new()
    {
        ["StartProcess"] = [201],
        ["ProcessStatus"] = [200, 202],
        ["ResumeProcess"] = [204, 409],
        ["AbortProcess"] = [204, 409],
        ["DeleteProcess"] = [204],
        ["ProcessCallback"] = [404],
        ["CreateSchedule"] = [201],
        ["UpdateSchedule"] = [404],
        ["DeleteSchedule"] = [404],
    };

    public async Task InitializeAsync()
    {
        if (fixture.ProcessId != Guid.Empty) return;
        var start = WrapperMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()!.Name == "StartProcess");
        var (status, body) = await InvokeAsync(start, p => p == "workflowKey" ? "task_validate_products" : throw new InvalidOperationException(p), "[]");
        Assert.True(status == 201, body);
        fixture.ProcessId = Guid.Parse(JsonNode.Parse(body)!["id"]!.GetValue<string>());
    }

    public Task DisposeAsync() => Task.CompletedTask;

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
        Func<string, string> routeValue = RouteValue;
        if (functionName == "DeleteProcess")
        {
            var start = WrapperMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()!.Name == "StartProcess");
            var (_, created) = await InvokeAsync(start, RouteValue, "[]");
            var ownId = JsonNode.Parse(created)!["id"]!.GetValue<string>();
            routeValue = p => p == "processId" ? ownId : RouteValue(p);
        }
        var (status, body) = await InvokeAsync(method, routeValue, functionName switch
        {
            "StartProcess" => "[]",
            "SetEngineStatus" => """{"global_lock":false}""",
            "CreateSchedule" => """{"workflow_name":"task_validate_products","trigger":"cron","trigger_kwargs":{"expression":"30 2 * * *"}}""",
            _ => "{}",
        });

        var allowed = Expected.GetValueOrDefault(functionName, [StatusCodes.Status200OK]);
        Assert.True(allowed.Contains(status), $"{functionName} answered {status}: {body}");
        if (status != StatusCodes.Status204NoContent) Assert.NotNull(JsonNode.Parse(body));
    }

    [Fact]
    public async Task A_wrapper_given_a_malformed_id_answers_400_in_the_error_format()
    {
        var method = WrapperMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()!.Name == "SubscriptionDomainModel");
        var (status, body) = await InvokeAsync(method, _ => "not-a-uuid", "");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("subscription_id", JsonNode.Parse(body)!["detail"]!.GetValue<string>());
    }

    string RouteValue(string parameter) => parameter switch
    {
        "productId" => DeterministicGuid.From("product:Node").ToString(),
        "productBlockId" => DeterministicGuid.From("product_block:Node").ToString(),
        "resourceTypeId" => DeterministicGuid.From("resource_type:node_id").ToString(),
        "subscriptionId" => node.SubscriptionId.ToString(),
        "processId" => processId.ToString(),
        "workflowKey" => "task_validate_products",
        "token" => "not-the-token",
        "scheduleId" => DeterministicGuid.From("schedule:unknown").ToString(),
        _ => throw new InvalidOperationException($"no test value for route parameter {parameter}"),
    };

    async Task<(int Status, string Body)> InvokeAsync(MethodInfo method, Func<string, string> routeValue, string body)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:7071");
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Response.Body = new MemoryStream();
        var arguments = method.GetParameters()
            .Select(p => p.ParameterType == typeof(HttpRequest) ? (object)context.Request
                : p.ParameterType == typeof(DurableTaskClient) ? durable.Client
                : routeValue(p.Name!))
            .ToArray();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var result = await (Task<Microsoft.AspNetCore.Mvc.IActionResult>)method.Invoke(target, arguments)!;
        await ((ResultAction)result).Result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
