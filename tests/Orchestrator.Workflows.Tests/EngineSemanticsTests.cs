using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Subscriptions;

namespace Orchestrator.Workflows.Tests;

public sealed class EngineSemanticsTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    const string TwoPages = """[{"name":"ada"},{"count":3,"colour":"red"}]""";

    [Fact]
    public async Task A_process_suspends_at_its_input_step_and_completes_after_the_form_is_submitted()
    {
        var id = await engine.StartedAsync(TestWorkflows.TwoPages, TwoPages);

        var suspended = await engine.WaitForStatusAsync(id, ProcessStatus.Suspended);
        var (status, _) = await engine.ResumeAsync(id, """[{"confirmed":"ACCEPTED","remark":"ok"}]""");
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.Equal("Confirm the order", suspended.LastStep);
        Assert.Equal(204, status);
        var steps = await engine.Log.GetStepsAsync(id);
        Assert.Equal(["Start", "Confirm the order", "Confirm the order", "Record the order", "Done"], steps.Select(s => s.Name));
        Assert.Equal([StepStatus.Success, StepStatus.Suspend, StepStatus.Success, StepStatus.Success, StepStatus.Complete], steps.Select(s => s.Status));
        var state = await engine.Log.GetCurrentStateAsync(id);
        Assert.Equal("ada:3:red:true", state["recorded"]!.GetValue<string>());
        Assert.Equal("ok", state["remark"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_input_is_refused_and_the_process_keeps_waiting()
    {
        var id = await engine.StartedAsync(TestWorkflows.TwoPages, TwoPages);
        await engine.WaitForStatusAsync(id, ProcessStatus.Suspended);

        var (status, body) = await engine.ResumeAsync(id, """[{"confirmed":"INCOMPLETE"}]""");

        Assert.Equal(400, status);
        Assert.Equal("Not all tasks are done", body!["validation_errors"]![0]!["msg"]!.GetValue<string>());
        Assert.Equal(ProcessStatus.Suspended, (await engine.Log.GetAsync(id))!.LastStatus);
    }

    [Fact]
    public async Task A_second_submit_of_the_same_input_step_is_a_409_and_feeds_nothing()
    {
        var id = await engine.StartedAsync(TestWorkflows.TwoPages, TwoPages);
        await engine.WaitForStatusAsync(id, ProcessStatus.Suspended);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            engine.ResumeAsync(id, $$"""[{"confirmed":"ACCEPTED","remark":"submit {{i}}"}]""")));
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.Single(results, r => r.Status == 204);
        Assert.All(results.Where(r => r.Status != 204), r => Assert.Equal(409, r.Status));
        var steps = await engine.Log.GetStepsAsync(id);
        Assert.Single(steps, s => s.Name == "Record the order");
    }

    [Fact]
    public async Task A_failed_step_parks_the_process_and_identical_failures_are_counted_on_one_row()
    {
        engine.Switches.FailTimes(TestWorkflows.Flaky, 3);
        var id = await engine.StartedAsync(TestWorkflows.Flaky);

        await engine.WaitForStatusAsync(id, ProcessStatus.Failed, ProcessStatus.Completed);
        var failed = await engine.Log.GetAsync(id);
        for (var retry = 0; retry < 2; retry++)
        {
            Assert.Equal(204, (await engine.ResumeAsync(id, "{}")).Status);
            await engine.WaitForStatusAsync(id, ProcessStatus.Failed);
        }
        Assert.Equal(204, (await engine.ResumeAsync(id, "{}")).Status);
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.Equal(ProcessStatus.Failed, failed!.LastStatus);
        Assert.Equal("flaky failure", failed.FailedReason);
        var steps = await engine.Log.GetStepsAsync(id);
        var failure = Assert.Single(steps, s => s.Status == StepStatus.Failed);
        Assert.Equal(2, failure.Retries);
        Assert.Equal(3, failure.ExecutedAt.Count);
        Assert.Equal(["Start", "Flaky step", "Flaky step", "Done"], steps.Select(s => s.Name));
        Assert.True((await engine.Log.GetCurrentStateAsync(id))["flaky_done"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Resuming_a_completed_process_is_a_409()
    {
        engine.Switches.FailTimes(TestWorkflows.Flaky, 0);
        var id = await engine.StartedAsync(TestWorkflows.Flaky);
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        var (status, body) = await engine.ResumeAsync(id, "{}");

        Assert.Equal(409, status);
        Assert.Contains("Resuming a completed workflow is not possible", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Abort_ends_a_waiting_process_with_a_User_Aborted_row()
    {
        var id = await engine.StartedAsync(TestWorkflows.TwoPages, TwoPages);
        await engine.WaitForStatusAsync(id, ProcessStatus.Suspended);

        Assert.Equal(204, await engine.AbortAsync(id));
        var aborted = await engine.WaitForStatusAsync(id, ProcessStatus.Aborted);

        var steps = await engine.Log.GetStepsAsync(id);
        Assert.Equal("User Aborted", steps[^1].Name);
        Assert.Equal(StepStatus.Abort, steps[^1].Status);
        Assert.Equal(409, await engine.AbortAsync(id));
        Assert.Equal(409, (await engine.ResumeAsync(id, """[{"confirmed":"ACCEPTED"}]""")).Status);
        Assert.Equal(ProcessStatus.Aborted, aborted.LastStatus);
    }

    [Fact]
    public async Task Abort_of_a_failed_process_ends_it()
    {
        engine.Switches.FailTimes(TestWorkflows.Flaky, 100);
        var id = await engine.StartedAsync(TestWorkflows.Flaky);
        await engine.WaitForStatusAsync(id, ProcessStatus.Failed, ProcessStatus.Completed);

        Assert.Equal(204, await engine.AbortAsync(id));

        await engine.WaitForStatusAsync(id, ProcessStatus.Aborted);
    }

    [Theory]
    [InlineData(true, StepStatus.Success)]
    [InlineData(false, StepStatus.Skipped)]
    public async Task A_conditional_step_runs_or_is_logged_as_skipped(bool run, string expected)
    {
        var id = await engine.StartedAsync(TestWorkflows.Conditional, $$"""[{"run_optional":{{run.ToString().ToLowerInvariant()}}}]""");
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        var steps = await engine.Log.GetStepsAsync(id);
        Assert.Equal(expected, steps.Single(s => s.Name == "Optional step").Status);
        var state = await engine.Log.GetCurrentStateAsync(id);
        Assert.Equal(run, state.ContainsKey("optional_ran"));
        Assert.True(state["always_ran"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_step_that_returns_a_subscription_saves_it_and_puts_it_in_the_state()
    {
        var id = await engine.StartedAsync(TestWorkflows.CreatesSubscription);
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        var state = await engine.Log.GetCurrentStateAsync(id);
        var subscriptionId = Guid.Parse(state["subscription_id"]!.GetValue<string>());
        var stored = await engine.Services.GetRequiredService<SubscriptionStore>().GetAsync(subscriptionId);
        Assert.NotNull(stored);
        Assert.Equal("noted;", stored.Subscription.Note);
        Assert.Equal(2, stored.Subscription.Version);
        Assert.Equal("noted;", state["subscription"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_step_log_shows_each_steps_delta_against_the_last_good_step()
    {
        var id = await engine.StartedAsync(TestWorkflows.Conditional, """[{"run_optional":true}]""");
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        var steps = await engine.Log.GetStepsAsync(id);
        var optional = steps.Single(s => s.Name == "Optional step");
        Assert.Equal(["optional_ran"], optional.StateDelta.Select(p => p.Key));
        Assert.True(steps[0].StateDelta.ContainsKey("process_id"));
    }
}
