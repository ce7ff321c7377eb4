using Microsoft.DurableTask;

namespace Orchestrator.Workflows.Engine;

/// <summary>
/// The one generic orchestrator: it runs a process's steps one activity at a time and waits, durably, where the process
/// waits (an input step, a failed step, a paused engine). It holds no workflow-specific code and no state but the position;
/// the state and the log live in Table storage, written by the step activity.
/// </summary>
public sealed class ProcessOrchestrator : TaskOrchestrator<ProcessInput, string>
{
    /// <summary>Activity calls per orchestration history before it continues as new, so long retry loops stay small.</summary>
    const int TurnsPerHistory = 200;

    static readonly TaskOptions ActivityOptions = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, ProcessInput input)
    {
        var index = input.StartIndex;
        var attempt = input.StartAttempt;
        var inputId = input.StartInputId;
        var transientTry = 0;
        StepOutcome? pending = null;
        for (var turn = 0; turn < TurnsPerHistory; turn++)
        {
            var request = new StepRequest(input.ProcessId, input.WorkflowName, input.Version, index, attempt, inputId, transientTry);
            var outcome = pending ?? await context.CallActivityAsync<StepOutcome>(nameof(RunStepActivity), request, ActivityOptions);
            pending = null;
            context.SetCustomStatus(new ProcessCustomStatus(outcome.Status, outcome.Index, outcome.StepName));
            inputId = null;
            switch (outcome.Kind)
            {
                case StepOutcomeKind.Next:
                    (index, attempt, transientTry) = (outcome.NextIndex, 1, 0);
                    break;
                case StepOutcomeKind.Completed:
                    return ProcessOutcomes.Completed;
                case StepOutcomeKind.Aborted:
                    return ProcessOutcomes.Aborted;
                case StepOutcomeKind.Transient:
                    await context.CreateTimer(TimeSpan.FromSeconds(Math.Min(30, 1 << transientTry)), CancellationToken.None);
                    transientTry++;
                    break;
                case StepOutcomeKind.Paused:
                    await context.WaitForExternalEvent<string>(EngineEvents.Unpause(outcome.WaitToken!));
                    break;
                case StepOutcomeKind.AwaitingCallback:
                    var (callback, timedOut) = await WaitForCallbackAsync(context, outcome);
                    if (callback is null && !timedOut) return await AbortAsync(context, request);
                    if (timedOut)
                    {
                        pending = await context.CallActivityAsync<StepOutcome>(nameof(RunStepActivity), request with { CallbackTimedOut = true }, ActivityOptions);
                        break;
                    }
                    (inputId, attempt, transientTry) = (callback, attempt + 1, 0);
                    break;
                case StepOutcomeKind.Suspended:
                case StepOutcomeKind.Parked:
                    var eventName = outcome.Kind == StepOutcomeKind.Suspended
                        ? EngineEvents.Input(outcome.WaitToken!)
                        : EngineEvents.Retry(outcome.WaitToken!);
                    var resumed = context.WaitForExternalEvent<string>(eventName);
                    var aborted = context.WaitForExternalEvent<string>(EngineEvents.Abort);
                    if (await Task.WhenAny(resumed, aborted) == aborted) return await AbortAsync(context, request);
                    inputId = outcome.Kind == StepOutcomeKind.Suspended ? resumed.Result : null;
                    (attempt, transientTry) = (attempt + 1, 0);
                    break;
            }
        }
        context.ContinueAsNew(input with { StartIndex = index, StartAttempt = attempt, StartInputId = inputId }, preserveUnprocessedEvents: true);
        return ProcessOutcomes.ContinuedAsNew;
    }

    static async Task<string> AbortAsync(TaskOrchestrationContext context, StepRequest request)
    {
        await context.CallActivityAsync<StepOutcome>(nameof(RunStepActivity), request with { Abort = true }, ActivityOptions);
        return ProcessOutcomes.Aborted;
    }

    /// <summary>The callback's input id, or (null, true) when the step's timeout passed first, or (null, false) on abort.</summary>
    static async Task<(string? InputId, bool TimedOut)> WaitForCallbackAsync(TaskOrchestrationContext context, StepOutcome outcome)
    {
        using var cancelTimer = new CancellationTokenSource();
        var callback = context.WaitForExternalEvent<string>(EngineEvents.Input(outcome.WaitToken!));
        var abort = context.WaitForExternalEvent<string>(EngineEvents.Abort);
        var timer = context.CreateTimer(TimeSpan.FromSeconds(outcome.TimeoutSeconds), cancelTimer.Token);
        var first = await Task.WhenAny(callback, abort, timer);
        if (first != timer) cancelTimer.Cancel();
        if (first == callback) return (callback.Result, false);
        return (null, first == timer);
    }
}

public sealed record ProcessCustomStatus(string Status, int Index, string Step);

public static class ProcessOutcomes
{
    public const string Completed = "completed";
    public const string Aborted = "aborted";
    public const string ContinuedAsNew = "continued";
}
