using Azure.Data.Tables;

namespace Orchestrator.Infra.Tables;

/// <summary>The Table storage tables of the process log: processes, their steps, their subscriptions and their form inputs.</summary>
public sealed class ProcessTables(TableServiceClient service, StorageOptions options)
{
    public const string ProcessesName = "processes";
    public const string StepsName = "processsteps";
    public const string ProcessSubscriptionsName = "processsubscriptions";
    public const string InputsName = "processinputs";
    public const string SettingsName = "enginesettings";
    public const string SchedulesName = "schedules";

    public TableClient Processes => Table(ProcessesName);
    public TableClient Steps => Table(StepsName);
    public TableClient ProcessSubscriptions => Table(ProcessSubscriptionsName);
    public TableClient Inputs => Table(InputsName);
    public TableClient Settings => Table(SettingsName);
    public TableClient Schedules => Table(SchedulesName);

    TableClient Table(string name) => service.GetTableClient(options.TablePrefix + name);

    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        foreach (var name in new[] { ProcessesName, StepsName, ProcessSubscriptionsName, InputsName, SettingsName, SchedulesName })
            await service.CreateTableIfNotExistsAsync(options.TablePrefix + name, ct);
    }
}
