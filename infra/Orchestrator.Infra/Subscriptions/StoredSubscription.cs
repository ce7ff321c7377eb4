using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Infra.Subscriptions;

/// <summary>A subscription as read from the store, with the ETag a conditional write must match.</summary>
public sealed record StoredSubscription(Subscription Subscription, string ETag);
