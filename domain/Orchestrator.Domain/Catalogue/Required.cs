using Orchestrator.Domain.Subscriptions;
using static Orchestrator.Domain.Subscriptions.SubscriptionLifecycle;

namespace Orchestrator.Domain.Catalogue;

/// <summary>The lifecycle columns of the spec's block tables (§1.4), as the statuses that require a field.</summary>
public static class Required
{
    public static readonly IReadOnlyList<SubscriptionLifecycle> Never = [];
    public static readonly IReadOnlyList<SubscriptionLifecycle> WhenActive = [Active];
    public static readonly IReadOnlyList<SubscriptionLifecycle> FromProvisioning = [Provisioning, Active];
    public static readonly IReadOnlyList<SubscriptionLifecycle> Always = Enum.GetValues<SubscriptionLifecycle>();
}
