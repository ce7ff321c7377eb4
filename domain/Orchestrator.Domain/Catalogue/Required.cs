using Orchestrator.Domain.Subscriptions;
using static Orchestrator.Domain.Subscriptions.SubscriptionLifecycle;

namespace Orchestrator.Domain.Catalogue;

/// <summary>The lifecycle columns of the spec's block tables (§1.4), as sets of statuses that require a field.</summary>
public static class Required
{
    public static readonly IReadOnlySet<SubscriptionLifecycle> Never = new HashSet<SubscriptionLifecycle>();
    public static readonly IReadOnlySet<SubscriptionLifecycle> WhenActive = new HashSet<SubscriptionLifecycle> { Active };
    public static readonly IReadOnlySet<SubscriptionLifecycle> FromProvisioning = new HashSet<SubscriptionLifecycle> { Provisioning, Active };
    public static readonly IReadOnlySet<SubscriptionLifecycle> Always = Enum.GetValues<SubscriptionLifecycle>().ToHashSet();
}
