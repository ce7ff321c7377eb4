using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Engine;
using Orchestrator.Workflows.Workflows.Tasks.Validation;

namespace Orchestrator.Functions.Durable;

/// <summary>task_validate_subscriptions' run as Functions triggers, under the names the local host registers.</summary>
public static class ValidationRunFunctions
{
    [Function(nameof(ValidationRunOrchestrator))]
    public static Task<ValidationSummary> Run([OrchestrationTrigger] TaskOrchestrationContext context, ValidationRunInput input) =>
        new ValidationRunOrchestrator().RunAsync(context, input);

    [Function(nameof(ListValidationBatchActivity))]
    public static Task<ValidationBatch> List([ActivityTrigger] ValidationBatchRequest request, FunctionContext context) =>
        Run(context).ListAsync(request, context.CancellationToken);

    [Function(nameof(StartValidationsActivity))]
    public static async Task<List<StartedValidation>> Start([ActivityTrigger] StartValidationsRequest request, [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        using var _ = DurableClientAccess.Use(client);
        return await Run(context).StartAsync(request, context.CancellationToken);
    }

    [Function(nameof(WaitForValidationsActivity))]
    public static Task<List<ValidationResult>> Wait([ActivityTrigger] List<ValidationChild> running, FunctionContext context) =>
        Run(context).WaitAsync(running, context.CancellationToken);

    [Function(nameof(FinishValidationRunActivity))]
    public static async Task<bool> Finish([ActivityTrigger] FinishValidationRequest request, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        using var _ = DurableClientAccess.Use(client);
        return await Run(context).FinishAsync(request, context.CancellationToken);
    }

    static ValidationRun Run(FunctionContext context) => context.InstanceServices.GetRequiredService<ValidationRun>();
}
