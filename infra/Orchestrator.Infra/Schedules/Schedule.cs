using System.Text.Json.Nodes;

namespace Orchestrator.Infra.Schedules;

/// <summary>
/// A schedule: which task it starts, when, with which form pages. <see cref="NextRunAt"/> is the occurrence the tick fires
/// next; <see cref="PendingProcessId"/> is set while an occurrence is claimed but its process not yet known to be started.
/// </summary>
public sealed record Schedule
{
    public Guid ScheduleId { get; init; }
    public string Name { get; init; } = "";
    public string WorkflowName { get; init; } = "";
    public required ScheduleTrigger Trigger { get; init; }
    public JsonArray UserInputs { get; init; } = [];
    public bool Enabled { get; init; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? NextRunAt { get; init; }
    public DateTimeOffset? LastRunAt { get; init; }
    public Guid? LastProcessId { get; init; }
    public Guid? PendingProcessId { get; init; }
    public string ETag { get; init; } = "";

    /// <summary>The process id of one occurrence: a second host or a repeated tick derives the same one.</summary>
    public Guid ProcessIdFor(DateTimeOffset occurrence) =>
        Domain.Catalogue.DeterministicGuid.From($"schedule:{ScheduleId:N}:{occurrence.UtcTicks}");

    /// <summary>This schedule with its next run computed from <paramref name="now"/> (none when disabled).</summary>
    public Schedule Rescheduled(DateTimeOffset now) => this with { NextRunAt = Enabled ? Trigger.NextAfter(now, CreatedAt) : null };
}
