using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Tables;
using Orchestrator.Testing;

namespace Orchestrator.Infra.Tests.Processes;

/// <summary>
/// A process log on Azurite with tables of its own (a random prefix), deleted afterwards. It needs only Table and Blob
/// storage, so it does not go through TestStorage (which also opens a Cosmos client).
/// </summary>
public sealed class ProcessLogEnvironment : IAsyncDisposable
{
    ProcessLogEnvironment(StorageOptions options, TableServiceClient service, ProcessTables tables, ProcessLog log)
    {
        Options = options;
        Service = service;
        Tables = tables;
        Log = log;
        Blobs = new BlobServiceClient(options.ConnectionString).GetBlobContainerClient(ProcessLog.BlobContainerName);
    }

    public StorageOptions Options { get; }
    public TableServiceClient Service { get; }
    public ProcessTables Tables { get; }
    public ProcessLog Log { get; }
    public BlobContainerClient Blobs { get; }

    public static async Task<ProcessLogEnvironment> CreateAsync()
    {
        var options = new StorageOptions
        {
            ConnectionString = Emulators.StorageConnectionString,
            TablePrefix = "p" + Guid.NewGuid().ToString("N")[..12],
        };
        var service = new TableServiceClient(options.ConnectionString);
        var tables = new ProcessTables(service, options);
        await tables.EnsureCreatedAsync();
        return new ProcessLogEnvironment(options, service, tables, new ProcessLog(tables, options, TimeProvider.System));
    }

    /// <summary>Every row of the processes table (all in one partition) that belongs to the process.</summary>
    public async Task<List<TableEntity>> ProcessRowsAsync(Guid processId)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in Tables.Processes.QueryAsync<TableEntity>())
            if (e.GetString("process_id") == processId.ToString("D")) rows.Add(e);
        return rows;
    }

    public async Task<List<string>> BlobNamesAsync(Guid processId)
    {
        var names = new List<string>();
        if (!await Blobs.ExistsAsync()) return names;
        await foreach (var blob in Blobs.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, processId + "/", default))
            names.Add(blob.Name);
        return names;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in new[] { ProcessTables.ProcessesName, ProcessTables.StepsName, ProcessTables.ProcessSubscriptionsName, ProcessTables.InputsName, ProcessTables.SettingsName })
            await Service.DeleteTableAsync(Options.TablePrefix + name);
    }
}
