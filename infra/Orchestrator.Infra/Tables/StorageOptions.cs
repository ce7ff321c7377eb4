namespace Orchestrator.Infra.Tables;

/// <summary>Configuration section <c>Storage</c>; by default the same account as <c>AzureWebJobsStorage</c>.</summary>
public sealed record StorageOptions
{
    public string ConnectionString { get; init; } = "UseDevelopmentStorage=true";
    /// <summary>Prepended to every table name, so several deployments (or test runs) can share one account.</summary>
    public string TablePrefix { get; init; } = "";
}
