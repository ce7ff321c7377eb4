using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Orchestrator.LocalHost.Durable;

/// <summary>
/// The Durable Task backend of the local host: the gRPC task-hub sidecar (from the in-process test host package) over the
/// Azure Storage provider on Azurite, on a free loopback port. The worker and the client of the host connect to it.
/// This stands in for the Functions host's Durable extension, which needs the Core Tools.
/// </summary>
public sealed class DurableSidecar : IAsyncDisposable
{
    readonly WebApplication app;

    DurableSidecar(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<DurableSidecar> StartAsync(IConfiguration configuration)
    {
        var settings = DurableSettings.From(configuration);
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(settings.ConnectionString),
            TaskHubName = settings.HubName,
            PartitionCount = settings.PartitionCount,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = settings.QueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = settings.QueueVisibilityTimeout,
            // partition leases in a table: any length (blob leases are 15-60 s), so a restarted host takes its partition back in seconds
            UseTablePartitionManagement = true,
            LeaseInterval = settings.LeaseInterval,
            LeaseRenewInterval = settings.LeaseInterval / 3,
            LeaseAcquireInterval = settings.LeaseInterval / 3,
            MaxConcurrentTaskActivityWorkItems = settings.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = settings.MaxConcurrentOrchestrations,
        });
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync();
        return new DurableSidecar(app, LocalHostApp.ListeningAddress(app));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
