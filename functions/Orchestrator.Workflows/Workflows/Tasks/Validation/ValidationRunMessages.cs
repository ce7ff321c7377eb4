namespace Orchestrator.Workflows.Workflows.Tasks.Validation;

/// <summary>
/// One generation of a validation run: the task's process, its limits, where the subscription list goes on, the tally so
/// far, and the children still running when the previous generation continued as new (so it never waits for a batch to drain).
/// </summary>
public sealed record ValidationRunInput(
    Guid ProcessId, int Concurrency, int BatchSize, string? ContinuationToken = null, ValidationSummary? Summary = null,
    IReadOnlyList<ValidationChild>? Running = null);

public sealed record ValidationSummary(int Validated, int InSync, int Inconsistent, int Failed, int Skipped, int PeakConcurrency, IReadOnlyList<Guid> InconsistentIds)
{
    public const int MaxInconsistentIds = 100;

    public static readonly ValidationSummary Empty = new(0, 0, 0, 0, 0, 0, []);

    public ValidationSummary Count(ValidationResult result) => result.Status switch
    {
        Infra.Processes.ProcessStatus.Completed => this with { Validated = Validated + 1, InSync = InSync + 1 },
        Infra.Processes.ProcessStatus.InconsistentData => this with
        {
            Validated = Validated + 1,
            Inconsistent = Inconsistent + 1,
            InconsistentIds = InconsistentIds.Count < MaxInconsistentIds ? [.. InconsistentIds, result.SubscriptionId] : InconsistentIds,
        },
        _ => this with { Validated = Validated + 1, Failed = Failed + 1 },
    };
}

public sealed record ValidationCandidate(Guid SubscriptionId, string Workflow);

public sealed record ValidationBatchRequest(string? ContinuationToken, int BatchSize);

/// <summary>A page of subscriptions: those to validate, how many were skipped, and where the next page starts (null: none).</summary>
public sealed record ValidationBatch(IReadOnlyList<ValidationCandidate> Candidates, int Skipped, string? ContinuationToken);

public sealed record StartValidationsRequest(Guid RunProcessId, IReadOnlyList<ValidationCandidate> Candidates);

/// <summary>The child process of one candidate; null when its start was refused (it counts as skipped), or paused.</summary>
public sealed record StartedValidation(ValidationCandidate Candidate, Guid? ProcessId, bool EnginePaused);

public sealed record ValidationChild(Guid ProcessId, Guid SubscriptionId);

/// <summary>A child that is done: completed, or parked (inconsistent_data, failed, api_unavailable, waiting), or aborted.</summary>
public sealed record ValidationResult(Guid ProcessId, Guid SubscriptionId, string Status);

public sealed record FinishValidationRequest(Guid ProcessId, ValidationSummary Summary);
