namespace Orchestrator.Infra.Cosmos;

/// <summary>Configuration section <c>Cosmos</c> (env: <c>Cosmos__Endpoint</c>, <c>Cosmos__Key</c>, ...).</summary>
public sealed record CosmosOptions
{
    public string Endpoint { get; init; } = "http://127.0.0.1:8081/";
    public string Key { get; init; } = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    public string Database { get; init; } = "orchestrator";
    /// <summary>Only for the local cosmosdb-server emulator: see <see cref="LocalEmulatorShim"/>. Never set against Azure.</summary>
    public bool UseLocalEmulatorShim { get; init; }
}
