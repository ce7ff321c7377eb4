using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Handlers;
using Orchestrator.Api.Http;
using Orchestrator.Api.Processes;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra;
using Orchestrator.NetBox;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The HTTP handlers, the access seam and the stores they read; the same for both hosts.</summary>
    public static IServiceCollection AddOrchestratorApi(this IServiceCollection services, IConfiguration configuration,
        IEnumerable<WorkflowDefinition>? extraWorkflows = null)
    {
        services.AddOrchestratorInfra(configuration);
        services.AddNetBoxClient(configuration);
        services.AddProcessEngine(extraWorkflows);
        services.AddSingleton<ProcessCommands>();
        services.AddSingleton<EngineLockGuard>();
        services.AddSingleton<SettingsHandlers>();
        services.AddSingleton<ProcessQueries>();
        services.AddSingleton<ProcessHandlers>();
        services.AddSingleton<IAccessPolicy, AllowAllAccessPolicy>();
        services.AddSingleton<HealthHandlers>();
        services.AddSingleton<ProductHandlers>();
        services.AddSingleton<ProductBlockHandlers>();
        services.AddSingleton<ResourceTypeHandlers>();
        services.AddSingleton<WorkflowHandlers>();
        services.AddSingleton<FixedInputHandlers>();
        services.AddSingleton<SubscriptionHandlers>();
        services.AddSingleton<SubscriptionActionHandlers>();
        services.AddSingleton<ScheduleHandlers>();
        services.AddSingleton<Views.LastValidations>();
        return services;
    }
}
