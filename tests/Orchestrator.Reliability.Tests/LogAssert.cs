using Orchestrator.Infra.Processes;

namespace Orchestrator.Reliability.Tests;

/// <summary>What must hold for a process after any crash: its log shows each step once, and its subscription matches the log.</summary>
static class LogAssert
{
    /// <summary>Each step index has one row per status: a re-run step is counted (retries, attempts), never a second success.</summary>
    public static async Task<IReadOnlyList<StepRecord>> EachStepOnceAsync(ReliabilityStack stack, Guid processId, params string[] expectedCleared)
    {
        var steps = await stack.Log.GetStepsAsync(processId);
        var duplicates = steps.GroupBy(s => (s.Index, s.Status)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Index}:{g.Key.Status} x{g.Count()}");
        Assert.True(!duplicates.Any(), $"process {processId} logged a step twice: {string.Join(", ", duplicates)}");
        var cleared = steps.Where(s => StepStatus.IsCleared(s.Status)).Select(s => s.Key).ToList();
        Assert.Equal(expectedCleared, cleared);
        return steps;
    }

    /// <summary>
    /// A completed <see cref="TestWorkflows.CreatesSubscription"/> process: one subscription, created once (version 1) and noted
    /// once (version 2, "noted;"), last written by the note step of this process.
    /// </summary>
    public static async Task CreatedAndNotedOnceAsync(ReliabilityStack stack, Guid processId)
    {
        var process = await stack.Log.GetAsync(processId);
        Assert.Equal(ProcessStatus.Completed, process!.LastStatus);
        var steps = await EachStepOnceAsync(stack, processId, "start", "create", "note", "done");
        var state = await stack.Log.GetCurrentStateAsync(processId);
        var subscriptionId = Guid.Parse(state["subscription_id"]!.GetValue<string>());
        var stored = await stack.Subscriptions.GetAsync(subscriptionId);
        Assert.NotNull(stored);
        Assert.Equal("noted;", stored.Subscription.Note);
        Assert.Equal(2, stored.Subscription.Version);
        var note = steps.Single(s => s.Key == "note" && StepStatus.IsCleared(s.Status));
        var stamp = stored.Subscription.LastWrite!;
        Assert.Equal((processId, note.Index, note.Attempt), (stamp.ProcessId, stamp.StepIndex, stamp.Attempt / 1000));
    }
}
