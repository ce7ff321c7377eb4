using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Workflows.Tests;

/// <summary>Durable Task runs an activity at least once: running the same step request twice must change nothing the second time.</summary>
public sealed class StepRunnerIdempotencyTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_step_run_twice_saves_its_subscription_once_and_logs_one_row()
    {
        var id = await engine.StartedAsync(TestWorkflows.CreatesSubscription);
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);
        var runner = engine.Services.GetRequiredService<StepRunner>();
        var store = engine.Services.GetRequiredService<SubscriptionStore>();
        var subscriptionId = Guid.Parse((await engine.Log.GetCurrentStateAsync(id))["subscription_id"]!.GetValue<string>());
        var before = (await store.GetAsync(subscriptionId))!;
        var process = (await engine.Log.GetAsync(id))!;
        var runsBefore = engine.Switches.BodyRuns;

        // Re-deliver the "create" and "note" steps as if the orchestration had not recorded their results.
        await engine.Log.UpdateAsync(process with { LastStatus = ProcessStatus.Running });
        var create = await runner.RunAsync(new StepRequest(id, TestWorkflows.CreatesSubscription, 1, 1, 1), CancellationToken.None);
        var note = await runner.RunAsync(new StepRequest(id, TestWorkflows.CreatesSubscription, 1, 2, 1), CancellationToken.None);

        var after = (await store.GetAsync(subscriptionId))!;
        Assert.Equal(StepOutcomeKind.Next, create.Kind);
        Assert.Equal(StepOutcomeKind.Next, note.Kind);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal("noted;", after.Subscription.Note);
        Assert.Equal(runsBefore, engine.Switches.BodyRuns);
        Assert.Single(await engine.Log.GetStepsAsync(id), s => s.Name == "Write a note");
    }

    [Fact]
    public async Task A_save_repeated_with_the_same_stamp_counts_as_done_and_another_writer_is_refused()
    {
        var writer = engine.Services.GetRequiredService<SubscriptionWriter>();
        var store = engine.Services.GetRequiredService<SubscriptionStore>();
        var subscription = Samples.ActiveNode();
        var stamp = new Domain.Subscriptions.WriteStamp(Guid.NewGuid(), 3, 1);

        await writer.SaveAsync(subscription, null, stamp, Samples.Snapshot, CancellationToken.None);
        var first = (await store.GetAsync(subscription.SubscriptionId))!;
        await writer.SaveAsync(subscription, null, stamp, Samples.Snapshot, CancellationToken.None);
        var afterRepeat = (await store.GetAsync(subscription.SubscriptionId))!;
        var other = new Domain.Subscriptions.WriteStamp(Guid.NewGuid(), 3, 1);
        var refused = await Assert.ThrowsAsync<Domain.Workflows.ProcessFailureException>(() =>
            writer.SaveAsync(subscription, null, other, Samples.Snapshot, CancellationToken.None));

        Assert.Equal(first.ETag, afterRepeat.ETag);
        Assert.Equal(1, afterRepeat.Subscription.Version);
        Assert.Contains("changed by another process", refused.Message);
    }
}
