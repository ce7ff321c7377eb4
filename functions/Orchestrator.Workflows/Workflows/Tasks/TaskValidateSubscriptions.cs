using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Engine;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.Tasks.Validation;

namespace Orchestrator.Workflows.Workflows.Tasks;

/// <summary>
/// task_validate_subscriptions (spec §2.8, HEAD): starts the validate workflow of every active, in-sync subscription whose
/// product has one, at most <c>Tasks:ValidationConcurrency</c> (default 10) at once, in batches of <c>Tasks:ValidationBatchSize</c>
/// (default 200). The run is its own orchestration (<see cref="ValidationRunOrchestrator"/>); this task's callback step waits
/// for its summary, so the generic process orchestrator stays as it is.
/// </summary>
public static class TaskValidateSubscriptions
{
    public const string Name = "task_validate_subscriptions";

    static readonly Step Validate = new CallbackStep("validate_subscriptions", "Validate subscriptions", async context =>
    {
        var configuration = context.Services.GetService<IConfiguration>();
        var concurrency = Setting(configuration, "Tasks:ValidationConcurrency", 10);
        var batchSize = Math.Max(concurrency, Setting(configuration, "Tasks:ValidationBatchSize", 200));
        var client = context.Services.GetRequiredService<DurableClientAccess>().Client;
        var runId = $"{context.ProcessId:N}:validation:{context.Attempt}";
        if (await client.GetInstanceAsync(runId) is null)
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ValidationRunOrchestrator),
                new ValidationRunInput(context.ProcessId, concurrency, batchSize), new StartOrchestrationOptions(runId));
        return StepResult.With(new JsonObject { ["validation_run_id"] = runId, ["concurrency"] = concurrency, ["batch_size"] = batchSize });
    }, TimeSpan.FromHours(24)) { ResultKey = ValidationRun.ResultKey };

    static readonly Step Report = new ActionStep("report_validation", "Report the validation", context =>
    {
        var summary = context.State[ValidationRun.ResultKey]?.AsObject() ?? throw new ProcessFailureException("The validation run reported nothing");
        return Task.FromResult(StepResult.With(new JsonObject
        {
            ["validated"] = summary["validated"]?.DeepClone(),
            ["in_sync"] = summary["in_sync"]?.DeepClone(),
            ["inconsistent"] = summary["inconsistent"]?.DeepClone(),
            ["failed"] = summary["failed"]?.DeepClone(),
            ["skipped"] = summary["skipped"]?.DeepClone(),
            ["peak_concurrency"] = summary["peak_concurrency"]?.DeepClone(),
            ["inconsistent_subscription_ids"] = summary["inconsistent_ids"]?.DeepClone(),
        }));
    });

    static int Setting(IConfiguration? configuration, string key, int fallback) =>
        int.TryParse(configuration?[key], out var value) && value > 0 ? value : fallback;

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Task(Name, "Validate subscriptions", null, Validate, Report);
}
