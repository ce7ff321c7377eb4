using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Tables;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// The narrowest crash window, which no activity-level hook reaches: the step runner wrote the step row and died before it
/// updated the process row. Durable Task runs the activity again; the re-run must finish what the dead run left.
/// </summary>
public sealed class StepReplayTests : IAsyncLifetime
{
    readonly TestStorage storage = new("replay");
    ServiceProvider services = null!;

    ProcessLog Log => services.GetRequiredService<ProcessLog>();
    StepRunner Runner => services.GetRequiredService<StepRunner>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["NetBox:Url"] = "http://127.0.0.1:9/" }).Build();
        services = new ServiceCollection().AddLogging().AddOrchestratorInfra(configuration).AddProcessEngine(TestWorkflows.All).BuildServiceProvider();
        await storage.Containers.EnsureCreatedAsync();
        await services.GetRequiredService<ProcessTables>().EnsureCreatedAsync();
        await services.GetRequiredService<CatalogueMigrator>().ApplyAsync(TestWorkflows.CatalogueWithTests());
    }

    [Fact]
    public async Task A_last_step_logged_before_a_crash_completes_the_process_row_when_the_activity_runs_again()
    {
        var id = await CreateProcessAsync(TestWorkflows.Flaky);
        await RunAsync(id, 0);
        await RunAsync(id, 1);
        var crashed = await Log.GetAsync(id);
        await Log.LogStepAsync(id, new StepRecord   // what the dead run of "done" wrote before it died
        {
            StepId = Guid.NewGuid(), Index = 2, Attempt = 1, Key = "done", Name = "Done", Status = StepStatus.Complete,
            State = await Log.GetCurrentStateAsync(id), CreatedBy = "test",
        });

        var outcome = await RunAsync(id, 2);

        Assert.Equal(ProcessStatus.Running, crashed!.LastStatus);
        Assert.Equal(StepOutcomeKind.Completed, outcome.Kind);
        var process = await Log.GetAsync(id);
        Assert.Equal(ProcessStatus.Completed, process!.LastStatus);
        Assert.Equal("Done", process.LastStep);
        Assert.Equal(["start", "flaky", "done"], (await Log.GetStepsAsync(id)).Select(s => s.Key));
    }

    [Fact]
    public async Task A_step_run_twice_after_it_was_logged_is_reported_not_run_again()
    {
        var id = await CreateProcessAsync(TestWorkflows.CreatesSubscription);
        await RunAsync(id, 0);
        var first = await RunAsync(id, 1);
        var subscriptionId = (await Log.GetCurrentStateAsync(id))["subscription_id"]!.GetValue<string>();

        var again = await RunAsync(id, 1);

        Assert.Equal(first, again);
        Assert.Equal(subscriptionId, (await Log.GetCurrentStateAsync(id))["subscription_id"]!.GetValue<string>());
        Assert.Single(await Log.GetStepsAsync(id), s => s.Key == "create");
    }

    Task<StepOutcome> RunAsync(Guid id, int index) =>
        Runner.RunAsync(new StepRequest(id, Workflow(id), 1, index, 1), CancellationToken.None);

    readonly Dictionary<Guid, string> workflows = [];

    string Workflow(Guid id) => workflows[id];

    async Task<Guid> CreateProcessAsync(string workflow)
    {
        var id = Guid.NewGuid();
        workflows[id] = workflow;
        await Log.CreateAsync(new ProcessRecord
        {
            ProcessId = id, WorkflowName = workflow, WorkflowTarget = "SYSTEM", IsTask = true, WorkflowVersion = 1,
            LastStatus = ProcessStatus.Created, CreatedBy = "test",
        }, new JsonObject { ["process_id"] = id.ToString() });
        return id;
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await storage.DisposeAsync();
    }
}
