using System.Text.Json.Nodes;
using Orchestrator.Infra.Processes;

namespace Orchestrator.Infra.Tests.Processes;

public sealed class ProcessLogProcessTests
{
    static readonly DateTimeOffset Base = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    static ProcessRecord NewProcess(int minute = 0, string workflow = "create_node", string status = ProcessStatus.Created, bool isTask = false) => new()
    {
        ProcessId = Guid.NewGuid(),
        WorkflowName = workflow,
        WorkflowTarget = isTask ? "SYSTEM" : "CREATE",
        IsTask = isTask,
        LastStatus = status,
        StartedAt = Base.AddMinutes(minute),
        CreatedBy = "SYSTEM",
    };

    [Fact]
    public async Task A_created_process_reads_back_with_every_field_its_etag_and_its_initial_state()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var subscription = Guid.NewGuid();
        var product = Guid.NewGuid();
        var process = new ProcessRecord
        {
            ProcessId = Guid.NewGuid(),
            WorkflowName = "create_circuit",
            WorkflowTarget = "CREATE",
            IsTask = false,
            WorkflowVersion = 3,
            LastStatus = ProcessStatus.Running,
            LastStep = "Start",
            Assignee = "SYSTEM",
            FailedReason = "boom",
            Traceback = "Traceback (most recent call last):\n  …",
            CreatedBy = "jane",
            StartedAt = new DateTimeOffset(2024, 5, 1, 14, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234),
            SubscriptionIds = [subscription],
            ProductId = product,
            CustomerId = "cust-1",
            CurrentIndex = 2,
            WaitToken = "tok",
            AbortRequested = true,
            Note = "a note",
        };
        var initial = new JsonObject { ["product"] = product.ToString(), ["reporter"] = "jane", ["nested"] = new JsonObject { ["n"] = 1.50 } };

        await env.Log.CreateAsync(process, initial);
        var read = await env.Log.GetAsync(process.ProcessId);

        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal(process.WorkflowName, read.WorkflowName);
        Assert.Equal(process.WorkflowTarget, read.WorkflowTarget);
        Assert.Equal(3, read.WorkflowVersion);
        Assert.Equal(ProcessStatus.Running, read.LastStatus);
        Assert.Equal("Start", read.LastStep);
        Assert.Equal("SYSTEM", read.Assignee);
        Assert.Equal("boom", read.FailedReason);
        Assert.Equal(process.Traceback, read.Traceback);
        Assert.Equal("jane", read.CreatedBy);
        Assert.Equal(process.StartedAt, read.StartedAt);   // the same instant (read back in UTC)
        Assert.Equal(process.StartedAt.UtcTicks, read.StartedAt.UtcTicks);
        Assert.NotEqual(default, read.LastModifiedAt);
        Assert.Equal([subscription], read.SubscriptionIds);
        Assert.Equal(product, read.ProductId);
        Assert.Equal("cust-1", read.CustomerId);
        Assert.Equal(2, read.CurrentIndex);
        Assert.Equal("tok", read.WaitToken);
        Assert.True(read.AbortRequested);
        Assert.Equal("a note", read.Note);
        Assert.Equal(initial.ToJsonString(), (await env.Log.GetCurrentStateAsync(process.ProcessId)).ToJsonString());
        Assert.Null(await env.Log.GetAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => env.Log.GetCurrentStateAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Nulls_and_dates_before_1601_are_stored()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var process = new ProcessRecord { ProcessId = Guid.NewGuid(), WorkflowName = "w", StartedAt = new DateTimeOffset(1200, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        await env.Log.CreateAsync(process, new JsonObject { ["x"] = null });
        var read = await env.Log.GetAsync(process.ProcessId);

        Assert.NotNull(read);
        Assert.Equal(1200, read.StartedAt.Year);
        Assert.Null(read.LastStep);
        Assert.Null(read.ProductId);
        Assert.Null(read.Note);
        Assert.Empty(read.SubscriptionIds);
        Assert.Equal("""{"x":null}""", (await env.Log.GetCurrentStateAsync(process.ProcessId)).ToJsonString());
        var page = await env.Log.ListAsync(new ProcessQuery());
        Assert.Equal(process.ProcessId, Assert.Single(page.Items).ProcessId);
    }

    [Fact]
    public async Task Creating_an_existing_process_is_a_conflict_and_create_if_absent_says_false_without_overwriting()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var process = NewProcess();
        await env.Log.CreateAsync(process, new JsonObject { ["v"] = 1 });

        await Assert.ThrowsAsync<ProcessConflictException>(() => env.Log.CreateAsync(process with { LastStatus = ProcessStatus.Failed }, new JsonObject { ["v"] = 2 }));
        Assert.False(await env.Log.CreateIfAbsentAsync(process with { WorkflowName = "other" }, new JsonObject { ["v"] = 3 }));
        Assert.True(await env.Log.CreateIfAbsentAsync(NewProcess(), new JsonObject()));

        var read = await env.Log.GetAsync(process.ProcessId);
        Assert.Equal(ProcessStatus.Created, read!.LastStatus);
        Assert.Equal("create_node", read.WorkflowName);
        Assert.Equal(1, (int)(await env.Log.GetCurrentStateAsync(process.ProcessId))["v"]!);
        Assert.Equal(4, (await env.ProcessRowsAsync(process.ProcessId)).Count);   // main, t:, s:, w:
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var process = NewProcess();
        await env.Log.CreateAsync(process, new JsonObject());
        var first = (await env.Log.GetAsync(process.ProcessId))!;

        var updated = await env.Log.UpdateAsync(first with { LastStatus = ProcessStatus.Running, LastStep = "Start" });
        Assert.NotEqual(first.ETag, updated.ETag);
        Assert.Equal((await env.Log.GetAsync(process.ProcessId))!.ETag, updated.ETag);   // the returned ETag is the stored one

        await Assert.ThrowsAsync<ProcessConflictException>(() => env.Log.UpdateAsync(first with { LastStatus = ProcessStatus.Failed, LastStep = "Stale" }));

        var read = (await env.Log.GetAsync(process.ProcessId))!;
        Assert.Equal(ProcessStatus.Running, read.LastStatus);
        Assert.Equal("Start", read.LastStep);
        Assert.Equal(updated.ETag, read.ETag);
        Assert.Empty((await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Failed })).Items);
        Assert.Single((await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Running })).Items);

        // the returned record can be updated again straight away
        var again = await env.Log.UpdateAsync(updated with { LastStatus = ProcessStatus.Completed });
        Assert.Equal(ProcessStatus.Completed, (await env.Log.GetAsync(process.ProcessId))!.LastStatus);
        Assert.NotEqual(updated.ETag, again.ETag);

        // a deleted process cannot be updated either
        await env.Log.DeleteAsync(process.ProcessId);
        await Assert.ThrowsAsync<ProcessConflictException>(() => env.Log.UpdateAsync(again));
    }

    [Fact]
    public async Task An_update_given_the_row_as_read_moves_the_index_rows_and_a_stale_one_is_refused()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var process = NewProcess();
        await env.Log.CreateAsync(process, new JsonObject());
        var read = (await env.Log.GetAsync(process.ProcessId))!;

        var running = await env.Log.UpdateAsync(read with { LastStatus = ProcessStatus.Running, LastStep = "Start" }, read);
        Assert.Single((await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Running })).Items);
        Assert.Empty((await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Created })).Items);
        Assert.Equal(4, (await env.ProcessRowsAsync(process.ProcessId)).Count);   // the old status row went with the change

        // the first read is stale now: refused, and nothing changes
        await Assert.ThrowsAsync<ProcessConflictException>(() => env.Log.UpdateAsync(read with { LastStatus = ProcessStatus.Failed }, read));
        var stored = (await env.Log.GetAsync(process.ProcessId))!;
        Assert.Equal(ProcessStatus.Running, stored.LastStatus);
        Assert.Equal(running.ETag, stored.ETag);
        Assert.Empty((await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Failed })).Items);
    }

    [Fact]
    public async Task Of_two_concurrent_updates_from_the_same_read_exactly_one_wins()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var process = NewProcess();
        await env.Log.CreateAsync(process, new JsonObject());
        var read = (await env.Log.GetAsync(process.ProcessId))!;

        var outcomes = await Task.WhenAll(new[] { ProcessStatus.Running, ProcessStatus.Aborted }.Select(async status =>
        {
            try { await env.Log.UpdateAsync(read with { LastStatus = status }); return status; }
            catch (ProcessConflictException) { return null; }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await env.Log.GetAsync(process.ProcessId))!.LastStatus);
        var statusRow = Assert.Single(await env.ProcessRowsAsync(process.ProcessId), r => r.RowKey.StartsWith("s:", StringComparison.Ordinal));
        Assert.StartsWith($"s:{winner}:", statusRow.RowKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_or_delete_still_succeeds_when_an_index_row_is_already_missing()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var process = NewProcess();
        await env.Log.CreateAsync(process, new JsonObject());
        var statusRow = Assert.Single(await env.ProcessRowsAsync(process.ProcessId), r => r.RowKey.StartsWith("s:", StringComparison.Ordinal));
        await env.Tables.Processes.DeleteEntityAsync(statusRow.PartitionKey, statusRow.RowKey);

        var read = (await env.Log.GetAsync(process.ProcessId))!;
        await env.Log.UpdateAsync(read with { LastStatus = ProcessStatus.Running });

        Assert.Equal(process.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Running })).Items).ProcessId);
        var timeRow = Assert.Single(await env.ProcessRowsAsync(process.ProcessId), r => r.RowKey.StartsWith("t:", StringComparison.Ordinal));
        await env.Tables.Processes.DeleteEntityAsync(timeRow.PartitionKey, timeRow.RowKey);
        await env.Log.DeleteAsync(process.ProcessId);
        Assert.Empty(await env.ProcessRowsAsync(process.ProcessId));
    }

    [Fact]
    public async Task Thirty_processes_list_newest_first_over_pages_joined_by_the_continuation_token()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var created = new List<ProcessRecord>();
        foreach (var minute in Enumerable.Range(0, 30).OrderBy(_ => Random.Shared.Next()))
        {
            var process = NewProcess(minute);
            created.Add(process);
            await env.Log.CreateAsync(process, new JsonObject());
        }

        var seen = new List<ProcessRecord>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await env.Log.ListAsync(new ProcessQuery { Take = 7, ContinuationToken = token });
            pages++;
            Assert.True(page.Items.Count == 7 || page.ContinuationToken is null, "only the last page may be short");
            seen.AddRange(page.Items);
            token = page.ContinuationToken;
        } while (token is not null);

        Assert.Equal(5, pages);
        Assert.Equal(created.OrderByDescending(p => p.StartedAt).Select(p => p.ProcessId), seen.Select(p => p.ProcessId));
        Assert.All(seen, p => Assert.Equal("create_node", p.WorkflowName));

        var exact = await env.Log.ListAsync(new ProcessQuery { Take = 30 });
        Assert.Equal(30, exact.Items.Count);
        Assert.Null(exact.ContinuationToken);

        var firstPage = await env.Log.ListAsync(new ProcessQuery { Take = 7 });
        await Assert.ThrowsAsync<ArgumentException>(() => env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Created, ContinuationToken = firstPage.ContinuationToken }));
        await Assert.ThrowsAsync<ArgumentException>(() => env.Log.ListAsync(new ProcessQuery { ContinuationToken = "not a token!" }));
    }

    [Fact]
    public async Task Listing_by_status_follows_status_changes_and_the_old_status_no_longer_lists_the_process()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var processes = Enumerable.Range(0, 5).Select(i => NewProcess(i, status: ProcessStatus.Running)).ToList();
        foreach (var p in processes) await env.Log.CreateAsync(p, new JsonObject());

        foreach (var p in processes.Take(2))
        {
            var read = (await env.Log.GetAsync(p.ProcessId))!;
            await env.Log.UpdateAsync(read with { LastStatus = ProcessStatus.Failed, FailedReason = "nope" });
        }

        var running = await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Running });
        var failed = await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Failed });
        Assert.Equal(processes.Skip(2).Select(p => p.ProcessId).Reverse(), running.Items.Select(p => p.ProcessId));
        Assert.Equal(processes.Take(2).Select(p => p.ProcessId).Reverse(), failed.Items.Select(p => p.ProcessId));
        Assert.All(failed.Items, p => Assert.Equal("nope", p.FailedReason));     // index rows carry the summary fields
        Assert.All(failed.Items, p => Assert.Equal(ProcessStatus.Failed, p.LastStatus));
        Assert.Empty((await env.Log.ListAsync(new ProcessQuery { Status = ProcessStatus.Created })).Items);

        // the newest-first index is updated too: it shows the new status
        var all = await env.Log.ListAsync(new ProcessQuery());
        Assert.Equal(2, all.Items.Count(p => p.LastStatus == ProcessStatus.Failed));
        // exactly one status index row per process
        foreach (var p in processes)
            Assert.Single(await env.ProcessRowsAsync(p.ProcessId), r => r.RowKey.StartsWith("s:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listing_by_workflow_and_the_unindexed_filters_combine()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var nodes = Enumerable.Range(0, 4).Select(i => NewProcess(i, "create_node")).ToList();
        var circuits = Enumerable.Range(10, 3).Select(i => NewProcess(i, "create_circuit")).ToList();
        var task = NewProcess(20, "task_validate_products", isTask: true);
        var odd = NewProcess(30, "odd/name:with#chars?");
        var jane = NewProcess(40, "create_node") with { CreatedBy = "jane", LastStatus = ProcessStatus.Completed };
        foreach (var p in nodes.Concat(circuits).Append(task).Append(odd).Append(jane)) await env.Log.CreateAsync(p, new JsonObject());

        var byWorkflow = await env.Log.ListAsync(new ProcessQuery { Workflow = "create_node" });
        Assert.Equal(nodes.Append(jane).Select(p => p.ProcessId).Reverse(), byWorkflow.Items.Select(p => p.ProcessId));
        Assert.Equal(circuits.Select(p => p.ProcessId).Reverse(), (await env.Log.ListAsync(new ProcessQuery { Workflow = "create_circuit" })).Items.Select(p => p.ProcessId));
        Assert.Equal(odd.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { Workflow = "odd/name:with#chars?" })).Items).ProcessId);
        Assert.Empty((await env.Log.ListAsync(new ProcessQuery { Workflow = "create" })).Items);

        Assert.Equal(task.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { IsTask = true })).Items).ProcessId);
        Assert.Equal(9, (await env.Log.ListAsync(new ProcessQuery { IsTask = false })).Items.Count);
        Assert.Equal(task.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { Target = "SYSTEM" })).Items).ProcessId);
        Assert.Equal(jane.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { CreatedBy = "jane" })).Items).ProcessId);
        Assert.Equal(jane.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { Workflow = "create_node", Status = ProcessStatus.Completed })).Items).ProcessId);
        Assert.Equal(4, (await env.Log.ListAsync(new ProcessQuery { Workflow = "create_node", Status = ProcessStatus.Created })).Items.Count);

        // filtered pages are still full pages: 2 + 2 + 1 of the 5 create_node processes among 10
        var filter = new ProcessQuery { IsTask = false, Workflow = "create_node", Take = 2 };
        var page1 = await env.Log.ListAsync(filter);
        var page2 = await env.Log.ListAsync(filter with { ContinuationToken = page1.ContinuationToken });
        var page3 = await env.Log.ListAsync(filter with { ContinuationToken = page2.ContinuationToken });
        Assert.Equal([jane.ProcessId, nodes[3].ProcessId], page1.Items.Select(p => p.ProcessId));
        Assert.Equal([nodes[2].ProcessId, nodes[1].ProcessId], page2.Items.Select(p => p.ProcessId));
        Assert.Equal(nodes[0].ProcessId, Assert.Single(page3.Items).ProcessId);
        // a page that ends exactly at the last match has no token
        var system = filter with { CreatedBy = "SYSTEM" };
        var systemPage1 = await env.Log.ListAsync(system);
        var systemPage2 = await env.Log.ListAsync(system with { ContinuationToken = systemPage1.ContinuationToken });
        Assert.Equal(2, systemPage2.Items.Count);
        Assert.Null(systemPage2.ContinuationToken);
        Assert.Null(page3.ContinuationToken);
    }

    [Fact]
    public async Task Linked_subscriptions_list_their_processes_and_linking_twice_keeps_one_link()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var subscription = Guid.NewGuid();
        var other = Guid.NewGuid();
        var create = NewProcess(0, "create_node");
        var modify = NewProcess(5, "modify_note") with { WorkflowTarget = "MODIFY" };
        var unrelated = NewProcess(7, "create_node");
        foreach (var p in new[] { create, modify, unrelated }) await env.Log.CreateAsync(p, new JsonObject());

        await env.Log.LinkSubscriptionAsync(create.ProcessId, subscription, "CREATE");
        await env.Log.LinkSubscriptionAsync(create.ProcessId, subscription, "CREATE");
        await env.Log.LinkSubscriptionAsync(modify.ProcessId, subscription, "MODIFY");
        await env.Log.LinkSubscriptionAsync(modify.ProcessId, other, "MODIFY");

        var bySubscription = await env.Log.ListAsync(new ProcessQuery { SubscriptionId = subscription });
        Assert.Equal([modify.ProcessId, create.ProcessId], bySubscription.Items.Select(p => p.ProcessId));
        Assert.Equal(modify.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { SubscriptionId = other })).Items).ProcessId);
        Assert.Empty((await env.Log.ListAsync(new ProcessQuery { SubscriptionId = Guid.NewGuid() })).Items);
        Assert.Equal(create.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { SubscriptionId = subscription, Workflow = "create_node" })).Items).ProcessId);

        var links = await env.Log.GetSubscriptionLinksAsync(create.ProcessId);
        var link = Assert.Single(links);
        Assert.Equal(subscription, link.SubscriptionId);
        Assert.Equal("CREATE", link.WorkflowTarget);
        Assert.NotEqual(default, link.CreatedAt);
        Assert.Equal([subscription, other], (await env.Log.GetSubscriptionLinksAsync(modify.ProcessId)).Select(l => l.SubscriptionId));
        Assert.Equal([subscription, other], (await env.Log.GetAsync(modify.ProcessId))!.SubscriptionIds);
        Assert.Single(await env.ProcessRowsAsync(create.ProcessId), r => r.RowKey.StartsWith("sub:", StringComparison.Ordinal));

        // a status change keeps the process listed under its subscription, with the new status
        var read = (await env.Log.GetAsync(create.ProcessId))!;
        await env.Log.UpdateAsync(read with { LastStatus = ProcessStatus.Completed });
        Assert.Contains((await env.Log.ListAsync(new ProcessQuery { SubscriptionId = subscription, Status = ProcessStatus.Completed })).Items, p => p.ProcessId == create.ProcessId);

        // removing the id from the record removes it from the subscription index
        read = (await env.Log.GetAsync(modify.ProcessId))!;
        await env.Log.UpdateAsync(read with { SubscriptionIds = [subscription] });
        Assert.Empty((await env.Log.ListAsync(new ProcessQuery { SubscriptionId = other })).Items);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => env.Log.LinkSubscriptionAsync(Guid.NewGuid(), subscription, "CREATE"));
    }

    [Fact]
    public async Task Status_counts_are_per_status_and_separate_processes_from_tasks()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var items = new[]
        {
            NewProcess(0, status: ProcessStatus.Completed), NewProcess(1, status: ProcessStatus.Completed), NewProcess(2, status: ProcessStatus.Running),
            NewProcess(3, "task_x", ProcessStatus.Failed, isTask: true), NewProcess(4, "task_x", ProcessStatus.Completed, isTask: true),
        };
        foreach (var p in items) await env.Log.CreateAsync(p, new JsonObject());
        var running = (await env.Log.GetAsync(items[2].ProcessId))!;
        await env.Log.UpdateAsync(running with { LastStatus = ProcessStatus.Suspended });

        var processes = await env.Log.CountByStatusAsync(isTask: false);
        var tasks = await env.Log.CountByStatusAsync(isTask: true);

        Assert.Equal(new Dictionary<string, int> { [ProcessStatus.Completed] = 2, [ProcessStatus.Suspended] = 1 }, processes);
        Assert.Equal(new Dictionary<string, int> { [ProcessStatus.Failed] = 1, [ProcessStatus.Completed] = 1 }, tasks);
    }

    [Fact]
    public async Task Delete_removes_the_process_its_steps_inputs_links_index_rows_and_blobs_and_nothing_of_others()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var doomed = NewProcess(0);
        var kept = NewProcess(1);
        var subscription = Guid.NewGuid();
        foreach (var p in new[] { doomed, kept })
        {
            await env.Log.CreateAsync(p, new JsonObject { ["a"] = 1 });
            await env.Log.LinkSubscriptionAsync(p.ProcessId, subscription, "CREATE");
            await env.Log.LogStepAsync(p.ProcessId, new StepRecord { Index = 0, Name = "Start", State = new JsonObject { ["big"] = new string('x', 1_000_000) } });
            await env.Log.SaveInputAsync(p.ProcessId, "form-1", [new JsonObject { ["f"] = "v" }]);
        }
        Assert.NotEmpty(await env.BlobNamesAsync(doomed.ProcessId));

        await env.Log.DeleteAsync(doomed.ProcessId);
        await env.Log.DeleteAsync(doomed.ProcessId);   // deleting again is harmless

        Assert.Null(await env.Log.GetAsync(doomed.ProcessId));
        Assert.Empty(await env.ProcessRowsAsync(doomed.ProcessId));
        Assert.Empty(await env.Log.GetStepsAsync(doomed.ProcessId));
        Assert.Null(await env.Log.GetInputAsync(doomed.ProcessId, "form-1"));
        Assert.Empty(await env.Log.GetSubscriptionLinksAsync(doomed.ProcessId));
        Assert.Empty(await env.BlobNamesAsync(doomed.ProcessId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => env.Log.GetCurrentStateAsync(doomed.ProcessId));
        var stepRows = 0;
        await foreach (var _ in env.Tables.Steps.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{doomed.ProcessId}'")) stepRows++;
        Assert.Equal(0, stepRows);

        Assert.NotNull(await env.Log.GetAsync(kept.ProcessId));
        Assert.Single(await env.Log.GetStepsAsync(kept.ProcessId));
        Assert.NotEmpty(await env.BlobNamesAsync(kept.ProcessId));
        Assert.Equal(kept.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery { SubscriptionId = subscription })).Items).ProcessId);
        Assert.Equal(kept.ProcessId, Assert.Single((await env.Log.ListAsync(new ProcessQuery())).Items).ProcessId);
    }
}
