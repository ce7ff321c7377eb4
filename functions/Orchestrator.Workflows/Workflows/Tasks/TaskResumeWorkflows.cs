using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Processes;
using Orchestrator.Workflows.Engine;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.Tasks;

/// <summary>
/// task_resume_workflows (spec §2.8, HEAD): retries every waiting process, starts processes stuck in created (their
/// orchestration never started), and re-sends the retry of processes stuck in resumed for longer than a minute.
/// </summary>
public static class TaskResumeWorkflows
{
    public const string Name = "task_resume_workflows";
    static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(1);

    static readonly Step Find = new ActionStep("find_waiting_workflows", "Find waiting workflows", async context =>
    {
        var resumer = context.Services.GetRequiredService<ProcessResumer>();
        var waiting = await resumer.FindAsync([ProcessStatus.Waiting], null, CancellationToken.None);
        var stuck = (await resumer.FindAsync([ProcessStatus.Created, ProcessStatus.Resumed], null, CancellationToken.None))
            .Where(p => context.Now - p.LastModifiedAt > StuckAfter && p.ProcessId != context.ProcessId);
        return StepResult.With(new JsonObject
        {
            ["waiting_process_ids"] = Ids(waiting),
            ["stuck_process_ids"] = Ids(stuck),
        });
    });

    static readonly Step Resume = new ActionStep("resume_found_workflows", "Resume found workflows", async context =>
    {
        var services = context.Services;
        var log = services.GetRequiredService<ProcessLog>();
        var resumer = services.GetRequiredService<ProcessResumer>();
        var client = services.GetRequiredService<DurableClientAccess>().Client;
        var resumed = new JsonArray();
        foreach (var id in Read(context.State["waiting_process_ids"]).Concat(Read(context.State["stuck_process_ids"])))
        {
            if (await log.GetAsync(id) is not { } process) continue;
            var done = process.LastStatus switch
            {
                ProcessStatus.Waiting => await resumer.RetryAsync(process, CancellationToken.None),
                ProcessStatus.Created => await StartIfMissingAsync(client, process),
                ProcessStatus.Resumed when process.WaitToken is { } token && !token.StartsWith(EngineEvents.PausedMarker, StringComparison.Ordinal) =>
                    await RaiseAsync(client, process, EngineEvents.Retry(token)),
                _ => false,
            };
            if (done) resumed.Add(id.ToString());
        }
        return StepResult.With(new JsonObject { ["number_of_resumed_process_ids"] = resumed.Count, ["resumed_process_ids"] = resumed });
    });

    static async Task<bool> StartIfMissingAsync(Microsoft.DurableTask.Client.DurableTaskClient client, ProcessRecord process)
    {
        if (await client.GetInstanceAsync(process.ProcessId.ToString()) is not null) return false;
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ProcessOrchestrator),
            new ProcessInput(process.ProcessId, process.WorkflowName, process.WorkflowVersion), new StartOrchestrationOptions(process.ProcessId.ToString()));
        return true;
    }

    static async Task<bool> RaiseAsync(Microsoft.DurableTask.Client.DurableTaskClient client, ProcessRecord process, string eventName)
    {
        await client.RaiseEventAsync(process.ProcessId.ToString(), eventName, "");
        return true;
    }

    static JsonArray Ids(IEnumerable<ProcessRecord> processes) => new(processes.Select(p => (JsonNode)p.ProcessId.ToString()).ToArray());

    static IEnumerable<Guid> Read(JsonNode? ids) => ids?.AsArray().Select(n => Guid.Parse(n!.GetValue<string>())) ?? [];

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Task(Name,
        "Resume all workflows that are stuck on tasks with the status 'waiting'", null, Find, Resume);
}
