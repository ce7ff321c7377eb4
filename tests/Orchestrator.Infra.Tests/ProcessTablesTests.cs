using Azure.Data.Tables;
using Orchestrator.Infra.Tables;
using Orchestrator.Testing;

namespace Orchestrator.Infra.Tests;

public sealed class ProcessTablesTests
{
    [Fact]
    public async Task The_process_tables_are_created_under_the_configured_prefix_and_creating_again_is_harmless()
    {
        await using var storage = new TestStorage("tables");
        var service = new TableServiceClient(storage.StorageOptions.ConnectionString);
        var tables = new ProcessTables(service, storage.StorageOptions);

        await tables.EnsureCreatedAsync();
        await tables.EnsureCreatedAsync();

        var names = new List<string>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(storage.StorageOptions.TablePrefix) >= 0))
            if (table.Name.StartsWith(storage.StorageOptions.TablePrefix, StringComparison.Ordinal)) names.Add(table.Name);
        Assert.Equal(6, names.Count);
        Assert.Contains(storage.StorageOptions.TablePrefix + ProcessTables.SchedulesName, names);
        Assert.Contains(storage.StorageOptions.TablePrefix + ProcessTables.ProcessesName, names);
        foreach (var name in names) await service.DeleteTableAsync(name);
    }
}
