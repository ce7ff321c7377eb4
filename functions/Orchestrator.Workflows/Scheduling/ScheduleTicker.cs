using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Orchestrator.Infra.Schedules;
using Orchestrator.Infra.Settings;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Workflows.Scheduling;

/// <summary>
/// One tick of the scheduler: every enabled schedule whose next run has come is claimed on its row with If-Match (the next
/// run moves past now, so missed occurrences coalesce into this one), then its task is started with a process id derived
/// from (schedule, occurrence). Of two ticks at once, on one host or two, one wins the claim; a claim whose start did not
/// happen (crash, paused engine) stays pending on the row and the next tick starts it, under the same id.
/// </summary>
public sealed class ScheduleTicker(ScheduleStore store, ProcessStarter starter, EngineSettingsStore settings, ILogger<ScheduleTicker> logger)
{
    public const string User = "SYSTEM";

    /// <summary>The processes this tick started.</summary>
    public async Task<IReadOnlyList<Guid>> TickAsync(DateTimeOffset now, DurableTaskClient client, CancellationToken ct = default)
    {
        if ((await settings.GetAsync(ct)).GlobalLock) return [];
        var started = new List<Guid>();
        foreach (var schedule in await store.ListAsync(ct))
        {
            var current = schedule;
            if (current.PendingProcessId is not null)
            {
                current = await StartPendingAsync(current, client, started, ct);
                if (current is null) continue;
            }
            if (!current.Enabled || current.NextRunAt is not { } due || due > now) continue;
            var processId = current.ProcessIdFor(due);
            var claimed = await store.TryReplaceAsync(current with
            {
                NextRunAt = current.Trigger.NextAfter(now, current.CreatedAt),
                LastRunAt = now,
                LastProcessId = processId,
                PendingProcessId = processId,
            }, ct);
            if (claimed is not null) await StartPendingAsync(claimed, client, started, ct);
        }
        return started;
    }

    /// <summary>Starts the claimed occurrence; returns the row with the claim cleared, or null when it must wait for a later tick.</summary>
    async Task<Schedule?> StartPendingAsync(Schedule schedule, DurableTaskClient client, List<Guid> started, CancellationToken ct)
    {
        var processId = schedule.PendingProcessId!.Value;
        StartOutcome outcome;
        try
        {
            var pages = schedule.UserInputs.DeepClone().AsArray();
            outcome = await starter.StartAsync(new StartRequest(schedule.WorkflowName, () => Task.FromResult(pages), User, processId), client, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Schedule {Schedule} could not start {Workflow}; the next tick tries again", schedule.Name, schedule.WorkflowName);
            return null;
        }
        switch (outcome)
        {
            case StartOutcome.EnginePaused:
                return null;
            case StartOutcome.Started:
                started.Add(processId);
                break;
            case StartOutcome.AlreadyStarted:
                break;
            default:
                logger.LogWarning("Schedule {Schedule} did not start {Workflow}: {Outcome}", schedule.Name, schedule.WorkflowName, outcome);
                break;
        }
        return await store.TryReplaceAsync(schedule with { PendingProcessId = null }, ct);
    }
}
