using System.Text.Json.Nodes;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;

namespace Orchestrator.Workflows.Engine;

/// <summary>The step body's view of the world; it remembers the ETag of every subscription it loads, for the save.</summary>
sealed class StepContext(
    StepRequest request, string stepKey, string userName, JsonObject state, CatalogueSnapshot catalogue, DateTimeOffset now,
    IServiceProvider services, SubscriptionStore subscriptions) : IStepContext
{
    public Dictionary<Guid, string> ETagsRead { get; } = [];

    public Guid ProcessId => request.ProcessId;
    public string WorkflowName => request.WorkflowName;
    public string StepKey => stepKey;
    public int Attempt => request.Attempt;
    public string UserName => userName;
    public JsonObject State => state;
    public CatalogueSnapshot Catalogue => catalogue;
    public DateTimeOffset Now => now;
    public IServiceProvider Services => services;

    public async Task<Subscription> LoadSubscriptionAsync(Guid subscriptionId)
    {
        var stored = await subscriptions.GetAsync(subscriptionId)
            ?? throw new ProcessFailureException($"Subscription {subscriptionId} not found");
        ETagsRead[subscriptionId] = stored.ETag;
        return stored.Subscription;
    }

    public async Task<IReadOnlyCollection<(Guid SubscriptionId, SubscriptionLifecycle Status)>> InUseByAsync(Guid subscriptionId) =>
        (await subscriptions.InUseByAsync(subscriptionId)).Select(s => (s.Subscription.SubscriptionId, s.Subscription.Status)).ToList();

    public string IdempotencyKey(string item = "") =>
        string.IsNullOrEmpty(item) ? $"{request.ProcessId:N}:{stepKey}" : $"{request.ProcessId:N}:{stepKey}:{item}";
}
