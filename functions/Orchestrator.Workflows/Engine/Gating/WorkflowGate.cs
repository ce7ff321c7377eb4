using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Subscriptions;

namespace Orchestrator.Workflows.Engine.Gating;

/// <summary>
/// The start rules of orchestrator-core (spec §2.9): which workflows may run on a subscription now. The same rules answer
/// GET /api/subscriptions/workflows/{id} and refuse the first form page of a modify, terminate or validate workflow.
/// </summary>
public sealed class WorkflowGate(SubscriptionStore store)
{
    /// <summary>Workflows that may run while the subscription or its relations are out of sync.</summary>
    static readonly HashSet<string> UsableWhileOutOfSync = ["modify_note"];

    static readonly IReadOnlyDictionary<WorkflowTarget, SubscriptionLifecycle[]> UsableWhen = new Dictionary<WorkflowTarget, SubscriptionLifecycle[]>
    {
        [WorkflowTarget.Create] = [],
        [WorkflowTarget.Modify] = [SubscriptionLifecycle.Active],
        [WorkflowTarget.Terminate] = [SubscriptionLifecycle.Active, SubscriptionLifecycle.Provisioning],
        [WorkflowTarget.Validate] = [SubscriptionLifecycle.Active],
        [WorkflowTarget.System] = [SubscriptionLifecycle.Active],
    };

    /// <summary>The subscription with everything it depends on and everything that uses it, read once for every rule.</summary>
    public async Task<GateContext> ContextAsync(StoredSubscription subscription, CancellationToken ct = default) => new(
        subscription,
        await store.GetManyAsync(subscription.Subscription.DependsOnSubscriptionIds(), ct),
        await store.InUseByAsync(subscription.Subscription.SubscriptionId, ct));

    public static GateReason? Check(WorkflowRegistration workflow, GateContext context, Guid? ignoreLockOf = null)
    {
        var subscription = context.Subscription.Subscription;
        var exempt = UsableWhileOutOfSync.Contains(workflow.Name);
        if (!exempt && !subscription.Insync && subscription.LockedByProcessId != ignoreLockOf)
        {
            var heldByProcess = subscription.LockedByProcessId is not null;
            if (workflow.Target != WorkflowTarget.Validate || heldByProcess)
                return new(GateReason.NotInSync, "Subscription already has a running process or task",
                    new JsonObject { ["locked_by_process_id"] = subscription.LockedByProcessId?.ToString() });
        }
        var locked = context.Related.Where(r => !r.Subscription.Insync && r.Subscription.LockedByProcessId is not null && r.Subscription.LockedByProcessId != ignoreLockOf)
            .Select(r => r.Subscription.SubscriptionId).Distinct().ToList();
        if (!exempt && locked.Count > 0)
            return new(GateReason.RelationsNotInSync, "Related subscriptions are locked by a running process or task",
                new JsonObject { ["locked_relations"] = Ids(locked) });
        if (!exempt && !UsableWhen[workflow.Target].Contains(subscription.Status))
        {
            var usable = UsableWhen[workflow.Target];
            return new(GateReason.InvalidStatus, $"This workflow is not allowed for a subscription with status {subscription.Status.ToWire()}",
                new JsonObject
                {
                    ["usable_when"] = new JsonArray(usable.Select(s => (JsonNode)s.ToWire()).ToArray()),
                    ["status"] = subscription.Status.ToWire(),
                    ["action"] = workflow.Target == WorkflowTarget.Terminate ? "terminated" : "modified",
                });
        }
        if (workflow.Target == WorkflowTarget.Terminate)
        {
            var users = context.InUseBy.Where(u => u.Subscription.Status != SubscriptionLifecycle.Terminated)
                .Select(u => u.Subscription.SubscriptionId).ToList();
            if (users.Count > 0)
                return new(GateReason.InUseByOthers, "This subscription is in use by other subscriptions that are not terminated",
                    new JsonObject { ["unterminated_in_use_by_subscriptions"] = Ids(users) });
        }
        return null;
    }

    static JsonArray Ids(IEnumerable<Guid> ids) => new(ids.Select(id => (JsonNode)id.ToString()).ToArray());
}

public sealed record GateContext(StoredSubscription Subscription, IReadOnlyList<StoredSubscription> DependsOn, IReadOnlyList<StoredSubscription> InUseBy)
{
    public IEnumerable<StoredSubscription> Related => DependsOn.Concat(InUseBy);
}
