namespace Orchestrator.Infra.Processes;

/// <summary>orchestrator-core's <c>ProcessStatus</c> (processes.last_status), spec §3.1.</summary>
public static class ProcessStatus
{
    public const string Created = "created";
    public const string Running = "running";
    public const string Suspended = "suspended";
    public const string Waiting = "waiting";
    public const string AwaitingCallback = "awaiting_callback";
    public const string Aborted = "aborted";
    public const string Failed = "failed";
    public const string ApiUnavailable = "api_unavailable";
    public const string InconsistentData = "inconsistent_data";
    public const string Completed = "completed";
    public const string Resumed = "resumed";

    public static readonly IReadOnlyList<string> All =
    [
        Created, Running, Suspended, Waiting, AwaitingCallback, Aborted, Failed, ApiUnavailable, InconsistentData, Completed, Resumed,
    ];
}

/// <summary>orchestrator-core's <c>StepStatus</c> (process_steps.status), spec §3.1. "pending" is never stored.</summary>
public static class StepStatus
{
    public const string Success = "success";
    public const string Skipped = "skipped";
    public const string Suspend = "suspend";
    public const string Waiting = "waiting";
    public const string AwaitingCallback = "awaiting_callback";
    public const string Failed = "failed";
    public const string Abort = "abort";
    public const string Complete = "complete";

    public static readonly IReadOnlyList<string> All = [Success, Skipped, Suspend, Waiting, AwaitingCallback, Failed, Abort, Complete];

    /// <summary>The statuses a state_delta is computed against, and whose state a retry starts from (spec §3.5–3.6).</summary>
    public static bool IsCleared(string status) => status is Success or Skipped or Complete;
}
