namespace Orchestrator.Testing;

/// <summary>
/// The emulators ./test.sh starts on free ports and passes on in the environment. Tests that need them fail with this
/// message when they are missing, rather than passing without having run.
/// </summary>
public static class Emulators
{
    public static string CosmosEndpoint => Required("Cosmos__Endpoint");
    public static string StorageConnectionString => Required("Storage__ConnectionString");

    static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: these tests need Azurite and the Cosmos emulator. Run them through ./test.sh, which starts both.");

    /// <summary>Settings for an isolated run: its own Cosmos database, table prefix and task hub.</summary>
    public static Dictionary<string, string?> IsolatedSettings(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return new Dictionary<string, string?>
        {
            ["Cosmos:Endpoint"] = CosmosEndpoint,
            ["Cosmos:UseLocalEmulatorShim"] = "true",
            ["Cosmos:Database"] = $"{name}-{suffix}",
            ["Storage:ConnectionString"] = StorageConnectionString,
            ["Storage:TablePrefix"] = $"t{suffix}",
            ["DurableTask:HubName"] = $"hub{suffix}",
        };
    }
}
