using System.Text.Json.Nodes;
using Orchestrator.Domain.Forms;

namespace Orchestrator.Domain.Workflows;

/// <summary>
/// One step of a workflow. A step is identified by its position and its stable <see cref="Key"/>; <see cref="Name"/> is the
/// label the process log shows, and the same label may appear twice in one workflow.
/// </summary>
public abstract record Step(string Key, string Name)
{
    /// <summary>When set, the step runs only if this holds for the state; otherwise it is logged as skipped.</summary>
    public Func<JsonObject, bool>? Condition { get; init; }
}

/// <summary>A plain step: runs its body in an activity. A retry step parks the process as waiting when it fails.</summary>
public sealed record ActionStep(string Key, string Name, StepBody Body) : Step(Key, Name)
{
    public bool IsRetryStep { get; init; }
}

/// <summary>An input step: the process suspends until a user submits the step's form; the answer is merged into the state.</summary>
public sealed record InputStep(string Key, string Name, StepForm Form) : Step(Key, Name)
{
    public string Assignee { get; init; } = Assignees.System;
}

/// <summary>
/// A callback step: its action hands an external system a one-time URL (<c>callback_route</c> in the state the action sees),
/// then the process is awaiting_callback until the system posts its result there (stored under <see cref="ResultKey"/>), or
/// until <see cref="Timeout"/>, after which the process fails with a clear reason and can be retried or aborted.
/// </summary>
public sealed record CallbackStep(string Key, string Name, StepBody Action, TimeSpan Timeout) : Step(Key, Name)
{
    public string ResultKey { get; init; } = "callback_result";
}

/// <summary>Sub-steps logged as one step; a retry resumes from the sub-step that was running.</summary>
public sealed record StepGroup(string Key, string Name, IReadOnlyList<ActionStep> Steps) : Step(Key, Name);

public delegate Task<StepResult> StepBody(IStepContext context);

/// <summary>A form shown while a process waits; it may read the state (e.g. to render the config to confirm).</summary>
public delegate Task<JsonObject> StepForm(FormSession session, JsonObject state, IFormContext context);

public static class Assignees
{
    public const string Noc = "NOC";
    public const string System = "SYSTEM";
    public const string Changes = "CHANGES";
    public const string KlantSupport = "KLANTSUPPORT";
}
