using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Processes;
using Orchestrator.Workflows.Engine;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.Tasks;

/// <summary>
/// task_clean_up_tasks (spec §2.8): deletes tasks that completed longer ago than <c>Tasks:LogRetentionDays</c> (default 3),
/// from the process log and from Durable Task's history. Workflows are never cleaned up: their log is the audit trail.
/// </summary>
public static class TaskCleanUpTasks
{
    public const string Name = "task_clean_up_tasks";

    static readonly Step CleanUp = new ActionStep("remove_tasks", "Clean up tasks", async context =>
    {
        var configuration = context.Services.GetService<IConfiguration>();
        var days = double.TryParse(configuration?["Tasks:LogRetentionDays"], out var configured) ? configured : 3;
        var cutoff = context.Now - TimeSpan.FromDays(days);
        var log = context.Services.GetRequiredService<ProcessLog>();
        var client = context.Services.GetRequiredService<DurableClientAccess>().Client;
        var completed = await context.Services.GetRequiredService<ProcessResumer>().FindAsync([ProcessStatus.Completed], isTask: true, CancellationToken.None);
        var removed = new JsonArray();
        foreach (var task in completed.Where(t => t.LastModifiedAt <= cutoff && t.ProcessId != context.ProcessId))
        {
            await client.PurgeInstanceAsync(task.ProcessId.ToString());
            await log.DeleteAsync(task.ProcessId);
            removed.Add(task.ProcessId.ToString());
        }
        return StepResult.With(new JsonObject { ["tasks_removed"] = removed.Count, ["removed_task_ids"] = removed, ["retention_days"] = days });
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Task(Name, "Clean up old tasks", null, CleanUp);
}
