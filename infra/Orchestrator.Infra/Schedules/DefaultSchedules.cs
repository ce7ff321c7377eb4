using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Infra.Schedules;

/// <summary>
/// orchestrator-core's ALL_SCHEDULERS as data (spec §3.7): validate subscriptions daily at 00:10, resume waiting workflows
/// hourly, clean up old tasks every 6 hours, validate products daily at 02:30. Added once each (fixed ids), never overwritten,
/// so an operator's change or deletion stays.
/// </summary>
public static class DefaultSchedules
{
    public static readonly IReadOnlyList<(string Name, string Workflow, string Cron)> All =
    [
        ("Subscriptions Validator", "task_validate_subscriptions", "10 0 * * *"),
        ("Resume workflows", "task_resume_workflows", "0 * * * *"),
        ("Clean up tasks", "task_clean_up_tasks", "0 */6 * * *"),
        ("Validate Products and inactive subscriptions", "task_validate_products", "30 2 * * *"),
    ];

    /// <summary>The names of the schedules this call added.</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(ScheduleStore store, DateTimeOffset now, CancellationToken ct = default)
    {
        var added = new List<string>();
        foreach (var (name, workflow, cron) in All)
        {
            var schedule = new Schedule
            {
                ScheduleId = DeterministicGuid.From($"schedule:default:{workflow}"),
                Name = name,
                WorkflowName = workflow,
                Trigger = ScheduleTrigger.Parse(ScheduleTrigger.CronKind, new JsonObject { ["expression"] = cron }),
                UserInputs = [new JsonObject()],
                CreatedAt = now,
            }.Rescheduled(now);
            if (await store.TryAddAsync(schedule, ct)) added.Add(name);
        }
        return added;
    }
}
