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
        for (var turn = 0; turn < TurnsPerHistory; turn++)
        {
            var request = new StepRequest(input.ProcessId, input.WorkflowName, input.Version, index, attempt, inputId, transientTry);
            var outcome = await context.CallActivityAsync<StepOutcome>(nameof(RunStepActivity), request, ActivityOptions);
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
                case StepOutcomeKind.Suspended:
                case StepOutcomeKind.Parked:
                    var eventName = outcome.Kind == StepOutcomeKind.Suspended
                        ? EngineEvents.Input(outcome.WaitToken!)
                        : EngineEvents.Retry(outcome.WaitToken!);
                    var resumed = context.WaitForExternalEvent<string>(eventName);
                    var aborted = context.WaitForExternalEvent<string>(EngineEvents.Abort);
                    if (await Task.WhenAny(resumed, aborted) == aborted)
                    {
                        await context.CallActivityAsync<StepOutcome>(nameof(RunStepActivity), request with { Abort = true }, ActivityOptions);
                        return ProcessOutcomes.Aborted;
                    }
                    inputId = outcome.Kind == StepOutcomeKind.Suspended ? resumed.Result : null;
                    (attempt, transientTry) = (attempt + 1, 0);
                    break;
            }
        }
        context.ContinueAsNew(input with { StartIndex = index, StartAttempt = attempt, StartInputId = inputId }, preserveUnprocessedEvents: true);
        return ProcessOutcomes.ContinuedAsNew;
    }
}

public sealed record ProcessCustomStatus(string Status, int Index, string Step);

public static class ProcessOutcomes
{
    public const string Completed = "completed";
    public const string Aborted = "aborted";
    public const string ContinuedAsNew = "continued";
}
