using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Bench;
using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Testing;
using static Orchestrator.Bench.Run;

// Options: --steps K --sequential N --concurrent N --in-flight C --subscriptions S --requests R
var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => int.Parse(p[1], CultureInfo.InvariantCulture));
int Option(string name, int fallback) => options.GetValueOrDefault(name, fallback);
var steps = Option("steps", 10);
var sequential = Option("sequential", 10);
var concurrent = Option("concurrent", 50);
var inFlight = Option("in-flight", 50);
var subscriptionCount = Option("subscriptions", 10_000);
var requests = Option("requests", 100);

var workflow = BenchWorkflow.Create(steps);
var totalSteps = workflow.Steps.Count;
Console.WriteLine($"Workflow: {totalSteps} steps ({steps} without I/O, plus start and done); sequential {sequential}, concurrent {concurrent} with {inFlight} in flight");
Console.WriteLine($"Machine: nproc {Machine.Cores()}, {Machine.Model()}");

var clock = System.Diagnostics.Stopwatch.StartNew();
void Stage(string name) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds:F0} s] {name}");
var runs = new List<(string Mode, Run Run, double Baseline)>();
var baselineSeq = await Measure.DirectAsync("direct calls", Math.Max(sequential, 1000), 1, workflow);
var baselineCon = await Measure.DirectAsync("direct calls", Math.Max(concurrent, 1000), inFlight, workflow);
runs.Add(("sequential", baselineSeq, baselineSeq.P(50)));
runs.Add(($"{inFlight} concurrent", baselineCon, baselineCon.P(50)));

Stage("in-process Durable host");
await using (var inProcess = await InProcessEngine.StartAsync(Emulators.IsolatedSettings("bench-inproc"), workflow))
{
    await Measure.ProcessesAsync("warm-up", 3, 1, totalSteps, inProcess);
    runs.Add(("sequential", await Measure.ProcessesAsync("in-process Durable host", sequential, 1, totalSteps, inProcess), baselineSeq.P(50)));
    runs.Add(($"{inFlight} concurrent", await Measure.ProcessesAsync("in-process Durable host", concurrent, inFlight, totalSteps, inProcess), baselineCon.P(50)));
}

var settings = Emulators.IsolatedSettings("bench-local");
settings["NetBox:Url"] = "http://127.0.0.1:9/";
settings["Logging:LogLevel:Default"] = "Warning";
var apiRuns = new List<Run>();
Stage("local durable host");
await using (var local = await LocalDurableEngine.StartAsync(settings, workflow))
{
    await Measure.ProcessesAsync("warm-up", 3, 1, totalSteps, local);
    runs.Add(("sequential", await Measure.ProcessesAsync("local durable host (Azurite)", sequential, 1, totalSteps, local), baselineSeq.P(50)));
    runs.Add(($"{inFlight} concurrent", await Measure.ProcessesAsync("local durable host (Azurite)", concurrent, inFlight, totalSteps, local), baselineCon.P(50)));

    Stage($"seeding {subscriptionCount} subscriptions");
    var store = local.Services.GetRequiredService<SubscriptionStore>();
    var product = Samples.Snapshot.ProductByName(Node.ProductName)!;
    var ids = new Guid[subscriptionCount];
    await Parallel.ForEachAsync(Enumerable.Range(0, subscriptionCount), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
    {
        var subscription = Samples.NewSubscription(Node.ProductName);
        ids[i] = subscription.SubscriptionId;
        await store.CreateAsync(subscription, product);
    });
    Stage("API requests");
    var processIds = new List<Guid>();
    apiRuns.Add(await Measure.RequestsAsync($"POST /api/processes/{BenchWorkflow.Name}", requests, async _ => processIds.Add(await local.StartAsync())));
    apiRuns.Add(await Measure.RequestsAsync("GET /api/processes/{id}", requests, async i => (await local.Http.GetAsync($"processes/{processIds[i % processIds.Count]}")).EnsureSuccessStatusCode().Dispose()));
    apiRuns.Add(await Measure.RequestsAsync("GET /api/subscriptions/domain-model/{id}", requests, async i =>
        (await local.Http.GetAsync($"subscriptions/domain-model/{ids[(i * 7919) % ids.Length]}")).EnsureSuccessStatusCode().Dispose()));
}

Stage("done");
Console.WriteLine();
Console.WriteLine($"| Engine | Mode | Processes | Processes/s | Steps/s | p50 ms | p95 ms | p99 ms | Overhead vs direct (p50) |");
Console.WriteLine($"|---|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (mode, run, baseline) in runs)
    Console.WriteLine($"| {run.Name} | {mode} | {run.LatenciesMs.Count} | {F(run.PerSecond)} | {F(run.StepsPerSecond)} | {F(run.P(50))} | {F(run.P(95))} | {F(run.P(99))} | {F(run.P(50) / baseline)}x |");
Console.WriteLine();
Console.WriteLine($"| Request ({subscriptionCount} subscriptions stored) | Requests | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var run in apiRuns) Console.WriteLine($"| {run.Name} | {run.LatenciesMs.Count} | {F(run.P(50))} | {F(run.P(99))} |");

static class Machine
{
    public static string Model() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";

    public static string Cores() => Environment.GetEnvironmentVariable("BENCH_NPROC") ?? "?";
}
