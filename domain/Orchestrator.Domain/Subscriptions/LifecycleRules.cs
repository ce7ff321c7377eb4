using Orchestrator.Domain.Catalogue;
using static Orchestrator.Domain.Subscriptions.SubscriptionLifecycle;

namespace Orchestrator.Domain.Subscriptions;

/// <summary>Which status changes are allowed, and which fields each status requires (spec §1.2, §1.4, §1.5).</summary>
public static class LifecycleRules
{
    /// <summary>The status moves a subscription may make. Terminated is final.</summary>
    public static readonly IReadOnlyDictionary<SubscriptionLifecycle, IReadOnlySet<SubscriptionLifecycle>> Transitions =
        new Dictionary<SubscriptionLifecycle, IReadOnlySet<SubscriptionLifecycle>>
        {
            [Initial] = new HashSet<SubscriptionLifecycle> { Initial, Provisioning, Active, Terminated },
            [Provisioning] = new HashSet<SubscriptionLifecycle> { Provisioning, Active, Terminated },
            [Active] = new HashSet<SubscriptionLifecycle> { Active, Provisioning, Migrating, Disabled, Terminated },
            [Migrating] = new HashSet<SubscriptionLifecycle> { Migrating, Active, Terminated },
            [Disabled] = new HashSet<SubscriptionLifecycle> { Disabled, Active, Terminated },
            [Terminated] = new HashSet<SubscriptionLifecycle> { Terminated },
        };

    /// <summary>
    /// SAFE_USED_BY_TRANSITIONS_FOR_STATUS: moving S to the key status is allowed only while every other subscription
    /// that uses S is in one of these statuses.
    /// </summary>
    public static readonly IReadOnlyDictionary<SubscriptionLifecycle, IReadOnlySet<SubscriptionLifecycle>> SafeUsedByStatuses =
        new Dictionary<SubscriptionLifecycle, IReadOnlySet<SubscriptionLifecycle>>
        {
            [Initial] = new HashSet<SubscriptionLifecycle> { Initial },
            [Active] = new HashSet<SubscriptionLifecycle> { Initial, Provisioning, Migrating, Active, Terminated, Disabled },
            [Migrating] = new HashSet<SubscriptionLifecycle> { Initial, Migrating, Terminated },
            [Provisioning] = new HashSet<SubscriptionLifecycle> { Initial, Provisioning, Active, Terminated },
            [Terminated] = new HashSet<SubscriptionLifecycle> { Initial, Terminated },
            [Disabled] = new HashSet<SubscriptionLifecycle> { Initial, Disabled, Terminated },
        };

    /// <summary>The paths of every field the status requires that is not set, e.g. <c>circuit.members[0].v6_ip_address</c>.</summary>
    public static IReadOnlyList<string> MissingFields(Subscription subscription, CatalogueSnapshot catalogue, SubscriptionLifecycle status)
    {
        var missing = new List<string>();
        foreach (var (field, instance) in subscription.Blocks)
            CollectMissing(instance, field, catalogue, status, missing);
        return missing;
    }

    static void CollectMissing(BlockInstance instance, string path, CatalogueSnapshot catalogue, SubscriptionLifecycle status, List<string> missing)
    {
        var block = catalogue.RequiredBlock(instance.Name);
        foreach (var field in block.Fields)
        {
            var required = field.RequiredIn.Contains(status);
            var fieldPath = $"{path}.{field.Name}";
            switch (field.Kind)
            {
                case BlockFieldKind.Resource when required && instance.Value(field.Name) is null:
                case BlockFieldKind.Reference when required && instance.References.GetValueOrDefault(field.Name) is null:
                    missing.Add(fieldPath);
                    break;
                case BlockFieldKind.Child or BlockFieldKind.ChildList:
                    var children = instance.Children.GetValueOrDefault(field.Name) ?? [];
                    if (required && (children.Count < Math.Max(1, field.MinItems) || children.Count > field.MaxItems))
                        missing.Add(field.Kind == BlockFieldKind.ChildList
                            ? $"{fieldPath} (needs {field.MinItems}..{field.MaxItems} items, has {children.Count})"
                            : fieldPath);
                    for (var i = 0; i < children.Count; i++)
                        CollectMissing(children[i], field.Kind == BlockFieldKind.ChildList ? $"{fieldPath}[{i}]" : fieldPath,
                            catalogue, status, missing);
                    break;
            }
        }
    }
}
