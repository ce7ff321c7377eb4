using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Orchestrator.Infra.Processes;

namespace Orchestrator.Infra.Tests.Processes;

public sealed class ProcessLogStepTests
{
    static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    static async Task<Guid> NewProcessAsync(ProcessLogEnvironment env, JsonObject? initial = null)
    {
        var id = Guid.NewGuid();
        await env.Log.CreateAsync(new ProcessRecord { ProcessId = id, WorkflowName = "create_node", WorkflowTarget = "CREATE", StartedAt = T0 },
            initial ?? new JsonObject { ["product"] = "p1" });
        return id;
    }

    static StepRecord Step(int index, string name, string status, JsonObject state, int attempt = 0, int minute = 0, string? error = null) => new()
    {
        Index = index,
        Attempt = attempt,
        Key = name.ToLowerInvariant().Replace(' ', '_'),
        Name = name,
        Status = status,
        State = state,
        Started = T0.AddMinutes(minute),
        Completed = T0.AddMinutes(minute).AddSeconds(1),
        Error = error,
    };

    [Fact]
    public async Task Steps_list_in_logged_order_and_each_delta_is_against_the_last_good_row()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var pid = await NewProcessAsync(env);

        await env.Log.LogStepAsync(pid, Step(0, "Start", StepStatus.Success, new JsonObject { ["product"] = "p1" }, minute: 0));
        await env.Log.LogStepAsync(pid, Step(1, "Create subscription", StepStatus.Success, new JsonObject { ["product"] = "p1", ["subscription_id"] = "s1" }, minute: 1));
        var failed = await env.Log.LogStepAsync(pid, Step(2, "Reserve IP", StepStatus.Failed,
            new JsonObject { ["product"] = "p1", ["subscription_id"] = "s1", ["error"] = "NetBox down" }, minute: 2, error: "NetBox down"));
        var retried = await env.Log.LogStepAsync(pid, Step(2, "Reserve IP", StepStatus.Success,
            new JsonObject { ["product"] = "p1", ["subscription_id"] = "s1", ["ip"] = "10.0.0.1" }, attempt: 1, minute: 3));
        var skipped = await env.Log.LogStepAsync(pid, Step(10, "Maybe", StepStatus.Skipped,
            new JsonObject { ["product"] = "p1", ["subscription_id"] = "s2", ["ip"] = "10.0.0.1" }, minute: 4));

        var steps = await env.Log.GetStepsAsync(pid);

        Assert.Equal(["Start", "Create subscription", "Reserve IP", "Reserve IP", "Maybe"], steps.Select(s => s.Name));
        Assert.Equal([(0, 0), (1, 0), (2, 0), (2, 1), (10, 0)], steps.Select(s => (s.Index, s.Attempt)));   // numeric order: 10 after 2
        Assert.Equal("""{"product":"p1"}""", steps[0].StateDelta.ToJsonString());                   // first row: full state
        Assert.Equal("""{"subscription_id":"s1"}""", steps[1].StateDelta.ToJsonString());
        Assert.Equal("""{"error":"NetBox down"}""", failed.StateDelta.ToJsonString());
        Assert.Equal("""{"ip":"10.0.0.1"}""", retried.StateDelta.ToJsonString());                    // against "Create subscription", not the failed row
        Assert.Equal("""{"subscription_id":"s2"}""", skipped.StateDelta.ToJsonString());
        Assert.Equal(retried.StateDelta.ToJsonString(), steps[3].StateDelta.ToJsonString());
        Assert.Equal("NetBox down", steps[2].Error);
        Assert.Equal(T0.AddMinutes(3), steps[3].Started);
        Assert.Equal(T0.AddMinutes(3).AddSeconds(1), steps[3].Completed);
        Assert.Equal([T0.AddMinutes(3)], steps[3].ExecutedAt);
        Assert.All(steps, s => Assert.NotEqual(Guid.Empty, s.StepId));
        Assert.Equal(5, steps.Select(s => s.StepId).Distinct().Count());

        var one = await env.Log.GetStepAsync(pid, 2, 1);
        Assert.Equal("""{"product":"p1","subscription_id":"s1","ip":"10.0.0.1"}""", one!.State.ToJsonString());
        Assert.Null(await env.Log.GetStepAsync(pid, 2, 2));
        // the current state follows the newest row a resume would start from
        Assert.Equal(skipped.State.ToJsonString(), (await env.Log.GetCurrentStateAsync(pid)).ToJsonString());
    }

    [Fact]
    public async Task The_current_state_follows_suspend_and_cleared_rows_but_not_failures_and_can_be_set()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var pid = await NewProcessAsync(env, new JsonObject { ["initial"] = true });
        Assert.Equal("""{"initial":true}""", (await env.Log.GetCurrentStateAsync(pid)).ToJsonString());

        await env.Log.LogStepAsync(pid, Step(0, "Start", StepStatus.Success, new JsonObject { ["a"] = 1 }));
        await env.Log.LogStepAsync(pid, Step(1, "Form", StepStatus.Suspend, new JsonObject { ["a"] = 1, ["suspended"] = true }));
        Assert.Equal("""{"a":1,"suspended":true}""", (await env.Log.GetCurrentStateAsync(pid)).ToJsonString());

        await env.Log.LogStepAsync(pid, Step(1, "Form", StepStatus.Success, new JsonObject { ["a"] = 1, ["input"] = "x" }, attempt: 1));
        await env.Log.LogFailureAsync(pid, Step(2, "Boom", StepStatus.Failed, new JsonObject { ["a"] = 1, ["input"] = "x", ["error"] = "e" }, error: "e"));
        Assert.Equal("""{"a":1,"input":"x"}""", (await env.Log.GetCurrentStateAsync(pid)).ToJsonString());

        // rewriting an older row does not move the current state back
        await env.Log.LogStepAsync(pid, Step(0, "Start", StepStatus.Success, new JsonObject { ["a"] = 2 }));
        Assert.Equal("""{"a":1,"input":"x"}""", (await env.Log.GetCurrentStateAsync(pid)).ToJsonString());

        await env.Log.SetCurrentStateAsync(pid, new JsonObject { ["set"] = "explicitly" });
        Assert.Equal("""{"set":"explicitly"}""", (await env.Log.GetCurrentStateAsync(pid)).ToJsonString());
    }

    [Fact]
    public async Task Logging_the_same_index_and_attempt_twice_leaves_one_row_with_the_second_content()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var pid = await NewProcessAsync(env);

        var first = await env.Log.LogStepAsync(pid, Step(0, "Start", StepStatus.Success, new JsonObject { ["v"] = 1 }));
        var second = await env.Log.LogStepAsync(pid, Step(0, "Start", StepStatus.Success, new JsonObject { ["v"] = 2 }, minute: 5));

        var row = Assert.Single(await env.Log.GetStepsAsync(pid));
        Assert.Equal("""{"v":2}""", row.State.ToJsonString());
        Assert.Equal("""{"v":2}""", row.StateDelta.ToJsonString());    // the row is not its own "previous" row
        Assert.Equal(T0.AddMinutes(5), row.Started);
        Assert.Equal(first.StepId, second.StepId);                    // the step id survives the rewrite
        Assert.Equal(first.StepId, row.StepId);
    }

    [Fact]
    public async Task An_identical_failure_updates_the_same_row_and_counts_retries_while_a_different_one_adds_a_row()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var pid = await NewProcessAsync(env);
        await env.Log.LogStepAsync(pid, Step(0, "Start", StepStatus.Success, new JsonObject { ["a"] = 1 }));

        var first = await env.Log.LogFailureAsync(pid, Step(1, "Reserve IP", StepStatus.Failed, new JsonObject { ["a"] = 1, ["try"] = 1 }, minute: 1, error: "NetBox 503"));
        var second = await env.Log.LogFailureAsync(pid, Step(1, "Reserve IP", StepStatus.Failed, new JsonObject { ["a"] = 1, ["try"] = 2 }, attempt: 1, minute: 61, error: "NetBox 503") with { Traceback = "tb2" });
        var repeat = await env.Log.LogFailureAsync(pid, Step(1, "Reserve IP", StepStatus.Failed, new JsonObject { ["a"] = 1, ["try"] = 2 }, attempt: 1, minute: 61, error: "NetBox 503"));

        var steps = await env.Log.GetStepsAsync(pid);
        Assert.Equal(2, steps.Count);
        var row = steps[1];
        Assert.Equal(first.StepId, row.StepId);
        Assert.Equal((1, 0), (row.Index, row.Attempt));          // the first failure's row, not a new (1, 1)
        Assert.Equal(1, row.Retries);
        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(61)], row.ExecutedAt);
        Assert.Equal("""{"a":1,"try":2}""", row.State.ToJsonString());
        Assert.Equal("""{"try":2}""", row.StateDelta.ToJsonString());
        Assert.Equal("tb2", row.Traceback);
        Assert.Equal(T0.AddMinutes(61).AddSeconds(1), row.Completed);
        Assert.Equal(1, second.Retries);
        Assert.Equal(1, repeat.Retries);                           // the same failure logged again (a repeated activity) is not a retry
        Assert.Equal(0, first.Retries);

        var different = await env.Log.LogFailureAsync(pid, Step(1, "Reserve IP", StepStatus.Failed, new JsonObject { ["a"] = 1, ["try"] = 3 }, attempt: 2, minute: 121, error: "NetBox 500"));
        var third = await env.Log.LogFailureAsync(pid, Step(1, "Reserve IP", StepStatus.Failed, new JsonObject { ["a"] = 1, ["try"] = 4 }, attempt: 3, minute: 181, error: "NetBox 500"));

        steps = await env.Log.GetStepsAsync(pid);
        Assert.Equal(3, steps.Count);
        Assert.Equal((1, 2), (steps[2].Index, steps[2].Attempt));
        Assert.Equal("NetBox 500", steps[2].Error);
        Assert.Equal(1, steps[2].Retries);
        Assert.Equal(0, different.Retries);
        Assert.Equal(1, third.Retries);
        Assert.Equal(1, steps[1].Retries);                         // the earlier row is untouched

        // waiting (retrystep) rows count the same way, but a failure after a success starts afresh
        await env.Log.LogStepAsync(pid, Step(1, "Reserve IP", StepStatus.Success, new JsonObject { ["a"] = 1 }, attempt: 4, minute: 200));
        var afterSuccess = await env.Log.LogFailureAsync(pid, Step(2, "Wait", StepStatus.Waiting, new JsonObject(), minute: 210, error: "later"));
        var waitingAgain = await env.Log.LogFailureAsync(pid, Step(2, "Wait", StepStatus.Waiting, new JsonObject(), attempt: 1, minute: 270, error: "later"));
        Assert.Equal(0, afterSuccess.Retries);
        Assert.Equal(1, waitingAgain.Retries);
        Assert.Equal(5, (await env.Log.GetStepsAsync(pid)).Count);
    }

    [Fact]
    public async Task A_100_KB_state_is_split_over_properties_and_a_3_MB_state_goes_to_a_blob_and_both_round_trip_exactly()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var pid = await NewProcessAsync(env);
        var medium = BigState(100 * 1024, seed: 1);
        var large = BigState(3 * 1024 * 1024, seed: 2);

        var mediumStep = await env.Log.LogStepAsync(pid, Step(0, "Start", StepStatus.Success, medium));
        var largeStep = await env.Log.LogStepAsync(pid, Step(1, "Big", StepStatus.Success, large));

        var raw0 = (await env.Tables.Steps.GetEntityAsync<TableEntity>(pid.ToString(), $"{pid:N}-00000.00000")).Value;
        Assert.True(raw0.GetInt32("state_chunks") >= 4);
        Assert.False(raw0.ContainsKey("state_blob"));
        var raw1 = (await env.Tables.Steps.GetEntityAsync<TableEntity>(pid.ToString(), $"{pid:N}-00001.00000")).Value;
        Assert.Equal($"{pid}/00001.00000.json", raw1.GetString("state_blob"));
        Assert.Contains($"{pid}/00001.00000.json", await env.BlobNamesAsync(pid));

        var steps = await env.Log.GetStepsAsync(pid);
        Assert.Equal(medium.ToJsonString(), steps[0].State.ToJsonString());
        Assert.Equal(medium.ToJsonString(), steps[0].StateDelta.ToJsonString());
        Assert.Equal(large.ToJsonString(), steps[1].State.ToJsonString());
        Assert.True(JsonNode.DeepEquals(large, steps[1].State));
        Assert.Equal(mediumStep.State.ToJsonString(), steps[0].State.ToJsonString());
        Assert.Equal(largeStep.StateDelta.ToJsonString(), steps[1].StateDelta.ToJsonString());
        Assert.Equal(large.ToJsonString(), (await env.Log.GetCurrentStateAsync(pid)).ToJsonString());

        // the current state, form inputs and a process's long texts take the same way
        await env.Log.SetCurrentStateAsync(pid, large);
        Assert.Equal(large.ToJsonString(), (await env.Log.GetCurrentStateAsync(pid)).ToJsonString());
        var pages = new JsonArray(medium.DeepClone(), large.DeepClone());
        await env.Log.SaveInputAsync(pid, "input/1", pages);
        Assert.Equal(pages.ToJsonString(), (await env.Log.GetInputAsync(pid, "input/1"))!.ToJsonString());
        var process = (await env.Log.GetAsync(pid))!;
        var traceback = new string('t', 70_000) + "😀" + new string('u', 500_000);
        await env.Log.UpdateAsync(process with { Traceback = traceback, FailedReason = new string('f', 40_000) });
        var read = (await env.Log.GetAsync(pid))!;
        Assert.Equal(traceback, read.Traceback);
        Assert.Equal(40_000, read.FailedReason!.Length);
        Assert.Equal(traceback, Assert.Single((await env.Log.ListAsync(new ProcessQuery())).Items).Traceback);
    }

    [Fact]
    public async Task Split_points_never_cut_a_surrogate_pair()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var pid = await NewProcessAsync(env);
        // {"e":"😀😀…"}: the emoji straddle every 32,000-character boundary at one offset or the other
        var state = new JsonObject { ["e"] = string.Concat(Enumerable.Repeat("😀", 50_000)), ["f"] = "x" + string.Concat(Enumerable.Repeat("😀", 50_000)) };

        await env.Log.LogStepAsync(pid, Step(0, "Start", StepStatus.Success, state));

        Assert.Equal(state.ToJsonString(), (await env.Log.GetStepAsync(pid, 0, 0))!.State.ToJsonString());
    }

    [Fact]
    public async Task Form_inputs_are_kept_per_input_id_and_a_repeat_replaces_them()
    {
        await using var env = await ProcessLogEnvironment.CreateAsync();
        var pid = await NewProcessAsync(env);

        await env.Log.SaveInputAsync(pid, "a", [new JsonObject { ["page"] = 1 }]);
        await env.Log.SaveInputAsync(pid, "a", [new JsonObject { ["page"] = 2 }, new JsonObject { ["page"] = 3 }]);
        await env.Log.SaveInputAsync(pid, "b", []);

        Assert.Equal("""[{"page":2},{"page":3}]""", (await env.Log.GetInputAsync(pid, "a"))!.ToJsonString());
        Assert.Equal("[]", (await env.Log.GetInputAsync(pid, "b"))!.ToJsonString());
        Assert.Null(await env.Log.GetInputAsync(pid, "c"));
    }

    static JsonObject BigState(int approxChars, int seed)
    {
        var random = new Random(seed);
        var state = new JsonObject { ["subscription_id"] = Guid.NewGuid().ToString() };
        var items = new JsonArray();
        var length = 0;
        for (var i = 0; length < approxChars; i++)
        {
            var text = new StringBuilder();
            for (var j = 0; j < 200; j++) text.Append((char)random.Next('a', 'z' + 1));
            text.Append(" ünïcødé \"quoted\" \\ ");
            items.Add(new JsonObject { ["i"] = i, ["n"] = random.NextDouble(), ["text"] = text.ToString(), ["flag"] = i % 2 == 0, ["none"] = null });
            length += 290;
        }
        state["items"] = items;
        return state;
    }
}
