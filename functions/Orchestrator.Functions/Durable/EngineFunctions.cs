using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Functions.Durable;

/// <summary>
/// The engine's orchestrator and activity as Functions triggers: the same classes the local host registers, under the
/// same names, so CallActivityAsync(nameof(RunStepActivity)) resolves in both hosts.
/// </summary>
public static class EngineFunctions
{
    [Function(nameof(ProcessOrchestrator))]
    public static Task<string> RunProcess([OrchestrationTrigger] TaskOrchestrationContext context, ProcessInput input) =>
        new ProcessOrchestrator().RunAsync(context, input);

    [Function(nameof(RunStepActivity))]
    public static async Task<StepOutcome> RunStep([ActivityTrigger] StepRequest request, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        using var _ = DurableClientAccess.Use(client);
        return await context.InstanceServices.GetRequiredService<StepRunner>().RunAsync(request, context.CancellationToken);
    }
}
