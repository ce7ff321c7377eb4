using Azure;
using Azure.Data.Tables;
using Orchestrator.Infra.Tables;

namespace Orchestrator.Infra.Settings;

/// <summary>
/// The engine's global lock (orchestrator-core's engine_settings), in Table storage so every host sees it. Each pause gets a
/// new epoch; a process stopped by that pause waits for the matching unpause.
/// </summary>
public sealed class EngineSettingsStore(ProcessTables tables, TimeProvider clock)
{
    const string Partition = "engine";
    const string Row = "settings";

    public async Task<EngineSettings> GetAsync(CancellationToken ct = default)
    {
        var entity = await tables.Settings.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        if (!entity.HasValue || entity.Value is null) return new EngineSettings(false, "", null);
        var e = entity.Value;
        return new EngineSettings(e.GetBoolean("global_lock") ?? false, e.GetString("pause_epoch") ?? "", e.GetDateTimeOffset("changed_at"));
    }

    public async Task<EngineSettings> SetLockAsync(bool locked, CancellationToken ct = default)
    {
        var current = await GetAsync(ct);
        if (current.GlobalLock == locked) return current;
        var epoch = locked ? Guid.NewGuid().ToString("N") : current.PauseEpoch;
        var now = clock.GetUtcNow();
        await tables.Settings.UpsertEntityAsync(new TableEntity(Partition, Row)
        {
            ["global_lock"] = locked,
            ["pause_epoch"] = epoch,
            ["changed_at"] = now,
        }, TableUpdateMode.Replace, ct);
        return new EngineSettings(locked, epoch, now);
    }
}

public sealed record EngineSettings(bool GlobalLock, string PauseEpoch, DateTimeOffset? ChangedAt);
