using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Tables;

namespace Orchestrator.Testing;

/// <summary>A Cosmos database of its own on the emulator, deleted when the test class is done.</summary>
public sealed class TestStorage : IAsyncDisposable
{
    public TestStorage(string name)
    {
        Settings = Emulators.IsolatedSettings(name);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        CosmosOptions = configuration.GetSection("Cosmos").Get<CosmosOptions>()!;
        StorageOptions = configuration.GetSection("Storage").Get<StorageOptions>()!;
        Client = CosmosClientFactory.Create(CosmosOptions);
        Containers = new CosmosContainers(Client, CosmosOptions);
    }

    public Dictionary<string, string?> Settings { get; }
    public CosmosOptions CosmosOptions { get; }
    public StorageOptions StorageOptions { get; }
    public CosmosClient Client { get; }
    public CosmosContainers Containers { get; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.GetDatabase(CosmosOptions.Database).DeleteAsync();
        }
        catch (CosmosException)
        {
            // already gone, or never created
        }
        Client.Dispose();
    }
}
