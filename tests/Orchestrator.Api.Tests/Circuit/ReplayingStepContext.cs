using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;

namespace Orchestrator.Api.Tests.CircuitWorkflows;

/// <summary>
/// A step context for running one step body twice, as Durable Task does after a crash before the step's result was stored:
/// every load returns a fresh copy of what is "stored", so the second run sees what the first run saw. <see cref="Apply"/>
/// stores a result the way the engine does (subscriptions saved, updates merged into the state).
/// </summary>
sealed class ReplayingStepContext(IServiceProvider services, JsonObject state, IEnumerable<Subscription> stored) : IStepContext
{
    readonly Dictionary<Guid, Subscription> subscriptions = stored.ToDictionary(s => s.SubscriptionId);

    public Guid ProcessId { get; } = Guid.NewGuid();
    public string WorkflowName => "create_circuit";
    public string StepKey => "test";
    public int Attempt => 1;
    public string UserName => "test";
    public JsonObject State => state;
    public CatalogueSnapshot Catalogue => Samples.Snapshot;
    public DateTimeOffset Now => Samples.Now;
    public IServiceProvider Services => services;

    public Task<Subscription> LoadSubscriptionAsync(Guid subscriptionId) =>
        Task.FromResult(JsonSerializer.Deserialize<Subscription>(JsonSerializer.Serialize(subscriptions[subscriptionId], DomainJson.Options), DomainJson.Options)!);

    public Task<IReadOnlyCollection<(Guid SubscriptionId, SubscriptionLifecycle Status)>> InUseByAsync(Guid subscriptionId) =>
        Task.FromResult<IReadOnlyCollection<(Guid, SubscriptionLifecycle)>>([]);

    public string IdempotencyKey(string item = "") => $"{ProcessId:N}:{StepKey}:{item}";

    public void Apply(StepResult result)
    {
        foreach (var subscription in result.Subscriptions) subscriptions[subscription.SubscriptionId] = subscription;
        foreach (var (key, value) in result.Updates) state[key] = value?.DeepClone();
    }

    public static StepBody Body(WorkflowDefinition definition, string key) => ((ActionStep)definition.Steps.Single(s => s.Key == key)).Body;
}
