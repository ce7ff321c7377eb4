using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Claims;
using Orchestrator.Infra.Settings;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Infra.Tables;

namespace Orchestrator.Infra;

public static class InfraServiceCollectionExtensions
{
    /// <summary>Cosmos DB (catalogue, subscriptions) and Table storage (processes), configured from <c>Cosmos</c> and <c>Storage</c>.</summary>
    public static IServiceCollection AddOrchestratorInfra(this IServiceCollection services, IConfiguration configuration)
    {
        var cosmos = configuration.GetSection("Cosmos").Get<CosmosOptions>() ?? new CosmosOptions();
        var storage = configuration.GetSection("Storage").Get<StorageOptions>()
            ?? new StorageOptions { ConnectionString = configuration["AzureWebJobsStorage"] ?? new StorageOptions().ConnectionString };
        services.AddSingleton(cosmos);
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => CosmosClientFactory.Create(cosmos));
        services.AddSingleton<CosmosContainers>();
        services.AddSingleton<CatalogueStore>();
        services.AddSingleton<CatalogueMigrator>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ClaimStore>();
        services.AddSingleton<EngineSettingsStore>();
        services.AddSingleton<Schedules.ScheduleStore>();
        services.AddSingleton(_ => new TableServiceClient(storage.ConnectionString));
        services.AddSingleton<ProcessTables>();
        services.AddSingleton<ProcessLog>();
        return services;
    }
}
