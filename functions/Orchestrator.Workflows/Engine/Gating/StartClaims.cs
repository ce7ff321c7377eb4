using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Claims;

namespace Orchestrator.Workflows.Engine.Gating;

/// <summary>
/// Everything a start claims before it is accepted, all or nothing: the workflow's own claims (in key order, so two starts
/// never wait on each other) and, for a modify, terminate or validate, the subscription itself. A refusal is a 400 in the
/// form-error format naming the field (see <see cref="StartRefusal"/>), and whatever was claimed is given back.
/// </summary>
public sealed class StartClaims(ClaimStore claimStore, SubscriptionClaim subscriptionClaim)
{
    public async Task<StartRefusal?> ClaimAsync(WorkflowDefinition definition, WorkflowRegistration registration, JsonObject values, Guid processId, CancellationToken ct)
    {
        var taken = new List<string>();
        foreach (var claim in (definition.StartClaims?.Invoke(values) ?? []).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!(await claimStore.TryClaimAsync(claim.Key, processId, ct)).Held)
            {
                await ReleaseAsync(taken, ct);
                return new StartRefusal(claim.Field, claim.Message);
            }
            taken.Add(claim.Key);
        }
        if (LocksSubscription(definition) && Guid.TryParse(values["subscription_id"]?.GetValue<string>(), out var subscriptionId)
            && await subscriptionClaim.ClaimAsync(registration, subscriptionId, processId, ct) is { } refused)
        {
            await ReleaseAsync(taken, ct);
            return new StartRefusal("subscription_id", refused.Message);
        }
        return null;
    }

    /// <summary>Modify, terminate and validate workflows lock their subscription; modify_note may run out of sync and takes no lock.</summary>
    static bool LocksSubscription(WorkflowDefinition definition) =>
        definition.Target is WorkflowTarget.Modify or WorkflowTarget.Terminate or WorkflowTarget.Validate
        && definition.Steps.Any(s => s.Key is "unsync" or "unsync_unchecked");

    /// <summary>Gives back everything a start claimed when the start failed after claiming (storage error, client gone).</summary>
    public async Task ReleaseAllAsync(WorkflowDefinition definition, JsonObject values, Guid processId)
    {
        foreach (var key in await claimStore.KeysOwnedByAsync(processId, CancellationToken.None))
            await claimStore.ReleaseAsync(key, CancellationToken.None);
        if (LocksSubscription(definition) && Guid.TryParse(values["subscription_id"]?.GetValue<string>(), out var subscriptionId))
            await subscriptionClaim.ReleaseAsync(subscriptionId, processId, CancellationToken.None);
    }

    async Task ReleaseAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys) await claimStore.ReleaseAsync(key, ct);
    }
}

/// <summary>A start refused by a claim: the form field it came from and why.</summary>
public sealed record StartRefusal(string Field, string Message);
