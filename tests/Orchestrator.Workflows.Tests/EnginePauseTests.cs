using Orchestrator.Infra.Processes;

namespace Orchestrator.Workflows.Tests;

/// <summary>The engine pause (spec §3.4): processes stop at their next step boundary, starts and resumes answer 503, unlock goes on.</summary>
public sealed class EnginePauseTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_pause_stops_a_process_at_the_next_step_boundary_and_unlocking_lets_it_finish()
    {
        var id = await engine.StartedAsync(TestWorkflows.Gated);
        await engine.Switches.WaitUntilEnteredAsync(id.ToString());

        var (lockStatus, locking) = await engine.SetEngineLockAsync(true);
        var whileStepRuns = await engine.EngineStatusAsync();
        engine.Switches.OpenGate(id.ToString());
        await WaitForAsync(() => engine.EngineStatusAsync(), s => s["global_status"]!.GetValue<string>() == "PAUSED");
        var paused = (await engine.Log.GetAsync(id))!;
        var stepsWhilePaused = await engine.Log.GetStepsAsync(id);
        var (startStatus, _) = await engine.StartAsync(TestWorkflows.Gated);
        var (resumeStatus, _) = await engine.ResumeAsync(id, "{}");

        await engine.SetEngineLockAsync(false);
        await engine.WaitForStatusAsync(id, ProcessStatus.Completed);

        Assert.Equal(200, lockStatus);
        Assert.True(locking!["global_lock"]!.GetValue<bool>());
        Assert.Equal("PAUSING", whileStepRuns["global_status"]!.GetValue<string>());
        Assert.Equal(ProcessStatus.Running, paused.LastStatus);
        Assert.Equal(["Start", "Wait at the gate"], stepsWhilePaused.Select(s => s.Name));
        Assert.Equal(503, startStatus);
        Assert.Equal(503, resumeStatus);
        Assert.Equal("RUNNING", (await engine.EngineStatusAsync())["global_status"]!.GetValue<string>());
        Assert.True((await engine.Log.GetCurrentStateAsync(id))["after_ran"]!.GetValue<bool>());
    }

    static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; i < 1800; i++)
        {
            var value = await read();
            if (done(value)) return value;
            await Task.Delay(50);
        }
        throw new TimeoutException("condition not reached");
    }
}
