using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Orchestrator.Infra.Tables;

namespace Orchestrator.Infra.Schedules;

/// <summary>Schedules in the Table <c>schedules</c>, one partition, one row per schedule; updates are If-Match.</summary>
public sealed class ScheduleStore(ProcessTables tables)
{
    const string Partition = "schedule";

    TableClient Table => tables.Schedules;

    public async Task<IReadOnlyList<Schedule>> ListAsync(CancellationToken ct = default)
    {
        var found = new List<Schedule>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            found.Add(FromEntity(entity));
        return found.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.ScheduleId).ToList();
    }

    public async Task<Schedule?> GetAsync(Guid scheduleId, CancellationToken ct = default)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, scheduleId.ToString(), cancellationToken: ct);
        return response.HasValue && response.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>Adds the schedule; false when one with that id exists already (nothing written).</summary>
    public async Task<bool> TryAddAsync(Schedule schedule, CancellationToken ct = default)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(schedule), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the row if its ETag still matches; false (nothing written) when another writer changed it first.</summary>
    public async Task<Schedule?> TryReplaceAsync(Schedule schedule, CancellationToken ct = default)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(schedule), new ETag(schedule.ETag), TableUpdateMode.Replace, ct);
            return schedule with { ETag = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>False when there was no such schedule (the Tables client itself treats deleting a missing row as success).</summary>
    public async Task<bool> DeleteAsync(Guid scheduleId, CancellationToken ct = default)
    {
        if (await GetAsync(scheduleId, ct) is null) return false;
        try
        {
            await Table.DeleteEntityAsync(Partition, scheduleId.ToString(), ETag.All, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    static TableEntity ToEntity(Schedule s) => new(Partition, s.ScheduleId.ToString())
    {
        ["name"] = s.Name,
        ["workflow_name"] = s.WorkflowName,
        ["trigger"] = s.Trigger.Kind,
        ["trigger_kwargs"] = s.Trigger.Arguments.ToJsonString(),
        ["user_inputs"] = s.UserInputs.ToJsonString(),
        ["enabled"] = s.Enabled,
        ["created_at"] = s.CreatedAt,
        ["next_run_at"] = s.NextRunAt,
        ["last_run_at"] = s.LastRunAt,
        ["last_process_id"] = s.LastProcessId,
        ["pending_process_id"] = s.PendingProcessId,
    };

    static Schedule FromEntity(TableEntity e) => new()
    {
        ScheduleId = Guid.Parse(e.RowKey),
        Name = e.GetString("name") ?? "",
        WorkflowName = e.GetString("workflow_name") ?? "",
        Trigger = ScheduleTrigger.Parse(e.GetString("trigger"), JsonNode.Parse(e.GetString("trigger_kwargs") ?? "{}")?.AsObject()),
        UserInputs = JsonNode.Parse(e.GetString("user_inputs") ?? "[]")?.AsArray() ?? [],
        Enabled = e.GetBoolean("enabled") ?? true,
        CreatedAt = e.GetDateTimeOffset("created_at") ?? default,
        NextRunAt = e.GetDateTimeOffset("next_run_at"),
        LastRunAt = e.GetDateTimeOffset("last_run_at"),
        LastProcessId = e.GetGuid("last_process_id"),
        PendingProcessId = e.GetGuid("pending_process_id"),
        ETag = e.ETag.ToString(),
    };
}
