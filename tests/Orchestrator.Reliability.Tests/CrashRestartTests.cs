using System.Net;
using System.Text;
using Orchestrator.Infra.Processes;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// The local durable host killed with SIGKILL at chosen points and started again on the same storage: every process ends
/// as it would have without the crash, each step is logged once, and the subscriptions agree with the log.
/// </summary>
public sealed class CrashRestartTests
{
    static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_process_waiting_at_an_input_step_survives_a_kill_and_completes_with_the_form_sent_after_the_restart()
    {
        await using var stack = await ReliabilityStack.CreateAsync("crash-input");
        var first = await stack.StartHostAsync();
        var id = await ReliabilityStack.StartProcessAsync(first, TestWorkflows.TwoPages, """[{"name":"ada"},{"count":2,"colour":"green"}]""");
        await stack.WaitForAsync([id], Recovery, ProcessStatus.Suspended);

        first.Kill();
        var second = await stack.StartHostAsync();
        using var resumed = await second.Http.PutAsync($"processes/{id}/resume",
            new StringContent("""[{"confirmed":"ACCEPTED","remark":"after the crash"}]""", Encoding.UTF8, "application/json"));
        await stack.WaitForAsync([id], Recovery, ProcessStatus.Completed);

        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        await LogAssert.EachStepOnceAsync(stack, id, "start", "confirm", "record", "done");
        Assert.Equal("ada:2:green:true", (await stack.Log.GetCurrentStateAsync(id))["recorded"]!.GetValue<string>());
    }

    /// <summary>before: the host dies while the step's activity runs; after: the step is logged and its subscription saved,
    /// but the orchestration never hears of it, so Durable Task runs the activity again.</summary>
    [Theory]
    [InlineData("create:before")]
    [InlineData("create:after")]
    [InlineData("note:before")]
    [InlineData("note:after")]
    [InlineData("done:after")]
    public async Task A_kill_at_a_step_is_recovered_with_the_step_run_once(string crashAt)
    {
        await using var stack = await ReliabilityStack.CreateAsync("crash-step");
        var crashing = await stack.StartHostAsync(crashAt);
        var id = await ReliabilityStack.StartProcessAsync(crashing, TestWorkflows.CreatesSubscription);
        await crashing.WaitForCrashAsync(Recovery);

        var restarted = await stack.StartHostAsync();
        await stack.WaitForAsync([id], Recovery, ProcessStatus.Completed);

        Assert.Equal("Completed", await ReliabilityStack.OrchestrationStatusAsync(restarted, id, Recovery));
        await LogAssert.CreatedAndNotedOnceAsync(stack, id);
        Assert.Equal(1, await stack.CountSubscriptionsAsync());
    }

    [Fact]
    public async Task A_kill_during_a_burst_of_50_processes_loses_none_and_runs_no_step_twice()
    {
        const int count = 50;
        await using var stack = await ReliabilityStack.CreateAsync("crash-burst");
        var first = await stack.StartHostAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ReliabilityStack.StartProcessAsync(first, TestWorkflows.CreatesSubscription)));
        await WaitUntilSomeCompletedAsync(stack, ids, 5);

        first.Kill();
        var completedAtKill = await CountCompletedAsync(stack, ids);
        await stack.StartHostAsync();
        await stack.WaitForAsync(ids, TimeSpan.FromSeconds(120), ProcessStatus.Completed);

        Assert.True(completedAtKill < count, "every process had finished before the kill; the test proved nothing");
        foreach (var id in ids) await LogAssert.CreatedAndNotedOnceAsync(stack, id);
        Assert.Equal(count, (await stack.AllProcessIdsAsync()).Count);
        Assert.Equal(count, await stack.CountSubscriptionsAsync());
    }

    static async Task WaitUntilSomeCompletedAsync(ReliabilityStack stack, IReadOnlyCollection<Guid> ids, int some)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountCompletedAsync(stack, ids) < some && DateTime.UtcNow < deadline) await Task.Delay(100);
    }

    static async Task<int> CountCompletedAsync(ReliabilityStack stack, IEnumerable<Guid> ids)
    {
        var counts = await stack.Log.CountByStatusAsync(isTask: true);
        return counts.GetValueOrDefault(ProcessStatus.Completed);
    }
}
