using Orchestrator.Domain.Catalogue;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Subscriptions;

namespace Orchestrator.Workflows.Engine.Gating;

/// <summary>
/// The claim a modify, terminate or validate start makes before it is accepted: the subscription goes out of sync, locked by
/// the new process, with If-Match. Of two starts at the same moment exactly one wins; the other gets the gate's reason.
/// After claiming, the relations are checked again, so a circuit and its node cannot both be changed by starts that raced.
/// </summary>
public sealed class SubscriptionClaim(SubscriptionStore store, WorkflowGate gate, CatalogueStore catalogue)
{
    public async Task<GateReason?> ClaimAsync(WorkflowRegistration workflow, Guid subscriptionId, Guid processId, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var stored = await store.GetAsync(subscriptionId, ct);
        if (stored is null) return new GateReason("subscription.not_found", "Subscription not found", []);
        if (WorkflowGate.Check(workflow, await gate.ContextAsync(stored, ct)) is { } refused) return refused;

        var product = snapshot.ProductById(stored.Subscription.ProductId)!;
        var wasInsync = stored.Subscription.Insync;
        stored.Subscription.Lock(processId);
        StoredSubscription claimed;
        try
        {
            claimed = await store.ReplaceAsync(stored.Subscription, product, stored.ETag, ct);
        }
        catch (ConcurrencyConflictException)
        {
            var now = await store.GetAsync(subscriptionId, ct);
            return now is null
                ? new GateReason("subscription.not_found", "Subscription not found", [])
                : WorkflowGate.Check(workflow, await gate.ContextAsync(now, ct))
                  ?? new GateReason(GateReason.NotInSync, "Subscription was changed by another request at the same moment; try again", []);
        }

        var after = WorkflowGate.Check(workflow, await gate.ContextAsync(claimed, ct), ignoreLockOf: processId);
        if (after is null) return null;
        claimed.Subscription.ReleaseClaim(processId, wasInsync);
        await store.ReplaceAsync(claimed.Subscription, product, claimed.ETag, ct);
        return after;
    }

    /// <summary>Undoes a claim whose start then failed: the subscription is in sync again if this process still holds it.</summary>
    public async Task ReleaseAsync(Guid subscriptionId, Guid processId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await store.GetAsync(subscriptionId, ct);
            if (stored is null || stored.Subscription.LockedByProcessId != processId) return;
            stored.Subscription.ReleaseClaim(processId, wasInsync: true);
            try
            {
                await store.ReplaceAsync(stored.Subscription, (await catalogue.GetAsync(ct)).ProductById(stored.Subscription.ProductId)!, stored.ETag, ct);
                return;
            }
            catch (ConcurrencyConflictException)
            {
            }
        }
    }
}
