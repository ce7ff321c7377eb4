using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Processes;
using Orchestrator.Infra.Processes;

namespace Orchestrator.Workflows.Tests;

/// <summary>The engine's tasks: resuming waiting processes, cleaning up old tasks, resume-all and delete (spec §2.8, §3.5).</summary>
public sealed class TaskTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_retry_step_parks_as_waiting_and_task_resume_workflows_resumes_it()
    {
        engine.Switches.FailTimes(TestWorkflows.Retrying, 1);
        var id = await engine.StartedAsync(TestWorkflows.Retrying);
        var waiting = await engine.WaitForStatusAsync(id, ProcessStatus.Waiting, ProcessStatus.Completed);

        var task = await engine.StartedAsync("task_resume_workflows");
        await engine.WaitForStatusAsync(task, ProcessStatus.Completed);
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.Equal(ProcessStatus.Waiting, waiting.LastStatus);
        var steps = await engine.Log.GetStepsAsync(id);
        Assert.Contains(steps, s => s.Status == StepStatus.Waiting);
        var state = await engine.Log.GetCurrentStateAsync(task);
        Assert.Contains(id.ToString(), state["resumed_process_ids"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Resume_all_retries_failed_tasks_and_a_second_concurrent_call_is_refused_or_finds_nothing()
    {
        engine.Switches.FailTimes(TestWorkflows.Flaky, 1);
        var id = await engine.StartedAsync(TestWorkflows.Flaky);
        await engine.WaitForStatusAsync(id, ProcessStatus.Failed, ProcessStatus.Completed);

        var results = await Task.WhenAll(engine.ResumeAllAsync(), engine.ResumeAllAsync());
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.Contains(results, r => r.Status == 200 && r.Body!["count"]!.GetValue<int>() >= 1);
        Assert.All(results, r => Assert.True(r.Status is 200 or 409, $"resume-all answered {r.Status}"));
        Assert.Equal(1, results.Where(r => r.Status == 200).Sum(r => r.Body!["count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Clean_up_removes_completed_tasks_older_than_the_retention_from_the_log_and_durable_history()
    {
        engine.Switches.FailTimes(TestWorkflows.Flaky, 0);
        var old = await engine.StartedAsync(TestWorkflows.Flaky);
        await engine.WaitForStatusAsync(old, ProcessStatus.Completed);

        var cleanUp = await engine.StartedAsync("task_clean_up_tasks");
        await engine.WaitForStatusAsync(cleanUp, ProcessStatus.Completed);

        Assert.Null(await engine.Log.GetAsync(old));
        Assert.Null(await engine.Client.GetInstanceAsync(old.ToString()));
        Assert.NotNull(await engine.Log.GetAsync(cleanUp));
    }

    [Fact]
    public async Task Delete_removes_a_task_and_refuses_a_workflow()
    {
        engine.Switches.FailTimes(TestWorkflows.Flaky, 0);
        var task = await engine.StartedAsync(TestWorkflows.Flaky);
        await engine.WaitForStatusAsync(task, ProcessStatus.Completed);

        Assert.Equal(204, await engine.DeleteAsync(task));
        Assert.Null(await engine.Log.GetAsync(task));
        Assert.Equal(404, await engine.DeleteAsync(task));
        Assert.Equal(400, await engine.DeleteAsync(engine.WorkflowProcessId));
    }
}
