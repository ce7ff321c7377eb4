namespace Orchestrator.LocalHost.Durable;

/// <summary>
/// Settings of the local host's task hub (section <c>DurableTask</c>). The queue visibility timeout decides how soon the
/// work of a host that died is picked up again; it is short here for local runs (see the README for production).
/// </summary>
public sealed record DurableSettings(string ConnectionString, string HubName, int PartitionCount, TimeSpan MaxQueuePollingInterval, TimeSpan QueueVisibilityTimeout)
{
    public static DurableSettings From(IConfiguration configuration) => new(
        configuration["Storage:ConnectionString"] ?? configuration["AzureWebJobsStorage"] ?? "UseDevelopmentStorage=true",
        configuration["DurableTask:HubName"] ?? "OrchestratorHub",
        int.TryParse(configuration["DurableTask:PartitionCount"], out var partitions) ? partitions : 1,
        TimeSpan.TryParse(configuration["DurableTask:MaxQueuePollingInterval"], out var polling) ? polling : TimeSpan.FromMilliseconds(500),
        TimeSpan.TryParse(configuration["DurableTask:QueueVisibilityTimeout"], out var visibility) ? visibility : TimeSpan.FromSeconds(30));
}
