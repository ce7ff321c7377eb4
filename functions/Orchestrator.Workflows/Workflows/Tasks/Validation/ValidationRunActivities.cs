using Microsoft.DurableTask;

namespace Orchestrator.Workflows.Workflows.Tasks.Validation;

public sealed class ListValidationBatchActivity(ValidationRun run) : TaskActivity<ValidationBatchRequest, ValidationBatch>
{
    public override Task<ValidationBatch> RunAsync(TaskActivityContext context, ValidationBatchRequest input) => run.ListAsync(input, CancellationToken.None);
}

public sealed class StartValidationsActivity(ValidationRun run) : TaskActivity<StartValidationsRequest, List<StartedValidation>>
{
    public override Task<List<StartedValidation>> RunAsync(TaskActivityContext context, StartValidationsRequest input) => run.StartAsync(input, CancellationToken.None);
}

public sealed class WaitForValidationsActivity(ValidationRun run) : TaskActivity<List<ValidationChild>, List<ValidationResult>>
{
    public override Task<List<ValidationResult>> RunAsync(TaskActivityContext context, List<ValidationChild> input) => run.WaitAsync(input, CancellationToken.None);
}

public sealed class FinishValidationRunActivity(ValidationRun run) : TaskActivity<FinishValidationRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, FinishValidationRequest input) => run.FinishAsync(input, CancellationToken.None);
}

public static class ValidationRunTasks
{
    /// <summary>The validation run's orchestrator and activities, for a Durable Task worker (the local host, test hosts).</summary>
    public static DurableTaskRegistry AddValidationRun(this DurableTaskRegistry tasks) => tasks
        .AddOrchestrator<ValidationRunOrchestrator>()
        .AddActivity<ListValidationBatchActivity>()
        .AddActivity<StartValidationsActivity>()
        .AddActivity<WaitForValidationsActivity>()
        .AddActivity<FinishValidationRunActivity>();
}
