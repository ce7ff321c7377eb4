using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Workflows.Circuit;
using Orchestrator.Workflows.Workflows.Node;
using Orchestrator.Workflows.Workflows.Shared;
using Orchestrator.Workflows.Workflows.Tasks;
using Orchestrator.Workflows.Workflows.User;
using Orchestrator.Workflows.Workflows.UserGroup;

namespace Orchestrator.Workflows.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Every workflow this build runs, all versions. Add a workflow here and to a catalogue migration.</summary>
    public static IReadOnlyList<WorkflowDefinition> BuiltInWorkflows() =>
    [
        ModifyNote.Definition,
        TaskValidateProducts.Definition,
        TaskResumeWorkflows.Definition,
        TaskCleanUpTasks.Definition,
        CreateUserGroup.Definition,
        ModifyUserGroup.Definition,
        TerminateUserGroup.Definition,
        CreateUser.Definition,
        ModifyUser.Definition,
        TerminateUser.Definition,
        CreateNode.Definition,
        ValidateNode.Definition,
        TerminateNode.Definition,
        CreateCircuit.Definition,
        ModifyCircuit.Definition,
        TerminateCircuit.Definition,
        ValidateCircuit.Definition,
        TaskValidateSubscriptions.Definition,
    ];

    /// <summary>The engine's services: the registry, the step runner and its helpers (the infra must be registered too).</summary>
    public static IServiceCollection AddProcessEngine(this IServiceCollection services, IEnumerable<WorkflowDefinition>? extraWorkflows = null)
    {
        services.AddSingleton(new WorkflowRegistry(BuiltInWorkflows().Concat(extraWorkflows ?? [])));
        services.AddSingleton<SubscriptionWriter>();
        services.AddSingleton<Gating.WorkflowGate>();
        services.AddSingleton<Gating.SubscriptionClaim>();
        services.AddSingleton<StepRunner>();
        services.AddSingleton<ProcessResumer>();
        services.AddSingleton<Gating.StartClaims>();
        services.AddSingleton<ProcessStarter>();
        services.AddSingleton<Scheduling.ScheduleTicker>();
        services.AddSingleton<Workflows.Tasks.Validation.ValidationRun>();
        services.AddSingleton(sp => new DurableClientAccess(sp.GetService<Microsoft.DurableTask.Client.DurableTaskClient>()));
        services.AddTransient<RunStepActivity>();
        return services;
    }
}
