using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Api.Tests.NodeWorkflows;

namespace Orchestrator.Api.Tests.CircuitWorkflows;

[CollectionDefinition(Name)]
public sealed class CircuitCollection : ICollectionFixture<CircuitHost>
{
    public const string Name = "circuits";
}

/// <summary>
/// One local host and NetBox simulator for every circuit test (the Node tests' <see cref="NodeHostFixture"/>, whose helpers
/// create the nodes), with helpers that drive the circuit workflows over HTTP and read NetBox. Tests that only need two
/// active nodes share loc3-core and loc4-core; each circuit takes the next free ports, so the tests do not meet.
/// </summary>
public sealed class CircuitHost : IAsyncLifetime
{
    readonly SemaphoreSlim sharedNodesOnce = new(1, 1);
    (string A, string B)? sharedNodes;

    public NodeHostFixture Node { get; } = new();

    public Task InitializeAsync() => Node.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        sharedNodesOnce.Dispose();
    }

    /// <summary>Two active Node subscriptions, created once: loc3-core (device 9) and loc4-core (device 10).</summary>
    public async Task<(string A, string B)> SharedNodesAsync()
    {
        await sharedNodesOnce.WaitAsync();
        try
        {
            sharedNodes ??= (await Node.CreateNodeAsync(9), await Node.CreateNodeAsync(10));
            return sharedNodes.Value;
        }
        finally
        {
            sharedNodesOnce.Release();
        }
    }

    public async Task<string> CircuitProductIdAsync()
    {
        var products = await Node.GetJsonAsync("products");
        return products.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Circuit")!["product_id"]!.GetValue<string>();
    }

    public static string CreatePages(string productId, string routerA, string routerB, int aPort, int bPort) =>
        $$"""[{"product":"{{productId}}"},{"router_a":"{{routerA}}"},{"router_b":"{{routerB}}"},{"a_port":"{{aPort}}","b_port":"{{bPort}}"}]""";

    /// <summary>POSTs the pages so far and returns the form of the next page (the 510 answer).</summary>
    public async Task<JsonNode> NextPageAsync(string workflow, string pages)
    {
        using var response = await Node.PostAsync($"processes/{workflow}", pages);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 510, $"{workflow} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["form"]!;
    }

    /// <summary>The options of a choice field of a form page: wire value and label, in order.</summary>
    public static IReadOnlyList<(string Value, string Label)> Options(JsonNode form, string field)
    {
        var reference = form["properties"]![field]!["$ref"]!.GetValue<string>().Split('/').Last();
        var definition = form["$defs"]![reference]!;
        return definition["enum"]!.AsArray().Select(v => v!.GetValue<string>())
            .Select(v => (v, definition["options"]![v]!.GetValue<string>())).ToList();
    }

    /// <summary>The free ports create_circuit offers on router A and router B (interface ids).</summary>
    public async Task<(IReadOnlyList<int> A, IReadOnlyList<int> B)> PortChoicesAsync(string routerA, string routerB)
    {
        var form = await NextPageAsync("create_circuit",
            $$"""[{"product":"{{await CircuitProductIdAsync()}}"},{"router_a":"{{routerA}}"},{"router_b":"{{routerB}}"}]""");
        return (Options(form, "a_port").Select(o => int.Parse(o.Value)).ToList(), Options(form, "b_port").Select(o => int.Parse(o.Value)).ToList());
    }

    /// <summary>Starts create_circuit and waits at "Provide Config to User".</summary>
    public async Task<string> StartCreateAsync(string routerA, string routerB, int aPort, int bPort)
    {
        var id = await Node.StartAsync("create_circuit", CreatePages(await CircuitProductIdAsync(), routerA, routerB, aPort, bPort));
        await WaitSuspendedAsync(id);
        return id;
    }

    /// <summary>Accepts the config of a suspended process and waits until it completes.</summary>
    public async Task<JsonNode> AcceptAndCompleteAsync(string processId)
    {
        await Node.AcceptConfigAsync(processId);
        var done = await Node.WaitForAsync(processId, "completed", "failed", "api_unavailable", "inconsistent_data");
        Assert.True(done["last_status"]!.GetValue<string>() == "completed", $"process {processId}: {done["failed_reason"]}");
        return done;
    }

    /// <summary>create_circuit on the first free ports of both routers, to completion; returns the circuit subscription id.</summary>
    public async Task<string> CreateCircuitAsync(string routerA, string routerB)
    {
        var (a, b) = await PortChoicesAsync(routerA, routerB);
        var done = await AcceptAndCompleteAsync(await StartCreateAsync(routerA, routerB, a[0], b[0]));
        return done["current_state"]!["subscription_id"]!.GetValue<string>();
    }

    /// <summary>Starts modify_circuit and waits at "Provide Config to User".</summary>
    public async Task<string> StartModifyAsync(string circuitId, bool underMaintenance)
    {
        var id = await Node.StartAsync("modify_circuit",
            $$"""[{"subscription_id":"{{circuitId}}"},{"under_maintenance":{{(underMaintenance ? "true" : "false")}}}]""");
        await WaitSuspendedAsync(id);
        return id;
    }

    /// <summary>Waits until the process suspends at its config step; fails fast with the reason when it stops otherwise.</summary>
    public async Task<JsonNode> WaitSuspendedAsync(string processId)
    {
        var detail = await Node.WaitForAsync(processId, "suspended", "completed", "failed", "api_unavailable", "inconsistent_data");
        Assert.True(detail["last_status"]!.GetValue<string>() == "suspended", $"process {processId} is {detail["last_status"]}: {detail["failed_reason"]}");
        return detail;
    }

    /// <summary>Starts a workflow that needs no input after its pages and waits until it stops.</summary>
    public async Task<JsonNode> RunAsync(string workflow, string pages) =>
        await Node.WaitForAsync(await Node.StartAsync(workflow, pages), "completed", "failed", "inconsistent_data", "api_unavailable");

    public Task<JsonNode> ModelAsync(string subscriptionId) => Node.GetJsonAsync($"subscriptions/domain-model/{subscriptionId}");

    /// <summary>The first validation error of a refused start (400): its field and message.</summary>
    public static async Task<(string Field, string Message)> RefusalAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        var error = JsonNode.Parse(text)!["validation_errors"]![0]!;
        return (error["loc"]![0]!.GetValue<string>(), error["msg"]!.GetValue<string>());
    }

    /// <summary>A NetBox object by API path, or null when NetBox answers 404.</summary>
    public async Task<JsonNode?> NetBoxObjectAsync(string path)
    {
        using var response = await Node.NetBox.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The results of a NetBox list (one page is enough for the tests' filters).</summary>
    public async Task<JsonArray> NetBoxListAsync(string path) => (await Node.GetJsonAsync(Node.NetBox, path))["results"]!.AsArray();

    public async Task PatchNetBoxAsync(string path, string body)
    {
        using var response = await Node.NetBox.PatchAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"PATCH {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static IEnumerable<string> Ids(JsonNode subscriptions) => subscriptions.AsArray().Select(s => s!["subscription_id"]!.GetValue<string>());

    public static IEnumerable<string> StepNames(JsonNode detail) => detail["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>());
}
