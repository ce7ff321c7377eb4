namespace Orchestrator.Domain.Subscriptions;

/// <summary>Points at a block instance owned by another subscription (no copy is made).</summary>
public sealed record BlockReference(Guid SubscriptionId, Guid SubscriptionInstanceId);
