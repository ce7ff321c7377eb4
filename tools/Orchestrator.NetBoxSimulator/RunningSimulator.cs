using Orchestrator.NetBoxSimulator.Faults;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator;

/// <summary>A started simulator and the address it listens on.</summary>
public sealed class RunningSimulator(WebApplication app, Uri baseAddress) : IAsyncDisposable
{
    public WebApplication App { get; } = app;
    public Uri BaseAddress { get; } = baseAddress;

    public NetBoxStore Store => App.Services.GetRequiredService<NetBoxStore>();
    public FaultInjector Faults => App.Services.GetRequiredService<FaultInjector>();
    public RequestStats Stats => App.Services.GetRequiredService<RequestStats>();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
