using System.Text.Json.Nodes;
using Orchestrator.Infra.Processes;

namespace Orchestrator.Api.Processes;

/// <summary>Processes and steps in orchestrator-core's REST shapes (spec §3.6, §4.3), with its deprecated aliases.</summary>
static class ProcessViews
{
    public static JsonObject Summary(ProcessRecord process) => new()
    {
        ["process_id"] = process.ProcessId,
        ["id"] = process.ProcessId,
        ["pid"] = process.ProcessId,
        ["workflow_name"] = process.WorkflowName,
        ["workflow"] = process.WorkflowName,
        ["workflow_target"] = process.WorkflowTarget,
        ["workflow_version"] = process.WorkflowVersion,
        ["is_task"] = process.IsTask,
        ["created_by"] = process.CreatedBy,
        ["assignee"] = process.Assignee ?? "SYSTEM",
        ["last_status"] = process.LastStatus,
        ["status"] = process.LastStatus,
        ["last_step"] = process.LastStep,
        ["step"] = process.LastStep,
        ["failed_reason"] = process.FailedReason,
        ["traceback"] = process.Traceback,
        ["started_at"] = process.StartedAt,
        ["started"] = process.StartedAt,
        ["last_modified_at"] = process.LastModifiedAt,
        ["last_modified"] = process.LastModifiedAt,
        ["product_id"] = process.ProductId,
        ["customer_id"] = process.CustomerId,
        ["note"] = process.Note,
        ["subscription_ids"] = new JsonArray(process.SubscriptionIds.Select(id => (JsonNode)id.ToString()).ToArray()),
    };

    public static JsonObject Step(StepRecord step) => new()
    {
        ["step_id"] = step.StepId,
        ["key"] = step.Key,
        ["index"] = step.Index,
        ["name"] = step.Name,
        ["status"] = step.Status,
        ["state"] = step.State.DeepClone(),
        ["state_delta"] = step.StateDelta.DeepClone(),
        ["started"] = step.Started,
        ["completed"] = step.Completed,
        ["executed"] = step.Completed,
        ["created_by"] = step.CreatedBy,
        ["retries"] = step.Retries,
        ["executed_at"] = new JsonArray(step.ExecutedAt.Select(t => (JsonNode)t.ToString("O")).ToArray()),
    };
}
