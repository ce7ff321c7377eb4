using System.Text.Json.Serialization;
using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Subscriptions;

/// <summary>
/// A customer's subscription to a product: its lifecycle, its in-sync lock and its tree of block instances.
/// Status changes go through <see cref="ChangeStatus"/>, which enforces the lifecycle rules.
/// </summary>
public sealed class Subscription
{
    public required Guid SubscriptionId { get; init; }
    public required Guid ProductId { get; init; }
    public required string CustomerId { get; init; }
    public string Description { get; set; } = "";
    [JsonInclude] public SubscriptionLifecycle Status { get; private set; } = SubscriptionLifecycle.Initial;
    [JsonInclude] public bool Insync { get; private set; }
    [JsonInclude] public DateTimeOffset? StartDate { get; private set; }
    [JsonInclude] public DateTimeOffset? EndDate { get; private set; }
    public string? Note { get; set; }
    /// <summary>Incremented on every save; the store compares ETags, this is for people and the API.</summary>
    public int Version { get; set; }
    /// <summary>The process that took the in-sync lock, while one holds it.</summary>
    [JsonInclude] public Guid? LockedByProcessId { get; private set; }
    public Dictionary<string, BlockInstance> Blocks { get; init; } = [];
    /// <summary>Which process step wrote this version, so a step that runs twice recognises its own earlier write.</summary>
    public WriteStamp? LastWrite { get; set; }

    /// <summary>A new subscription in status initial with every root block created and empty (from_product_id).</summary>
    public static Subscription Create(CatalogueSnapshot catalogue, Product product, string customerId, Guid subscriptionId, Func<Guid> newId)
    {
        var subscription = new Subscription
        {
            SubscriptionId = subscriptionId,
            ProductId = product.ProductId,
            CustomerId = customerId,
            Description = $"Initial subscription of {product.Description}",
        };
        foreach (var root in product.RootBlocks)
            subscription.Blocks[root.Field] = BlockInstance.Create(catalogue, root.BlockName, subscriptionId, newId);
        return subscription;
    }

    public BlockInstance Block(string field) =>
        Blocks.TryGetValue(field, out var block) ? block : throw new DomainException($"Subscription has no block '{field}'.");

    public IEnumerable<BlockInstance> AllInstances() => Blocks.Values.SelectMany(b => b.SelfAndDescendants());

    /// <summary>Every reference from this subscription's tree to a block of another subscription.</summary>
    public IEnumerable<(BlockInstance From, string Field, BlockReference Target)> References() =>
        from instance in AllInstances()
        from reference in instance.References
        where reference.Value is not null && reference.Value.SubscriptionId != SubscriptionId
        select (instance, reference.Key, reference.Value!);

    /// <summary>The subscriptions this one depends on: the owners of the blocks it references.</summary>
    public IReadOnlyList<Guid> DependsOnSubscriptionIds() => References().Select(r => r.Target.SubscriptionId).Distinct().ToList();

    /// <summary>
    /// Moves the subscription to <paramref name="target"/>: the move must be allowed, every field the status requires must be
    /// set, and every subscription that uses this one must be in a status that is safe for the move.
    /// </summary>
    public void ChangeStatus(SubscriptionLifecycle target, CatalogueSnapshot catalogue, DateTimeOffset now,
        IReadOnlyCollection<(Guid SubscriptionId, SubscriptionLifecycle Status)> inUseBy)
    {
        if (!LifecycleRules.Transitions[Status].Contains(target))
            throw new InvalidStatusTransitionException(Status, target);
        var missing = LifecycleRules.MissingFields(this, catalogue, target);
        if (missing.Count > 0) throw new MissingFieldsException(target, missing);
        var unsafeUsers = inUseBy
            .Where(u => u.SubscriptionId != SubscriptionId && !LifecycleRules.SafeUsedByStatuses[target].Contains(u.Status))
            .Select(u => u.SubscriptionId).ToList();
        if (unsafeUsers.Count > 0) throw new UnsafeStatusChangeException(target, unsafeUsers);

        Status = target;
        if (target == SubscriptionLifecycle.Active && StartDate is null) StartDate = now;
        if (target == SubscriptionLifecycle.Terminated) EndDate = now;
    }

    /// <summary>Takes the in-sync lock for a process (the "Lock subscription" step, or the claim made when a start is accepted).</summary>
    public void Lock(Guid processId)
    {
        if (!Insync && LockedByProcessId is { } holder && holder != processId)
            throw new DomainException($"Subscription {SubscriptionId} is locked by process {holder}");
        Insync = false;
        LockedByProcessId = processId;
    }

    /// <summary>Gives back a claim that did not lead to a process: the lock and in-sync flag return to what they were.</summary>
    public void ReleaseClaim(Guid processId, bool wasInsync)
    {
        if (LockedByProcessId != processId) return;
        LockedByProcessId = null;
        Insync = wasInsync;
    }

    /// <summary>Releases the lock; only the holder may release it, and a subscription nobody locked may be set in sync.</summary>
    public void Unlock(Guid? processId)
    {
        if (LockedByProcessId is { } holder && processId is { } p && holder != p)
            throw new DomainException($"Subscription {SubscriptionId} is locked by process {holder}, not {p}");
        Insync = true;
        LockedByProcessId = null;
    }
}
