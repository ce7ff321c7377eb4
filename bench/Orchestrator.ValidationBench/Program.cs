using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.LocalHost;
using Orchestrator.NetBoxSimulator;

// Usage: dotnet run -c Release --project bench/Orchestrator.ValidationBench -- [count ...] [--concurrency N] [--batch N]
// Needs the emulators in the environment (Cosmos__Endpoint, Cosmos__UseLocalEmulatorShim, Storage__ConnectionString), as ./test.sh sets them.
var counts = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).DefaultIfEmpty(1000).ToList();
var concurrency = Option("--concurrency", 10);
var batch = Option("--batch", 200);

Console.WriteLine($"validation bench: counts {string.Join(", ", counts)}, concurrency {concurrency}, batch {batch}, {Environment.ProcessorCount} cores");
await using var simulator = await NetBoxSimulatorApp.StartAsync();
foreach (var count in counts) await RunAsync(count);
return;

async Task RunAsync(int count)
{
    var suffix = Guid.NewGuid().ToString("N")[..10];
    var settings = new Dictionary<string, string?>
    {
        ["urls"] = "http://127.0.0.1:0",
        ["Cosmos:Database"] = $"bench-{suffix}",
        ["Storage:TablePrefix"] = $"b{suffix}",
        ["DurableTask:HubName"] = $"bench{suffix}",
        ["NetBox:Url"] = simulator.BaseAddress.ToString(),
        ["NetBox:Token"] = "bench",
        ["Tasks:ValidationConcurrency"] = concurrency.ToString(),
        ["Tasks:ValidationBatchSize"] = batch.ToString(),
        ["Schedules:Background"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };
    await using var host = await LocalHostApp.BuildAsync([], settings);
    await LocalHostApp.EnsureStorageAsync(host.Services);
    await host.Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(CatalogueMigrations.All);
    await host.StartAsync();
    try
    {
        var seeded = Stopwatch.StartNew();
        var drifted = await SeedAsync(host.Services, count);
        Console.WriteLine($"[{count}] seeded {count} active Node subscriptions ({drifted} drifted) in {seeded.Elapsed.TotalSeconds:F1} s");

        using var http = new HttpClient { BaseAddress = new Uri(host.Address, "/api/"), Timeout = TimeSpan.FromMinutes(2) };
        var wall = Stopwatch.StartNew();
        using var started = await http.PostAsync("processes/task_validate_subscriptions", new StringContent("[{}]", Encoding.UTF8, "application/json"));
        started.EnsureSuccessStatusCode();
        var processId = (await started.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        JsonNode detail;
        var progressAt = TimeSpan.FromSeconds(60);
        while (true)
        {
            detail = (await http.GetFromJsonAsync<JsonNode>($"processes/{processId}"))!;
            if (detail["last_status"]!.GetValue<string>() is "completed" or "failed" or "aborted") break;
            if (wall.Elapsed >= progressAt)
            {
                progressAt += TimeSpan.FromSeconds(60);
                var counts = await host.Services.GetRequiredService<ProcessLog>().CountByStatusAsync(isTask: false);
                var done = counts.GetValueOrDefault("completed") + counts.GetValueOrDefault("inconsistent_data");
                Console.WriteLine($"[{count}] {wall.Elapsed.TotalSeconds:F0} s: {done} validations done ({done / wall.Elapsed.TotalSeconds:F1}/s)");
            }
            await Task.Delay(250);
        }
        wall.Stop();
        var state = detail["current_state"]!;
        if (detail["last_status"]!.GetValue<string>() != "completed")
            throw new InvalidOperationException($"the task ended {detail["last_status"]}: {detail["failed_reason"]}");
        var validated = state["validated"]!.GetValue<int>();
        Console.WriteLine($"[{count}] wall {wall.Elapsed.TotalSeconds:F1} s, {validated / wall.Elapsed.TotalSeconds:F1} validations/s, " +
                          $"peak concurrency {state["peak_concurrency"]} (limit {concurrency}); validated {validated}, in sync {state["in_sync"]}, " +
                          $"inconsistent {state["inconsistent"]}, failed {state["failed"]}, skipped {state["skipped"]}");
    }
    finally
    {
        var options = host.Services.GetRequiredService<CosmosOptions>();
        try { await host.Services.GetRequiredService<CosmosClient>().GetDatabase(options.Database).DeleteAsync(); } catch (CosmosException) { }
    }
}

// Node subscriptions on the simulator's five devices (ids 7..11), as create_node leaves them; every 50th has a name NetBox does not.
static async Task<int> SeedAsync(IServiceProvider services, int count)
{
    var snapshot = await services.GetRequiredService<CatalogueStore>().GetAsync();
    var product = snapshot.ProductByName(Orchestrator.Domain.Products.ProductTypes.Node.ProductName)!;
    var store = services.GetRequiredService<SubscriptionStore>();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
    {
        var n = i % 5 + 1;
        var node = Subscription.Create(snapshot, product, "customer-bench", Guid.NewGuid(), Guid.NewGuid);
        var block = node.Block("node");
        block.Set(snapshot, "node_id", 6 + n);
        block.Set(snapshot, "node_name", i % 50 == 49 ? $"loc{n}-core-drifted" : $"loc{n}-core");
        block.Set(snapshot, "node_status", "planned");
        block.Set(snapshot, "ipv4_loopback", $"10.0.0.{n}/32");
        block.Set(snapshot, "ipv6_loopback", $"2001:db8::{n}/128");
        node.ChangeStatus(SubscriptionLifecycle.Active, snapshot, DateTimeOffset.UtcNow, []);
        node.Unlock(null);
        await store.CreateAsync(node, product, ct);
    });
    return count / 50;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
