namespace Orchestrator.LocalHost.Durable;

/// <summary>
/// Settings of the local host's task hub (section <c>DurableTask</c>). The queue visibility timeout and the partition lease
/// decide how soon the work of a host that died is picked up again; both are seconds here, for local runs and the crash
/// tests (the README says what to set in production). Activities here wait on storage, Cosmos and NetBox rather than use
/// the CPU, so the host runs up to 100 at once (the Azure Storage provider's default, 10 per core, left a validation run
/// of 50 at a time waiting for slots); <c>MaxConcurrentActivityFunctions</c> and <c>MaxConcurrentOrchestratorFunctions</c>
/// are host.json's names for the same limits.
/// </summary>
public sealed record DurableSettings(
    string ConnectionString, string HubName, int PartitionCount, TimeSpan MaxQueuePollingInterval, TimeSpan QueueVisibilityTimeout,
    TimeSpan LeaseInterval, int MaxConcurrentActivities, int MaxConcurrentOrchestrations)
{
    public static DurableSettings From(IConfiguration configuration) => new(
        configuration["Storage:ConnectionString"] ?? configuration["AzureWebJobsStorage"] ?? "UseDevelopmentStorage=true",
        configuration["DurableTask:HubName"] ?? "OrchestratorHub",
        int.TryParse(configuration["DurableTask:PartitionCount"], out var partitions) ? partitions : 1,
        Time(configuration, "MaxQueuePollingInterval", TimeSpan.FromMilliseconds(500)),
        Time(configuration, "QueueVisibilityTimeout", TimeSpan.FromSeconds(20)),
        Time(configuration, "LeaseInterval", TimeSpan.FromSeconds(20)),
        Count(configuration, "MaxConcurrentActivityFunctions", 100),
        Count(configuration, "MaxConcurrentOrchestratorFunctions", 100));

    static int Count(IConfiguration configuration, string name, int fallback) =>
        int.TryParse(configuration[$"DurableTask:{name}"], out var value) && value > 0 ? value : fallback;

    static TimeSpan Time(IConfiguration configuration, string name, TimeSpan fallback) =>
        TimeSpan.TryParse(configuration[$"DurableTask:{name}"], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
