using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Bench;

/// <summary>A task of K steps that do no I/O: each adds one small value to the state. Only the engine's cost is left.</summary>
static class BenchWorkflow
{
    public const string Name = "bench_steps";

    public static WorkflowDefinition Create(int steps) => StandardWorkflow.Task(Name, $"{steps} steps without I/O", null,
        Enumerable.Range(0, steps).Select(i => (Step)new ActionStep($"step_{i}", $"Step {i}", context =>
            Task.FromResult(StepResult.With(new JsonObject { [$"s{i}"] = i + (context.State[$"s{i - 1}"]?.GetValue<int>() ?? 0) })))).ToArray());

    /// <summary>The same step bodies called one after the other, with the state merged as the engine merges it.</summary>
    public static async Task RunDirectlyAsync(WorkflowDefinition definition)
    {
        var state = new JsonObject();
        foreach (var step in definition.Steps.OfType<ActionStep>())
        {
            var result = await step.Body(new Context(state));
            foreach (var (key, value) in result.Updates) state[key] = value?.DeepClone();
        }
    }

    sealed class Context(JsonObject state) : IStepContext
    {
        public Guid ProcessId { get; } = Guid.NewGuid();
        public string WorkflowName => Name;
        public string StepKey => "";
        public int Attempt => 1;
        public string UserName => "bench";
        public JsonObject State => state;
        public CatalogueSnapshot Catalogue => null!;
        public DateTimeOffset Now => DateTimeOffset.UtcNow;
        public IServiceProvider Services => null!;
        public Task<Subscription> LoadSubscriptionAsync(Guid subscriptionId) => throw new NotSupportedException();
        public Task<IReadOnlyCollection<(Guid SubscriptionId, SubscriptionLifecycle Status)>> InUseByAsync(Guid subscriptionId) => throw new NotSupportedException();
        public string IdempotencyKey(string item = "") => item;
    }
}
