using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orchestrator.Domain.Json;
using Orchestrator.Infra.Tables;

namespace Orchestrator.Infra.Processes;

/// <summary>
/// The process log in Table storage: processes, their step rows, form inputs and subscription links.
/// <para>
/// Processes table, one partition <c>process</c>: the main row <c>id:{pid}</c> and index rows that carry the same summary
/// fields, so listing newest first, by status, by workflow or by subscription is one key-range query:
/// <c>t:{inverted}:{pid}</c>, <c>s:{status}:{inverted}:{pid}</c>, <c>w:{workflow}:{inverted}:{pid}</c> and
/// <c>sub:{subscription}:{inverted}:{pid}</c>, where inverted = (DateTimeOffset.MaxValue - StartedAt) in ticks, D19.
/// Every write of a process is one entity-group transaction of the main row (If-Match on update) and all its index rows,
/// so an index never disagrees with the main row.
/// </para>
/// <para>
/// Steps table, partition = process id: the step rows <c>{pid:N}-{Index:D5}.{Attempt:D5}</c> in logged order, the row
/// <c>{pid:N}-current</c> with the state a resume or retry starts from (inline, or a pointer to the step row it equals), and
/// the row <c>{pid:N}-index</c> listing the step rows (key, status, step id), written in the same transaction as each step
/// row, so logging a step reads one row instead of querying the partition. Inputs: <c>{pid:N}-{input id}</c>.
/// The process id in the row keys is redundant in Azure, where the partition key finds the rows; Azurite looks a row up by
/// its row key first and scans every row of the table for a query, so these keys keep it fast at 10,000 processes.
/// Long texts are split over numbered properties and, past ~800 KB a row, kept in the blob container <c>process-state</c>
/// under <c>{pid}/…</c>; nothing is ever truncated.
/// </para>
/// </summary>
public sealed class ProcessLog
{
    public const string BlobContainerName = "process-state";
    const string Partition = "process";
    const string CurrentKey = "current";
    const string IndexKey = "index";
    /// <summary>Characters of text kept inline on a step, current or input row (UTF-16: ~800 KB of the 1 MiB entity limit).</summary>
    const int RowInlineBudget = 400_000;
    /// <summary>Characters of text inline on each process row (main + index rows go in one transaction of at most 4 MiB).</summary>
    const int ProcessInlineBudget = 48_000;
    const int MaxTransactionActions = 100;
    const int MaxIndexOrAttempt = 99_999;

    readonly ProcessTables tables;
    readonly LargeText text;
    readonly TimeProvider time;

    public ProcessLog(ProcessTables tables, StorageOptions options, TimeProvider time)
    {
        this.tables = tables;
        this.time = time;
        text = new LargeText(new BlobServiceClient(options.ConnectionString).GetBlobContainerClient(BlobContainerName));
    }

    // ---------------------------------------------------------------- processes

    /// <summary>Creates the process (main and index rows at once) and its initial current state. Fails with
    /// <see cref="ProcessConflictException"/> if the id exists. Returns nothing; read it back for the ETag.</summary>
    public async Task CreateAsync(ProcessRecord process, JsonObject initialState, CancellationToken ct = default)
    {
        if (!await TryCreateAsync(process, initialState, ct))
            throw new ProcessConflictException($"Process {process.ProcessId} already exists");
    }

    /// <summary>Like <see cref="CreateAsync"/>, but returns false (and writes nothing over it) when the process already
    /// exists, so a repeated activity is harmless. A missing initial state of an existing process is filled in.</summary>
    public async Task<bool> CreateIfAbsentAsync(ProcessRecord process, JsonObject initialState, CancellationToken ct = default)
        => await TryCreateAsync(process, initialState, ct);

    async Task<bool> TryCreateAsync(ProcessRecord process, JsonObject initialState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        if (process.ProcessId == Guid.Empty) throw new ArgumentException("A process needs an id", nameof(process));
        var now = time.GetUtcNow();
        var record = Normalise(process with
        {
            StartedAt = process.StartedAt == default ? now : process.StartedAt,
            LastModifiedAt = now,
        });
        var rows = await ProcessEntitiesAsync(record, ct);
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)).ToList();
        var created = true;
        try
        {
            await SubmitAsync(tables.Processes, actions, ct);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            created = false;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            created = false;
        }

        // The initial state: never over a state that is already there (a retry of this call, or a later SetCurrentState).
        var current = await CurrentEntityAsync(process.ProcessId, initialState, ct);
        try
        {
            await tables.Steps.AddEntityAsync(current, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // already there
        }
        return created;
    }

    public async Task<ProcessRecord?> GetAsync(Guid processId, CancellationToken ct = default)
    {
        var response = await tables.Processes.GetEntityIfExistsAsync<TableEntity>(Partition, MainKey(processId), cancellationToken: ct);
        return response.HasValue ? await ToProcessAsync(response.Value!, response.Value!.ETag.ToString(), ct) : null;
    }

    /// <summary>
    /// Replaces the process row if its ETag still equals <see cref="ProcessRecord.ETag"/>, and with it every index row, in one
    /// transaction. Sets <see cref="ProcessRecord.LastModifiedAt"/>. Returns the record with its new ETag. A stale ETag (or a
    /// deleted process) is a <see cref="ProcessConflictException"/>, and then nothing was written.
    /// </summary>
    public Task<ProcessRecord> UpdateAsync(ProcessRecord process, CancellationToken ct = default) => UpdateAsync(process, null, ct);

    /// <summary>
    /// <see cref="UpdateAsync(ProcessRecord, CancellationToken)"/> given the record as <see cref="GetAsync"/> returned it (with
    /// the same ETag): its fields name the index rows stored now, so the main row is not read again; the ETag still guards
    /// the write.
    /// </summary>
    public async Task<ProcessRecord> UpdateAsync(ProcessRecord process, ProcessRecord? asRead, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(process.ETag))
            throw new ArgumentException("UpdateAsync needs the ETag of the main row: read the process with GetAsync first", nameof(process));
        List<string> oldKeys;
        ETag oldETag;
        if (asRead is not null && asRead.ProcessId == process.ProcessId && asRead.ETag == process.ETag)
        {
            oldKeys = IndexKeys(asRead);
            oldETag = new ETag(asRead.ETag);
        }
        else
        {
            var stored = await tables.Processes.GetEntityIfExistsAsync<TableEntity>(Partition, MainKey(process.ProcessId), cancellationToken: ct);
            if (!stored.HasValue)
                throw new ProcessConflictException($"Process {process.ProcessId} no longer exists; nothing was written");
            var old = stored.Value!;
            if (old.ETag.ToString() != process.ETag)
                throw new ProcessConflictException($"Process {process.ProcessId} was changed by someone else since it was read; nothing was written");
            oldKeys = IndexKeys(process.ProcessId, Started(old), old.GetString("last_status") ?? "", old.GetString("workflow_name") ?? "",
                ParseGuids(await text.ReadAsync(old, "subscription_ids", ct)));
            oldETag = old.ETag;
        }

        var record = Normalise(process with { LastModifiedAt = time.GetUtcNow() });
        var rows = await ProcessEntitiesAsync(record, ct);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, rows[0], oldETag) };
        actions.AddRange(rows.Skip(1).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
        var newKeys = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        actions.AddRange(oldKeys.Where(k => !newKeys.Contains(k))
            .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, k), ETag.All)));

        Response<IReadOnlyList<Response>>? response;
        try
        {
            response = await SubmitAsync(tables.Processes, actions, ct);
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404 or 409)
        {
            throw new ProcessConflictException($"Process {process.ProcessId} was changed by someone else since it was read; nothing was written");
        }
        var etag = response?.Value.Count > 0 ? response.Value[0].Headers.ETag : null;
        if (etag is null || etag.Value == default)
        {
            var reread = await tables.Processes.GetEntityAsync<TableEntity>(Partition, MainKey(process.ProcessId), select: ["RowKey"], cancellationToken: ct);
            etag = reread.Value.ETag;
        }
        return record with { ETag = etag.Value.ToString() };
    }

    /// <summary>The process, its steps and current state, inputs, links, index rows and blobs. Deleting what is gone is fine.</summary>
    public async Task DeleteAsync(Guid processId, CancellationToken ct = default)
    {
        // children first, the process rows last: a delete that stopped half-way is finished by calling it again
        var partition = processId.ToString();
        await DeletePartitionAsync(tables.Steps, partition, ct);
        await DeletePartitionAsync(tables.Inputs, partition, ct);
        await DeletePartitionAsync(tables.ProcessSubscriptions, partition, ct);
        await text.DeletePrefixAsync(partition + "/", ct);

        var stored = await tables.Processes.GetEntityIfExistsAsync<TableEntity>(Partition, MainKey(processId), cancellationToken: ct);
        if (!stored.HasValue) return;
        var main = stored.Value!;
        var keys = IndexKeys(processId, Started(main), main.GetString("last_status") ?? "", main.GetString("workflow_name") ?? "",
            ParseGuids(await text.ReadAsync(main, "subscription_ids", ct)));
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, new TableEntity(Partition, main.RowKey), ETag.All) };
        actions.AddRange(keys.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, k), ETag.All)));
        foreach (var chunk in actions.Chunk(MaxTransactionActions))
            await SubmitAsync(tables.Processes, chunk.ToList(), ct);
    }

    // ---------------------------------------------------------------- listing

    /// <summary>
    /// Processes newest first. The narrowest index is read as a key range (subscription, else status, else workflow, else
    /// start time); the other filters are applied to the index rows. Pages are full unless it is the last one; the
    /// continuation token is null on the last page. A token from another query is an <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<ProcessPage> ListAsync(ProcessQuery query, CancellationToken ct = default)
    {
        var take = Math.Clamp(query.Take, 1, 1000);
        string prefix;
        var filters = new List<string>();
        if (query.SubscriptionId is { } subscriptionId)
        {
            prefix = $"sub:{subscriptionId:D}:";
            if (query.Status is { } status) filters.Add(TableClient.CreateQueryFilter($"last_status eq {status}"));
            if (query.Workflow is { } workflow) filters.Add(TableClient.CreateQueryFilter($"workflow_name eq {workflow}"));
        }
        else if (query.Status is { } status)
        {
            prefix = $"s:{KeyPart(status)}:";
            if (query.Workflow is { } workflow) filters.Add(TableClient.CreateQueryFilter($"workflow_name eq {workflow}"));
        }
        else if (query.Workflow is { } workflow)
            prefix = $"w:{KeyPart(workflow)}:";
        else
            prefix = "t:";
        if (query.Target is { } target) filters.Add(TableClient.CreateQueryFilter($"workflow_target eq {target}"));
        if (query.IsTask is { } isTask) filters.Add(TableClient.CreateQueryFilter($"is_task eq {isTask}"));
        if (query.CreatedBy is { } createdBy) filters.Add(TableClient.CreateQueryFilter($"created_by eq {createdBy}"));

        var after = query.ContinuationToken is { Length: > 0 } token ? DecodeToken(token, prefix) : null;
        var upper = UpperBound(prefix);
        var range = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {upper}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {after} and RowKey lt {upper}");
        var filter = string.Join(" and ", new[] { range }.Concat(filters.Select(f => $"({f})")));

        var items = new List<ProcessRecord>();
        string? lastKey = null;
        var more = false;
        await foreach (var entity in tables.Processes.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, take + 1), cancellationToken: ct))
        {
            if (items.Count == take) { more = true; break; }
            items.Add(await ToProcessAsync(entity, "", ct));
            lastKey = entity.RowKey;
        }
        return new ProcessPage(items, more ? EncodeToken(lastKey!) : null);
    }

    /// <summary>How many processes (isTask false) or tasks (true) there are in each status; statuses with none are left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(bool isTask, CancellationToken ct = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"s:"} and RowKey lt {"s;"} and is_task eq {isTask}");
        await foreach (var entity in tables.Processes.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["last_status"], cancellationToken: ct))
        {
            var status = entity.GetString("last_status") ?? "";
            counts[status] = counts.GetValueOrDefault(status) + 1;
        }
        return counts;
    }

    // ---------------------------------------------------------------- state

    /// <summary>
    /// The state a resume or retry starts from: the last one set by <see cref="SetCurrentStateAsync"/>, by create (the initial
    /// state) or by <see cref="LogStepAsync"/> of the newest row when it is success, skipped, complete, suspend or
    /// awaiting_callback (spec §3.5) — whichever came last. A process that does not exist is a <see cref="KeyNotFoundException"/>.
    /// </summary>
    public async Task<JsonObject> GetCurrentStateAsync(Guid processId, CancellationToken ct = default)
    {
        var current = await tables.Steps.GetEntityIfExistsAsync<TableEntity>(processId.ToString(), RowKey(processId, CurrentKey), cancellationToken: ct);
        if (current.HasValue)
        {
            if (current.Value!.GetString("ref") is { } stepKey)
            {
                var step = await tables.Steps.GetEntityIfExistsAsync<TableEntity>(processId.ToString(), stepKey, cancellationToken: ct);
                if (step.HasValue) return ParseObject(await text.ReadAsync(step.Value!, "state", ct));
            }
            else
                return ParseObject(await text.ReadAsync(current.Value!, "state", ct));
        }

        // no current row (a create that stopped half-way): derive it from the log as orchestrator-core's recovery does
        var steps = await GetStepsAsync(processId, ct);
        if (steps.Count > 0)
        {
            var last = steps[^1];
            if (last.Status is StepStatus.Suspend or StepStatus.AwaitingCallback) return last.State;
            return steps.LastOrDefault(s => StepStatus.IsCleared(s.Status))?.State ?? new JsonObject();
        }
        if (await GetAsync(processId, ct) is null) throw new KeyNotFoundException($"Process {processId} does not exist");
        return new JsonObject();
    }

    public async Task SetCurrentStateAsync(Guid processId, JsonObject state, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await tables.Steps.UpsertEntityAsync(await CurrentEntityAsync(processId, state, ct), TableUpdateMode.Replace, ct);
    }

    async Task<TableEntity> CurrentEntityAsync(Guid processId, JsonObject state, CancellationToken ct)
    {
        var entity = new TableEntity(processId.ToString(), RowKey(processId, CurrentKey)) { ["kind"] = "current" };
        // a unique blob name: a write that loses (create after an existing state) never changes the blob in use
        LargeText.Apply(entity, await text.PrepareAsync([new TextField("state", Serialize(state))], RowInlineBudget,
            _ => $"{processId}/current-{Guid.NewGuid():N}.json", ct));
        return entity;
    }

    // ---------------------------------------------------------------- steps

    /// <summary>The step rows in logged order (index, then attempt).</summary>
    public async Task<IReadOnlyList<StepRecord>> GetStepsAsync(Guid processId, CancellationToken ct = default)
    {
        var steps = new List<StepRecord>();
        await foreach (var entity in tables.Steps.QueryAsync<TableEntity>(StepRangeFilter(processId), cancellationToken: ct))
            steps.Add(await ToStepAsync(entity, ct));
        return steps;
    }

    public async Task<StepRecord?> GetStepAsync(Guid processId, int index, int attempt, CancellationToken ct = default)
    {
        var response = await tables.Steps.GetEntityIfExistsAsync<TableEntity>(processId.ToString(), RowKey(processId, StepKey(index, attempt)), cancellationToken: ct);
        return response.HasValue ? await ToStepAsync(response.Value!, ct) : null;
    }

    /// <summary>
    /// Writes the step row at (Index, Attempt), replacing what was there (so a repeated write leaves one row with the last
    /// content). The state_delta is computed here, against the last row before it with status success/skipped/complete
    /// (none: the full state). Defaults: StepId kept from the row it replaces or new, Completed now, Started = Completed,
    /// ExecutedAt [Started]. When the row is the newest and its status is one a resume starts from, it becomes the current state.
    /// </summary>
    public Task<StepRecord> LogStepAsync(Guid processId, StepRecord step, CancellationToken ct = default) =>
        WriteStepAsync(processId, _ => Task.FromResult<(StepRecord, bool)>((step, true)), ct);

    /// <summary>
    /// orchestrator-core's retry counting (spec §3.5): when the newest row has the same status (failed or waiting), the same
    /// step (Name and Key) and the same Error, that row is updated (Retries + 1, the execution time appended to ExecutedAt,
    /// State, Completed and Traceback replaced) instead of adding one. Otherwise the failure is a new row at its own
    /// (Index, Attempt) with Retries 0. The execution time is <see cref="StepRecord.Started"/> (now when default); a repeated
    /// call with an execution time the row already lists changes nothing. Returns the row as written.
    /// </summary>
    public Task<StepRecord> LogFailureAsync(Guid processId, StepRecord failure, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var executed = failure.Started == default ? now : failure.Started;
        return WriteStepAsync(processId, async summaries =>
        {
            var rows = summaries.Rows;
            if (rows.Count > 0 && rows[^1] is var lastSummary
                && lastSummary.Status is StepStatus.Failed or StepStatus.Waiting && lastSummary.Status == failure.Status)
            {
                var last = await GetStepByKeyAsync(processId, lastSummary.RowKey, ct);
                if (last is not null && last.Name == failure.Name && last.Key == failure.Key && last.Error == failure.Error)
                {
                    if (last.ExecutedAt.Contains(executed)) return (last, false);   // this very failure was logged already
                    return (last with
                    {
                        State = failure.State,
                        Retries = last.Retries + 1,
                        ExecutedAt = [.. last.ExecutedAt, executed],
                        Completed = failure.Completed == default ? now : failure.Completed,
                        Traceback = failure.Traceback ?? last.Traceback,
                        CreatedBy = failure.CreatedBy,
                    }, true);
                }
            }
            return (failure with { Retries = 0, ExecutedAt = [executed], Started = executed }, true);
        }, ct);
    }

    sealed record StepSummary(string RowKey, string Status, Guid StepId);

    /// <summary>The step rows of a process, from its index row; Index is null when there is none yet (no step logged).</summary>
    sealed record StepSummaries(List<StepSummary> Rows, ETag? Index);

    async Task<StepSummaries> StepSummariesAsync(Guid processId, CancellationToken ct)
    {
        var index = await tables.Steps.GetEntityIfExistsAsync<TableEntity>(processId.ToString(), RowKey(processId, IndexKey), cancellationToken: ct);
        if (index.HasValue)
        {
            var listed = JsonSerializer.Deserialize<List<string[]>>(await text.ReadAsync(index.Value!, "rows", ct) ?? "[]") ?? [];
            return new(listed.Select(r => new StepSummary(r[0], r[1], Guid.Parse(r[2]))).ToList(), index.Value!.ETag);
        }
        // No index row: no step was logged yet, or the steps were logged before there was one; then the query finds them.
        var rows = new List<StepSummary>();
        await foreach (var entity in tables.Steps.QueryAsync<TableEntity>(StepRangeFilter(processId), select: ["RowKey", "status", "step_id"], cancellationToken: ct))
            rows.Add(new StepSummary(entity.RowKey, entity.GetString("status") ?? "",
                Guid.TryParse(entity.GetString("step_id"), out var id) ? id : Guid.Empty));
        rows.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
        return new(rows, null);
    }

    /// <summary>Writes the step row <paramref name="prepare"/> makes from the summaries (unless it says not to); a concurrent write of the same process's log (the index
    /// row's ETag changed) makes it read the index again and write again.</summary>
    async Task<StepRecord> WriteStepAsync(Guid processId, Func<StepSummaries, Task<(StepRecord Row, bool Write)>> prepare, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var summaries = await StepSummariesAsync(processId, ct);
            var (row, write) = await prepare(summaries);
            if (!write) return row;
            try
            {
                return await WriteStepAsync(processId, row, summaries, ct);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), ct);
            }
        }
    }

    async Task<StepRecord> WriteStepAsync(Guid processId, StepRecord step, StepSummaries summaries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step.State);
        var rows = summaries.Rows;
        var logicalKey = StepKey(step.Index, step.Attempt);
        var key = RowKey(processId, logicalKey);
        var lastCleared = rows.LastOrDefault(r => string.CompareOrdinal(r.RowKey, key) < 0 && StepStatus.IsCleared(r.Status));
        var previous = lastCleared is null ? null : await GetStepByKeyAsync(processId, lastCleared.RowKey, ct);
        var existing = rows.FirstOrDefault(r => r.RowKey == key);
        var isNewest = !rows.Any(r => string.CompareOrdinal(r.RowKey, key) > 0);

        var now = time.GetUtcNow();
        var completed = step.Completed == default ? now : step.Completed;
        var started = step.Started == default ? completed : step.Started;
        var record = step with
        {
            StepId = step.StepId != Guid.Empty ? step.StepId : existing?.StepId is { } id && id != Guid.Empty ? id : Guid.NewGuid(),
            Completed = completed,
            Started = started,
            ExecutedAt = step.ExecutedAt is { Count: > 0 } ? step.ExecutedAt : [started],
            StateDelta = Delta(previous?.State, step.State),
        };

        var entity = new TableEntity(processId.ToString(), key)
        {
            ["kind"] = "step",
            ["step_id"] = record.StepId.ToString(),
            ["index"] = record.Index,
            ["attempt"] = record.Attempt,
            ["key"] = record.Key,
            ["name"] = record.Name,
            ["status"] = record.Status,
            ["started"] = record.Started.UtcTicks,
            ["completed"] = record.Completed.UtcTicks,
            ["created_by"] = record.CreatedBy,
            ["retries"] = record.Retries,
        };
        var fields = await text.PrepareAsync(
            [
                new TextField("state", Serialize(record.State)),
                new TextField("delta", Serialize(record.StateDelta)),
                new TextField("executed_at", JsonSerializer.Serialize(record.ExecutedAt.Select(t => t.ToString("O", CultureInfo.InvariantCulture)))),
                new TextField("error", record.Error),
                new TextField("traceback", record.Traceback),
            ],
            RowInlineBudget, field => field == "state" ? $"{processId}/{logicalKey}.json" : $"{processId}/{logicalKey}.{field}.json", ct);
        LargeText.Apply(entity, fields);

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, entity) };
        if (isNewest && (StepStatus.IsCleared(record.Status) || record.Status is StepStatus.Suspend or StepStatus.AwaitingCallback))
            actions.Add(new(TableTransactionActionType.UpsertReplace,
                new TableEntity(processId.ToString(), RowKey(processId, CurrentKey)) { ["kind"] = "current", ["ref"] = key }));
        var listed = rows.Where(r => r.RowKey != key).Append(new StepSummary(key, record.Status, record.StepId))
            .OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => new[] { r.RowKey, r.Status, r.StepId.ToString() }).ToList();
        var index = new TableEntity(processId.ToString(), RowKey(processId, IndexKey)) { ["kind"] = "index" };
        LargeText.Apply(index, await text.PrepareAsync([new TextField("rows", JsonSerializer.Serialize(listed))], RowInlineBudget,
            _ => $"{processId}/index-{Guid.NewGuid():N}.json", ct));
        actions.Add(summaries.Index is { } etag
            ? new(TableTransactionActionType.UpdateReplace, index, etag)
            : new(TableTransactionActionType.Add, index));
        await SubmitAsync(tables.Steps, actions, ct);
        return record;
    }

    async Task<StepRecord?> GetStepByKeyAsync(Guid processId, string rowKey, CancellationToken ct)
    {
        var response = await tables.Steps.GetEntityIfExistsAsync<TableEntity>(processId.ToString(), rowKey, cancellationToken: ct);
        return response.HasValue ? await ToStepAsync(response.Value!, ct) : null;
    }

    async Task<StepRecord> ToStepAsync(TableEntity e, CancellationToken ct)
    {
        var executedAt = await text.ReadAsync(e, "executed_at", ct);
        return new StepRecord
        {
            StepId = Guid.TryParse(e.GetString("step_id"), out var id) ? id : Guid.Empty,
            Index = e.GetInt32("index") ?? 0,
            Attempt = e.GetInt32("attempt") ?? 0,
            Key = e.GetString("key") ?? "",
            Name = e.GetString("name") ?? "",
            Status = e.GetString("status") ?? "",
            State = ParseObject(await text.ReadAsync(e, "state", ct)),
            StateDelta = ParseObject(await text.ReadAsync(e, "delta", ct)),
            Started = Ticks(e.GetInt64("started")),
            Completed = Ticks(e.GetInt64("completed")),
            CreatedBy = e.GetString("created_by") ?? "",
            Retries = e.GetInt32("retries") ?? 0,
            ExecutedAt = executedAt is null
                ? []
                : (JsonSerializer.Deserialize<List<string>>(executedAt) ?? [])
                    .Select(s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToList(),
            Error = await text.ReadAsync(e, "error", ct),
            Traceback = await text.ReadAsync(e, "traceback", ct),
        };
    }

    /// <summary>orchestrator-core's get_dict_updates: the keys of the new state that are new or differ; no previous row: all.</summary>
    static JsonObject Delta(JsonObject? previous, JsonObject state)
    {
        var delta = new JsonObject();
        foreach (var (name, value) in state)
            if (previous is null || !previous.TryGetPropertyValue(name, out var old) || !JsonNode.DeepEquals(old, value))
                delta[name] = value?.DeepClone();
        return delta;
    }

    // ---------------------------------------------------------------- inputs and links

    /// <summary>Stores the submitted form pages under the input id (a repeat replaces them).</summary>
    public async Task SaveInputAsync(Guid processId, string inputId, JsonArray pages, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var key = KeyPart(inputId);
        var entity = new TableEntity(processId.ToString(), RowKey(processId, key)) { ["input_id"] = inputId };
        LargeText.Apply(entity, await text.PrepareAsync([new TextField("pages", pages.ToJsonString(DomainJson.Options))], RowInlineBudget,
            _ => $"{processId}/inputs/{key}.json", ct));
        await tables.Inputs.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task<JsonArray?> GetInputAsync(Guid processId, string inputId, CancellationToken ct = default)
    {
        var response = await tables.Inputs.GetEntityIfExistsAsync<TableEntity>(processId.ToString(), RowKey(processId, KeyPart(inputId)), cancellationToken: ct);
        if (!response.HasValue) return null;
        var json = await text.ReadAsync(response.Value!, "pages", ct);
        return json is null ? null : JsonNode.Parse(json)?.AsArray();
    }

    /// <summary>
    /// orchestrator-core's processes_subscriptions: links the subscription (once; a repeat keeps the first link) and adds it to
    /// the process's <see cref="ProcessRecord.SubscriptionIds"/> and the subscription index. The process must exist.
    /// </summary>
    public async Task LinkSubscriptionAsync(Guid processId, Guid subscriptionId, string workflowTarget, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var process = await GetAsync(processId, ct) ?? throw new KeyNotFoundException($"Process {processId} does not exist");
            if (process.SubscriptionIds.Contains(subscriptionId)) break;
            try
            {
                await UpdateAsync(process with { SubscriptionIds = [.. process.SubscriptionIds, subscriptionId] }, ct);
                break;
            }
            catch (ProcessConflictException) when (attempt < 20)
            {
                // someone else updated the process in between: read it again
            }
        }
        var link = new TableEntity(processId.ToString(), subscriptionId.ToString("D"))
        {
            ["subscription_id"] = subscriptionId.ToString("D"),
            ["workflow_target"] = workflowTarget,
            ["created_at"] = time.GetUtcNow().UtcTicks,
        };
        try
        {
            await tables.ProcessSubscriptions.AddEntityAsync(link, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // linked already
        }
    }

    /// <summary>The links of the process, oldest first.</summary>
    public async Task<IReadOnlyList<(Guid SubscriptionId, string WorkflowTarget, DateTimeOffset CreatedAt)>> GetSubscriptionLinksAsync(
        Guid processId, CancellationToken ct = default)
    {
        var links = new List<(Guid, string, DateTimeOffset)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {processId.ToString()}");
        await foreach (var e in tables.ProcessSubscriptions.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            links.Add((Guid.Parse(e.RowKey), e.GetString("workflow_target") ?? "", Ticks(e.GetInt64("created_at"))));
        return links.OrderBy(l => l.Item3).ThenBy(l => l.Item1).ToList();
    }

    // ---------------------------------------------------------------- process rows

    static ProcessRecord Normalise(ProcessRecord p) => p with
    {
        SubscriptionIds = (p.SubscriptionIds ?? []).Distinct().ToList(),
        WorkflowName = p.WorkflowName ?? "",
        WorkflowTarget = p.WorkflowTarget ?? "",
        LastStatus = p.LastStatus ?? ProcessStatus.Created,
        CreatedBy = p.CreatedBy ?? "",
        ETag = "",
    };

    /// <summary>The main row first, then the index rows, all carrying the same fields.</summary>
    async Task<List<TableEntity>> ProcessEntitiesAsync(ProcessRecord p, CancellationToken ct)
    {
        var keys = IndexKeys(p);
        if (keys.Count + 1 > MaxTransactionActions - 4)
            throw new NotSupportedException($"Process {p.ProcessId} has {p.SubscriptionIds.Count} subscriptions; at most {MaxTransactionActions - 8} are supported");
        var budget = Math.Min(ProcessInlineBudget, 1_500_000 / (keys.Count + 1));
        var fields = await text.PrepareAsync(
            [
                new TextField("subscription_ids", JsonSerializer.Serialize(p.SubscriptionIds.Select(s => s.ToString("D")))),
                new TextField("failed_reason", p.FailedReason),
                new TextField("traceback", p.Traceback),
                new TextField("note", p.Note),
            ],
            budget, field => $"{p.ProcessId}/process/{Guid.NewGuid():N}.{field}.txt", ct);
        return [.. new[] { MainKey(p.ProcessId) }.Concat(keys).Select(key =>
        {
            var e = new TableEntity(Partition, key)
            {
                ["kind"] = key.StartsWith("id:", StringComparison.Ordinal) ? "main" : "index",
                ["process_id"] = p.ProcessId.ToString("D"),
                ["workflow_name"] = p.WorkflowName,
                ["workflow_target"] = p.WorkflowTarget,
                ["is_task"] = p.IsTask,
                ["workflow_version"] = p.WorkflowVersion,
                ["last_status"] = p.LastStatus,
                ["last_step"] = p.LastStep,
                ["assignee"] = p.Assignee,
                ["created_by"] = p.CreatedBy,
                ["started_at"] = p.StartedAt.UtcTicks,
                ["last_modified_at"] = p.LastModifiedAt.UtcTicks,
                ["product_id"] = p.ProductId?.ToString("D"),
                ["customer_id"] = p.CustomerId,
                ["current_index"] = p.CurrentIndex,
                ["wait_token"] = p.WaitToken,
                ["abort_requested"] = p.AbortRequested,
            };
            foreach (var nullKey in e.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList()) e.Remove(nullKey);
            LargeText.Apply(e, fields);
            return e;
        })];
    }

    async Task<ProcessRecord> ToProcessAsync(TableEntity e, string etag, CancellationToken ct) => new()
    {
        ProcessId = Guid.Parse(e.GetString("process_id")!),
        WorkflowName = e.GetString("workflow_name") ?? "",
        WorkflowTarget = e.GetString("workflow_target") ?? "",
        IsTask = e.GetBoolean("is_task") ?? false,
        WorkflowVersion = e.GetInt32("workflow_version") ?? 0,
        LastStatus = e.GetString("last_status") ?? "",
        LastStep = e.GetString("last_step"),
        Assignee = e.GetString("assignee"),
        CreatedBy = e.GetString("created_by") ?? "",
        StartedAt = Started(e),
        LastModifiedAt = Ticks(e.GetInt64("last_modified_at")),
        ProductId = Guid.TryParse(e.GetString("product_id"), out var product) ? product : null,
        CustomerId = e.GetString("customer_id"),
        CurrentIndex = e.GetInt32("current_index") ?? 0,
        WaitToken = e.GetString("wait_token"),
        AbortRequested = e.GetBoolean("abort_requested") ?? false,
        SubscriptionIds = ParseGuids(await text.ReadAsync(e, "subscription_ids", ct)),
        FailedReason = await text.ReadAsync(e, "failed_reason", ct),
        Traceback = await text.ReadAsync(e, "traceback", ct),
        Note = await text.ReadAsync(e, "note", ct),
        ETag = etag,
    };

    // ---------------------------------------------------------------- keys and helpers

    static string MainKey(Guid processId) => $"id:{processId:D}";

    static string Inverted(DateTimeOffset startedAt) => (DateTimeOffset.MaxValue.UtcTicks - startedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    static List<string> IndexKeys(ProcessRecord p) => IndexKeys(p.ProcessId, p.StartedAt, p.LastStatus, p.WorkflowName, p.SubscriptionIds);

    static List<string> IndexKeys(Guid pid, DateTimeOffset startedAt, string status, string workflow, IEnumerable<Guid> subscriptions)
    {
        var inverted = Inverted(startedAt);
        var keys = new List<string>
        {
            $"t:{inverted}:{pid:D}",
            $"s:{KeyPart(status)}:{inverted}:{pid:D}",
            $"w:{KeyPart(workflow)}:{inverted}:{pid:D}",
        };
        keys.AddRange(subscriptions.Distinct().Select(s => $"sub:{s:D}:{inverted}:{pid:D}"));
        return keys;
    }

    static string StepKey(int index, int attempt)
    {
        if (index is < 0 or > MaxIndexOrAttempt) throw new ArgumentOutOfRangeException(nameof(index), index, "A step index is 0..99999");
        if (attempt is < 0 or > MaxIndexOrAttempt) throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "An attempt is 0..99999");
        return $"{index:D5}.{attempt:D5}";
    }

    /// <summary>Step rows only: their keys are digits, the current row's key is a word.</summary>
    static string StepRangeFilter(Guid processId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {processId.ToString()} and RowKey ge {RowKey(processId, "0")} and RowKey lt {RowKey(processId, ":")}");

    /// <summary>A row key of the steps or inputs table: the process id, then the key within the process (see the class).</summary>
    static string RowKey(Guid processId, string key) => $"{processId:N}-{key}";

    /// <summary>A value made safe for a RowKey and unambiguous between ':' separators: [A-Za-z0-9_.-] kept, the rest ~XXXX.</summary>
    static string KeyPart(string value)
    {
        var key = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-') key.Append(c);
            else key.Append('~').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return key.ToString();
    }

    /// <summary>The first key after every key with this prefix (the prefix ends in ':', so ';').</summary>
    static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    static string EncodeToken(string lastRowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("p1|" + lastRowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static string DecodeToken(string token, string prefix)
    {
        string decoded;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw new ArgumentException("The continuation token is not valid", nameof(token));
        }
        if (!decoded.StartsWith("p1|", StringComparison.Ordinal) || !decoded[3..].StartsWith(prefix, StringComparison.Ordinal))
            throw new ArgumentException("The continuation token does not belong to this query", nameof(token));
        return decoded[3..];
    }

    static DateTimeOffset Ticks(long? ticks) => new(ticks ?? 0, TimeSpan.Zero);

    static DateTimeOffset Started(TableEntity e) => Ticks(e.GetInt64("started_at"));

    static string Serialize(JsonObject state) => state.ToJsonString(DomainJson.Options);

    static JsonObject ParseObject(string? json) => json is null ? new JsonObject() : JsonNode.Parse(json)?.AsObject() ?? new JsonObject();

    static List<Guid> ParseGuids(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize<List<string>>(json) ?? []).Select(Guid.Parse).ToList();

    /// <summary>Submits a transaction; a delete of a row that is already gone is dropped and the rest submitted again.</summary>
    static async Task<Response<IReadOnlyList<Response>>?> SubmitAsync(TableClient table, List<TableTransactionAction> actions, CancellationToken ct)
    {
        while (actions.Count > 0)
        {
            try
            {
                return await table.SubmitTransactionAsync(actions, ct);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is int i
                && i < actions.Count && actions[i].ActionType == TableTransactionActionType.Delete)
            {
                actions.RemoveAt(i);
            }
        }
        return null;
    }

    static async Task DeletePartitionAsync(TableClient table, string partition, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: ct))
            keys.Add(e.RowKey);
        foreach (var chunk in keys.Chunk(MaxTransactionActions))
            await SubmitAsync(table, chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)).ToList(), ct);
    }
}
