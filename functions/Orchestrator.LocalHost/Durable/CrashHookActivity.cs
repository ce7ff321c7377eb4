using Microsoft.DurableTask;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.LocalHost.Durable;

/// <summary>
/// Test only: the step activity with a crash point. With <c>ORCHESTRATOR_CRASH_AT=&lt;step key&gt;:&lt;before|after&gt;</c> set, the
/// host kills itself (SIGKILL, no cleanup) when a process reaches that step: before the step runs, or after the step runner
/// logged it but before the orchestration records the result. Without the variable this class is not registered at all.
/// </summary>
public sealed class CrashHookActivity(StepRunner runner, WorkflowRegistry registry) : TaskActivity<StepRequest, StepOutcome>
{
    public const string Variable = "ORCHESTRATOR_CRASH_AT";

    static readonly string? CrashAt = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Enabled => CrashAt is not null;

    public override async Task<StepOutcome> RunAsync(TaskActivityContext context, StepRequest input)
    {
        var key = input.Abort ? "abort" : registry.Required(input.WorkflowName, input.Version).StepAt(input.Index).Key;
        CrashIf($"{key}:before");
        var outcome = await runner.RunAsync(input, CancellationToken.None);
        CrashIf($"{key}:after");
        return outcome;
    }

    static void CrashIf(string point)
    {
        if (point != CrashAt) return;
        Console.Error.WriteLine($"{Variable}: crashing at {point}");
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
