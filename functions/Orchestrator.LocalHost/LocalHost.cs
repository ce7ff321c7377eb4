using Grpc.Net.Client;
using Orchestrator.LocalHost.Durable;

namespace Orchestrator.LocalHost;

/// <summary>A built local host: the API app and the Durable Task sidecar it runs on; disposing stops both.</summary>
public sealed class LocalHost(WebApplication app, DurableSidecar sidecar, GrpcChannel channel) : IAsyncDisposable
{
    public WebApplication App { get; } = app;
    public IServiceProvider Services => App.Services;

    public Task StartAsync() => App.StartAsync();

    public Uri Address => LocalHostApp.ListeningAddress(App);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        channel.Dispose();
        await sidecar.DisposeAsync();
    }
}
