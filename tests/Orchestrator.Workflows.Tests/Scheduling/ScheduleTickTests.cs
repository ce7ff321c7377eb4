using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Handlers;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Schedules;
using Orchestrator.Infra.Tables;
using Orchestrator.Workflows.Scheduling;

namespace Orchestrator.Workflows.Tests.Scheduling;

/// <summary>The scheduler's tick (spec §3.7): once per occurrence across ticks and hosts, disabled, retimed and missed schedules.</summary>
public sealed class ScheduleTickTests(EngineFixture engine) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 1, 0, TimeSpan.Zero);

    ScheduleStore Store => engine.Services.GetRequiredService<ScheduleStore>();
    ScheduleTicker Ticker => engine.Services.GetRequiredService<ScheduleTicker>();

    public async Task InitializeAsync()
    {
        engine.Switches.FailTimes(TestWorkflows.Flaky, 0);
        foreach (var schedule in await Store.ListAsync()) await Store.DeleteAsync(schedule.ScheduleId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<Schedule> AddAsync(string kind, JsonObject arguments, bool enabled = true, DateTimeOffset? createdAt = null)
    {
        var created = createdAt ?? T0;
        var schedule = new Schedule
        {
            ScheduleId = Guid.NewGuid(), Name = "test", WorkflowName = TestWorkflows.Flaky, Trigger = ScheduleTrigger.Parse(kind, arguments),
            UserInputs = [new JsonObject()], Enabled = enabled, CreatedAt = created,
        }.Rescheduled(created);
        Assert.True(await Store.TryAddAsync(schedule));
        return (await Store.GetAsync(schedule.ScheduleId))!;
    }

    /// <summary>A ticker of a second host: its own table client over the same storage.</summary>
    ScheduleTicker SecondHost()
    {
        var options = engine.Services.GetRequiredService<StorageOptions>();
        var store = new ScheduleStore(new ProcessTables(new TableServiceClient(options.ConnectionString), options));
        return ActivatorUtilities.CreateInstance<ScheduleTicker>(engine.Services, store);
    }

    [Fact]
    public async Task A_due_schedule_fires_once_when_ticks_run_twice_at_once_on_two_hosts()
    {
        var schedule = await AddAsync(ScheduleTrigger.CronKind, new JsonObject { ["expression"] = "*/5 * * * *" });
        var due = new DateTimeOffset(2030, 1, 1, 0, 5, 0, TimeSpan.Zero);
        var other = SecondHost();

        var ticks = await Task.WhenAll(
            Ticker.TickAsync(due.AddSeconds(20), engine.Client), other.TickAsync(due.AddSeconds(20), engine.Client),
            Ticker.TickAsync(due.AddSeconds(20), engine.Client), other.TickAsync(due.AddSeconds(20), engine.Client));
        var later = await Task.WhenAll(Ticker.TickAsync(due.AddMinutes(1), engine.Client), other.TickAsync(due.AddMinutes(1), engine.Client));

        Assert.Equal(due, schedule.NextRunAt);
        var started = Assert.Single(ticks.SelectMany(t => t));
        Assert.Equal(schedule.ProcessIdFor(due), started);
        Assert.All(later, t => Assert.Empty(t));
        await engine.WaitForStatusAsync(started, ProcessStatus.Completed);
        var after = (await Store.GetAsync(schedule.ScheduleId))!;
        Assert.Equal(due.AddMinutes(5), after.NextRunAt);
        Assert.Equal(started, after.LastProcessId);
        Assert.Null(after.PendingProcessId);
    }

    [Fact]
    public async Task A_disabled_schedule_never_fires()
    {
        var schedule = await AddAsync(ScheduleTrigger.CronKind, new JsonObject { ["expression"] = "* * * * *" }, enabled: false);
        var stale = (await Store.TryReplaceAsync(schedule with { NextRunAt = T0 }))!;

        var started = await Ticker.TickAsync(T0.AddHours(5), engine.Client);

        Assert.Empty(started);
        Assert.Null(await engine.Log.GetAsync(stale.ProcessIdFor(T0)));
        Assert.Null((await Store.GetAsync(schedule.ScheduleId))!.LastRunAt);
    }

    [Fact]
    public async Task A_missed_window_runs_once_and_the_next_run_moves_past_now()
    {
        var schedule = await AddAsync(ScheduleTrigger.IntervalKind, new JsonObject { ["hours"] = 1 });
        var now = T0.AddHours(10).AddMinutes(30);

        var first = await Ticker.TickAsync(now, engine.Client);
        var second = await Ticker.TickAsync(now.AddMinutes(1), engine.Client);

        var started = Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(schedule.ProcessIdFor(T0.AddHours(1)), started);
        Assert.Equal(T0.AddHours(11), (await Store.GetAsync(schedule.ScheduleId))!.NextRunAt);
        await engine.WaitForStatusAsync(started, ProcessStatus.Completed);
    }

    [Fact]
    public async Task A_changed_trigger_moves_the_next_run_and_fires_at_the_new_time()
    {
        var created = await CallAsync(h => h.CreateAsync,
            $$$"""{"name":"nightly","workflow_name":"{{{TestWorkflows.Flaky}}}","trigger":"date","trigger_kwargs":{"run_date":"2100-01-01T00:00:00Z"}}""");
        var id = Guid.Parse(created["schedule_id"]!.GetValue<string>());
        var before = (await Store.GetAsync(id))!;

        var changed = await CallAsync(h => r => h.UpdateAsync(r, id.ToString()), """{"trigger":"interval","trigger_kwargs":{"minutes":2}}""");
        var after = (await Store.GetAsync(id))!;
        var notYet = await Ticker.TickAsync(after.NextRunAt!.Value.AddSeconds(-1), engine.Client);
        var fired = await Ticker.TickAsync(after.NextRunAt!.Value, engine.Client);

        Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), before.NextRunAt);
        Assert.True(after.NextRunAt < DateTimeOffset.UtcNow.AddMinutes(3), $"next run {after.NextRunAt}");
        Assert.Equal("interval", changed["trigger"]!.GetValue<string>());
        Assert.Empty(notYet);
        Assert.Equal(after.ProcessIdFor(after.NextRunAt!.Value), Assert.Single(fired));
    }

    async Task<JsonNode> CallAsync(Func<ScheduleHandlers, Func<HttpRequest, Task<IResult>>> handler, string body)
    {
        var context = new DefaultHttpContext { RequestServices = engine.Services };
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Response.Body = new MemoryStream();
        var result = await handler(engine.Services.GetRequiredService<ScheduleHandlers>())(context.Request);
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.True(context.Response.StatusCode is 200 or 201, $"{context.Response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
