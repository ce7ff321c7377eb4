using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api;
using Orchestrator.Api.Processes;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Tables;
using Orchestrator.LocalHost;
using Orchestrator.Testing;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Bench;

/// <summary>A host the benchmark starts processes on, and the process log it watches for their completion.</summary>
interface IEngine : IAsyncDisposable
{
    Task<Guid> StartAsync();
    ProcessLog Log { get; }
    DurableTaskClient Client { get; }
}

static class Measure
{
    /// <summary>
    /// Latency is the process row's own clock: from its start (written by the POST) to its completion (written by the last
    /// step). Completion is awaited through the Durable client, not by polling the log, so the measuring adds no load.
    /// </summary>
    public static async Task<Run> ProcessesAsync(string name, int count, int concurrency, int steps, IEngine engine)
    {
        var latencies = new ConcurrentBag<double>();
        var first = DateTimeOffset.MaxValue;
        var last = DateTimeOffset.MinValue;
        var gate = new object();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
        {
            var id = await engine.StartAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await engine.Client.WaitForInstanceCompletionAsync(id.ToString(), timeout.Token);
            var done = await engine.Log.GetAsync(id);
            if (done?.LastStatus != ProcessStatus.Completed) throw new InvalidOperationException($"process {id} ended {done?.LastStatus}");
            latencies.Add((done.LastModifiedAt - done.StartedAt).TotalMilliseconds);
            lock (gate) (first, last) = (done.StartedAt < first ? done.StartedAt : first, done.LastModifiedAt > last ? done.LastModifiedAt : last);
        });
        return new Run(name, latencies.ToList(), (last - first).TotalSeconds, steps);
    }

    public static async Task<Run> DirectAsync(string name, int count, int concurrency, WorkflowDefinition definition)
    {
        var latencies = new ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
        {
            var watch = Stopwatch.StartNew();
            await BenchWorkflow.RunDirectlyAsync(definition);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        });
        return new Run(name, latencies.ToList(), wall.Elapsed.TotalSeconds, definition.Steps.Count);
    }

    public static async Task<Run> RequestsAsync(string name, int count, Func<int, Task> request)
    {
        var latencies = new List<double>();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await request(i);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new Run(name, latencies, wall.Elapsed.TotalSeconds, 0);
    }
}

/// <summary>(a) The local durable host (Durable Task's Azure Storage provider on Azurite), in this process, over HTTP.</summary>
sealed class LocalDurableEngine(LocalHost.LocalHost host, HttpClient http) : IEngine
{
    public static async Task<LocalDurableEngine> StartAsync(Dictionary<string, string?> settings, WorkflowDefinition workflow)
    {
        var host = await LocalHostApp.BuildAsync([], new Dictionary<string, string?>(settings) { ["urls"] = "http://127.0.0.1:0" }, [workflow]);
        await LocalHostApp.EnsureStorageAsync(host.Services);
        await host.Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(TestWorkflows.CatalogueWithTests([workflow]));
        await host.StartAsync();
        return new LocalDurableEngine(host, new HttpClient { BaseAddress = new Uri(host.Address, "/api/") });
    }

    public HttpClient Http => http;
    public IServiceProvider Services => host.Services;
    public ProcessLog Log => host.Services.GetRequiredService<ProcessLog>();
    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    public async Task<Guid> StartAsync()
    {
        using var response = await http.PostAsync($"processes/{BenchWorkflow.Name}", new StringContent("[]", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"start answered {(int)response.StatusCode}: {text}");
        return Guid.Parse(System.Text.Json.Nodes.JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }
}

/// <summary>(b) Durable Task's in-process test host (in-memory history and queues); the stores are the same emulators.</summary>
sealed class InProcessEngine(DurableTaskTestHost host) : IEngine
{
    public static async Task<InProcessEngine> StartAsync(Dictionary<string, string?> settings, WorkflowDefinition workflow)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var host = await DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestrator<ProcessOrchestrator>();
            tasks.AddActivity<RunStepActivity>();
        }, new DurableTaskTestHostOptions
        {
            Port = FreePort.Next(),
            ConfigureServices = services =>
            {
                services.AddLogging();
                services.AddOrchestratorApi(configuration, [workflow]);
                services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
            },
        });
        await host.Services.GetRequiredService<CosmosContainers>().EnsureCreatedAsync();
        await host.Services.GetRequiredService<ProcessTables>().EnsureCreatedAsync();
        await host.Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(TestWorkflows.CatalogueWithTests([workflow]));
        return new InProcessEngine(host);
    }

    public ProcessLog Log => host.Services.GetRequiredService<ProcessLog>();
    public DurableTaskClient Client => host.Client;

    public async Task<Guid> StartAsync()
    {
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1");
        context.Request.Body = new MemoryStream("[]"u8.ToArray());
        context.Response.Body = new MemoryStream();
        var result = await host.Services.GetRequiredService<ProcessCommands>().StartAsync(context.Request, BenchWorkflow.Name, host.Client);
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        if (context.Response.StatusCode != 201) throw new InvalidOperationException($"start answered {context.Response.StatusCode}: {text}");
        return Guid.Parse(System.Text.Json.Nodes.JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();
}
