using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.NetBoxSimulator;
using Orchestrator.NetBoxSimulator.Faults;

namespace Orchestrator.NetBox.Tests;

/// <summary>A fresh simulator on a free port and a client built through <see cref="NetBoxServiceCollectionExtensions.AddNetBoxClient"/>.</summary>
public sealed class NetBoxFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NetBoxFixture(RunningSimulator simulator, ServiceProvider services)
    {
        Simulator = simulator;
        _services = services;
        Client = services.GetRequiredService<INetBoxClient>();
    }

    public RunningSimulator Simulator { get; }
    public INetBoxClient Client { get; }

    public static async Task<NetBoxFixture> StartAsync(IDictionary<string, string?>? settings = null, string[]? simulatorArgs = null)
    {
        var simulator = await NetBoxSimulatorApp.StartAsync(0, simulatorArgs ?? []);
        return new NetBoxFixture(simulator, BuildServices(simulator.BaseAddress.ToString(), settings));
    }

    public static ServiceProvider BuildServices(string url, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["NetBox:Url"] = url,
            ["NetBox:Token"] = "test-token",
            ["NetBox:Timeout"] = "00:00:05",
            ["NetBox:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddNetBoxClient(configuration).BuildServiceProvider();
    }

    public void Fault(FaultSettings settings) => Simulator.Faults.Set(settings);

    public int Requests(string key) => Simulator.Stats.Requests.GetValueOrDefault(key);

    public int Writes(string key) => Simulator.Stats.Writes.GetValueOrDefault(key);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
