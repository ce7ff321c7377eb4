using Microsoft.DurableTask;

namespace Orchestrator.Workflows.Engine;

/// <summary>The one activity type: runs a step body, a predicate or an input merge through <see cref="StepRunner"/>.</summary>
public sealed class RunStepActivity(StepRunner runner) : TaskActivity<StepRequest, StepOutcome>
{
    public override Task<StepOutcome> RunAsync(TaskActivityContext context, StepRequest input) => runner.RunAsync(input, CancellationToken.None);
}
