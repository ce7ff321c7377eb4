using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Handlers;
using Orchestrator.Api.Http;
using Orchestrator.Infra;

namespace Orchestrator.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The HTTP handlers, the access seam and the stores they read; the same for both hosts.</summary>
    public static IServiceCollection AddOrchestratorApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOrchestratorInfra(configuration);
        services.AddSingleton<IAccessPolicy, AllowAllAccessPolicy>();
        services.AddSingleton<HealthHandlers>();
        services.AddSingleton<ProductHandlers>();
        services.AddSingleton<ProductBlockHandlers>();
        services.AddSingleton<ResourceTypeHandlers>();
        services.AddSingleton<WorkflowHandlers>();
        services.AddSingleton<FixedInputHandlers>();
        services.AddSingleton<SubscriptionHandlers>();
        return services;
    }
}
