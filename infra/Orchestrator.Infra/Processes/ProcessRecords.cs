using System.Text.Json.Nodes;

namespace Orchestrator.Infra.Processes;

/// <summary>One process: orchestrator-core's <c>processes</c> row plus the engine's bookkeeping.</summary>
public sealed record ProcessRecord
{
    public Guid ProcessId { get; init; }
    public string WorkflowName { get; init; } = "";
    public string WorkflowTarget { get; init; } = "";
    public bool IsTask { get; init; }
    public int WorkflowVersion { get; init; }
    public string LastStatus { get; init; } = ProcessStatus.Created;
    public string? LastStep { get; init; }
    public string? Assignee { get; init; }
    public string? FailedReason { get; init; }
    public string? Traceback { get; init; }
    public string CreatedBy { get; init; } = "SYSTEM";
    /// <summary>Stored as UTC ticks: read back in UTC (the same instant). Default: the time of <see cref="ProcessLog.CreateAsync"/>.</summary>
    public DateTimeOffset StartedAt { get; init; }
    /// <summary>Set by the store on every create and update.</summary>
    public DateTimeOffset LastModifiedAt { get; init; }
    public IReadOnlyList<Guid> SubscriptionIds { get; init; } = [];
    public Guid? ProductId { get; init; }
    public string? CustomerId { get; init; }
    /// <summary>Index of the next step to run (engine bookkeeping).</summary>
    public int CurrentIndex { get; init; }
    /// <summary>Token of the current wait (input step / retry); null when not waiting.</summary>
    public string? WaitToken { get; init; }
    public bool AbortRequested { get; init; }
    public string? Note { get; init; }
    /// <summary>The ETag of the main row, set by <see cref="ProcessLog.GetAsync"/>, create and update. Empty on list items.</summary>
    public string ETag { get; init; } = "";
}

/// <summary>One logged step row (orchestrator-core's <c>process_steps</c>).</summary>
public sealed record StepRecord
{
    public Guid StepId { get; init; }
    public int Index { get; init; }
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public string Status { get; init; } = StepStatus.Success;
    public int Attempt { get; init; }
    /// <summary>The full state snapshot after the step.</summary>
    public JsonObject State { get; init; } = new();
    /// <summary>The keys that changed versus the last row with status success/skipped/complete (first row: the full state). Computed by the store.</summary>
    public JsonObject StateDelta { get; init; } = new();
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset Completed { get; init; }
    public string CreatedBy { get; init; } = "SYSTEM";
    /// <summary>Identical failures counted on the same row.</summary>
    public int Retries { get; init; }
    /// <summary>Every execution time of this row (retries append).</summary>
    public IReadOnlyList<DateTimeOffset> ExecutedAt { get; init; } = [];
    public string? Error { get; init; }
    public string? Traceback { get; init; }
}

/// <summary>Process list filters; all optional. Results are newest first (by <see cref="ProcessRecord.StartedAt"/>).</summary>
public sealed record ProcessQuery
{
    public string? Status { get; init; }
    public string? Workflow { get; init; }
    public string? Target { get; init; }
    public bool? IsTask { get; init; }
    public Guid? SubscriptionId { get; init; }
    public string? CreatedBy { get; init; }
    /// <summary>Page size, clamped to 1..1000.</summary>
    public int Take { get; init; } = 100;
    /// <summary>The token of the previous page; it only fits a query with the same filters.</summary>
    public string? ContinuationToken { get; init; }
}

public sealed record ProcessPage(IReadOnlyList<ProcessRecord> Items, string? ContinuationToken);

/// <summary>A conditional write lost: the ETag no longer matched, or the process already exists.</summary>
public sealed class ProcessConflictException(string message) : Exception(message);
