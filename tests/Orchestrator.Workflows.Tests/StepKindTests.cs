using Orchestrator.Infra.Processes;

namespace Orchestrator.Workflows.Tests;

/// <summary>Callback steps and step groups (spec §3.2).</summary>
public sealed class StepKindTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    async Task<string> CallbackRouteAsync(Guid id)
    {
        await engine.WaitForStatusAsync(id, ProcessStatus.AwaitingCallback);
        return engine.Switches.Recorded(id.ToString())!;
    }

    [Fact]
    public async Task A_callback_step_waits_for_its_one_time_url_and_stores_what_was_posted()
    {
        var id = await engine.StartedAsync(TestWorkflows.Callback);
        var route = await CallbackRouteAsync(id);
        var secret = route[(route.LastIndexOf('/') + 1)..];

        var wrong = await engine.CallbackAsync(id, new string('0', secret.Length), """{"value":"forged"}""");
        var first = await engine.CallbackAsync(id, secret, """{"value":"done"}""");
        var reused = await engine.CallbackAsync(id, secret, """{"value":"again"}""");
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.StartsWith($"/api/processes/{id}/callback/", route);
        Assert.Equal(404, wrong);
        Assert.Equal(200, first);
        Assert.Equal(409, reused);
        var state = await engine.Log.GetCurrentStateAsync(id);
        Assert.Equal("done", state["used"]!.GetValue<string>());
        Assert.False(state.ContainsKey("callback_route"));
        var process = (await engine.Log.GetAsync(id))!;
        Assert.DoesNotContain(secret, process.WaitToken ?? "");
        Assert.Contains((await engine.Log.GetStepsAsync(id)), s => s.Status == StepStatus.AwaitingCallback);
    }

    [Fact]
    public async Task A_callback_that_never_comes_fails_the_process_after_the_timeout_and_a_retry_issues_a_new_url()
    {
        var id = await engine.StartedAsync(TestWorkflows.CallbackTimeout);
        var firstRoute = await CallbackRouteAsync(id);

        var failed = await engine.WaitForStatusAsync(id, ProcessStatus.Failed);
        var lateCallback = await engine.CallbackAsync(id, firstRoute[(firstRoute.LastIndexOf('/') + 1)..], """{"value":"late"}""");
        Assert.Equal(204, (await engine.ResumeAsync(id, "{}")).Status);
        var secondRoute = await CallbackRouteAsync(id);
        var secret = secondRoute[(secondRoute.LastIndexOf('/') + 1)..];
        Assert.Equal(200, await engine.CallbackAsync(id, secret, """{"value":"in time"}"""));
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.Contains("No callback arrived", failed.FailedReason);
        Assert.Equal(404, lateCallback);
        Assert.NotEqual(firstRoute, secondRoute);
    }

    [Fact]
    public async Task Abort_ends_a_process_that_awaits_a_callback()
    {
        var id = await engine.StartedAsync(TestWorkflows.Callback);
        await CallbackRouteAsync(id);

        Assert.Equal(204, await engine.AbortAsync(id));

        await engine.WaitForStatusAsync(id, ProcessStatus.Aborted);
    }

    [Fact]
    public async Task A_step_group_is_logged_as_one_step_and_a_retry_resumes_from_the_sub_step_that_failed()
    {
        engine.Switches.FailTimes(TestWorkflows.Grouped, 1);
        var id = await engine.StartedAsync(TestWorkflows.Grouped);
        var failed = await engine.WaitForStatusAsync(id, ProcessStatus.Failed);

        Assert.Equal(204, (await engine.ResumeAsync(id, "{}")).Status);
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.Equal("Grouped step", failed.LastStep);
        var steps = await engine.Log.GetStepsAsync(id);
        Assert.Equal(["Start", "Grouped step", "Grouped step", "Done"], steps.Select(s => s.Name));
        Assert.Equal([StepStatus.Success, StepStatus.Failed, StepStatus.Success, StepStatus.Complete], steps.Select(s => s.Status));
        Assert.Equal(1, engine.Switches.CountOf($"{id}:first"));
        var state = await engine.Log.GetCurrentStateAsync(id);
        Assert.Equal(3, state["third"]!.GetValue<int>());
        Assert.False(state.ContainsKey("__sub_step"));
    }
}
