using Azure.Data.Tables;

namespace Orchestrator.Infra.Tables;

/// <summary>The Table storage tables of the process log: processes, their steps, their subscriptions and their form inputs.</summary>
public sealed class ProcessTables(TableServiceClient service)
{
    public const string ProcessesName = "processes";
    public const string StepsName = "processsteps";
    public const string ProcessSubscriptionsName = "processsubscriptions";
    public const string InputsName = "processinputs";
    public const string SettingsName = "enginesettings";

    public TableClient Processes => service.GetTableClient(ProcessesName);
    public TableClient Steps => service.GetTableClient(StepsName);
    public TableClient ProcessSubscriptions => service.GetTableClient(ProcessSubscriptionsName);
    public TableClient Inputs => service.GetTableClient(InputsName);
    public TableClient Settings => service.GetTableClient(SettingsName);

    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        foreach (var name in new[] { ProcessesName, StepsName, ProcessSubscriptionsName, InputsName, SettingsName })
            await service.CreateTableIfNotExistsAsync(name, ct);
    }
}
