using Microsoft.DurableTask;

namespace Orchestrator.Workflows.Workflows.Tasks.Validation;

/// <summary>
/// The body of task_validate_subscriptions: per batch of subscriptions, keeps at most <c>Concurrency</c> validate processes
/// running, counts each once it is done (completed or parked: it never waits for an operator), and continues as new when a
/// batch is all started, handing its running children on, so a run over 10,000 subscriptions keeps a small history and the
/// limit stays filled across batches. At the end it hands the summary to the task's callback step.
/// </summary>
public sealed class ValidationRunOrchestrator : TaskOrchestrator<ValidationRunInput, ValidationSummary>
{
    static readonly TaskOptions ActivityOptions = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<ValidationSummary> RunAsync(TaskOrchestrationContext context, ValidationRunInput input)
    {
        var summary = input.Summary ?? ValidationSummary.Empty;
        var batch = await context.CallActivityAsync<ValidationBatch>(nameof(ListValidationBatchActivity),
            new ValidationBatchRequest(input.ContinuationToken, input.BatchSize), ActivityOptions);
        summary = summary with { Skipped = summary.Skipped + batch.Skipped };
        var queue = new Queue<ValidationCandidate>(batch.Candidates);
        var running = new List<ValidationChild>(input.Running ?? []);
        while (queue.Count > 0 || running.Count > 0)
        {
            // the next batch is listed while this one's last children still run: they go on into the next generation
            if (queue.Count == 0 && batch.ContinuationToken is not null) break;
            if (queue.Count > 0 && running.Count < input.Concurrency)
            {
                var next = Enumerable.Range(0, Math.Min(queue.Count, input.Concurrency - running.Count)).Select(_ => queue.Dequeue()).ToList();
                var started = await context.CallActivityAsync<List<StartedValidation>>(nameof(StartValidationsActivity),
                    new StartValidationsRequest(input.ProcessId, next), ActivityOptions);
                foreach (var start in started)
                {
                    if (start.EnginePaused) queue.Enqueue(start.Candidate);
                    else if (start.ProcessId is { } processId) running.Add(new ValidationChild(processId, start.Candidate.SubscriptionId));
                    else summary = summary with { Skipped = summary.Skipped + 1 };
                }
                summary = summary with { PeakConcurrency = Math.Max(summary.PeakConcurrency, running.Count) };
                if (started.Any(s => s.EnginePaused)) await context.CreateTimer(TimeSpan.FromSeconds(30), CancellationToken.None);
            }
            if (running.Count == 0) continue;
            var done = await context.CallActivityAsync<List<ValidationResult>>(nameof(WaitForValidationsActivity), running, ActivityOptions);
            foreach (var result in done)
            {
                running.RemoveAll(c => c.ProcessId == result.ProcessId);
                summary = summary.Count(result);
            }
        }
        if (batch.ContinuationToken is { } token)
        {
            context.ContinueAsNew(input with { ContinuationToken = token, Summary = summary, Running = running });
            return summary;
        }
        await context.CallActivityAsync(nameof(FinishValidationRunActivity), new FinishValidationRequest(input.ProcessId, summary), ActivityOptions);
        return summary;
    }
}
