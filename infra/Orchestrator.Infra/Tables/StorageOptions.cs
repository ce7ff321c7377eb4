namespace Orchestrator.Infra.Tables;

/// <summary>Configuration section <c>Storage</c>; by default the same account as <c>AzureWebJobsStorage</c>.</summary>
public sealed record StorageOptions
{
    public string ConnectionString { get; init; } = "UseDevelopmentStorage=true";
}
