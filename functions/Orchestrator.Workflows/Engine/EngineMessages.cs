namespace Orchestrator.Workflows.Engine;

/// <summary>The input of one process orchestration: which workflow, on which version, and where to go on from.</summary>
public sealed record ProcessInput(Guid ProcessId, string WorkflowName, int Version, int StartIndex = 0, int StartAttempt = 1, string? StartInputId = null);

/// <summary>Asks the step activity to run step <see cref="Index"/> (attempt <see cref="Attempt"/>) of a process.</summary>
public sealed record StepRequest(
    Guid ProcessId,
    string WorkflowName,
    int Version,
    int Index,
    int Attempt,
    string? InputId = null,
    int TransientTry = 0,
    bool Abort = false,
    bool CallbackTimedOut = false);

public enum StepOutcomeKind
{
    /// <summary>The step succeeded or was skipped: run <see cref="StepOutcome.NextIndex"/>.</summary>
    Next,
    /// <summary>The workflow is done.</summary>
    Completed,
    /// <summary>An input step waits for its form: the event is <c>input:{token}</c>.</summary>
    Suspended,
    /// <summary>The step failed (or waits, for a retry step): the process waits for <c>retry:{token}</c> or abort.</summary>
    Parked,
    /// <summary>A transient error: try the same step again after a durable timer.</summary>
    Transient,
    /// <summary>The process was aborted.</summary>
    Aborted,
    /// <summary>The engine is paused: wait for <c>unpause</c>, then run the same step.</summary>
    Paused,
    /// <summary>A callback step waits for <c>input:{token}</c> until <see cref="StepOutcome.TimeoutSeconds"/> have passed.</summary>
    AwaitingCallback,
}

/// <summary>What the step activity reports back; everything else lives in the process log.</summary>
public sealed record StepOutcome(StepOutcomeKind Kind, string Status, int Index, string StepName, int NextIndex = 0, string? WaitToken = null,
    double TimeoutSeconds = 0);

public static class EngineEvents
{
    public const string Abort = "abort";
    public const string PausedMarker = "paused:";

    public static string Unpause(string epoch) => $"unpause:{epoch}";

    public static string Input(string token) => $"input:{token}";

    public static string Retry(string token) => $"retry:{token}";
}
