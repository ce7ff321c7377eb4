using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Domain.Catalogue;

public enum BlockFieldKind
{
    /// <summary>A resource-type value stored on the block.</summary>
    Resource,
    /// <summary>One block instance owned by the same subscription.</summary>
    Child,
    /// <summary>A list of block instances owned by the same subscription.</summary>
    ChildList,
    /// <summary>A block instance owned by another subscription; the subscription depends on that one.</summary>
    Reference,
}

/// <summary>A field of a product block, with the lifecycle statuses in which it must be set.</summary>
public sealed record BlockField(
    string Name,
    BlockFieldKind Kind,
    IReadOnlyList<SubscriptionLifecycle> RequiredIn,
    string? BlockName = null,
    int MinItems = 0,
    int MaxItems = int.MaxValue)
{
    public static BlockField Resource(string name, IReadOnlyList<SubscriptionLifecycle> requiredIn) =>
        new(name, BlockFieldKind.Resource, requiredIn);

    public static BlockField Child(string name, string blockName, IReadOnlyList<SubscriptionLifecycle> requiredIn) =>
        new(name, BlockFieldKind.Child, requiredIn, blockName, 1, 1);

    public static BlockField ChildList(string name, string blockName, int min, int max, IReadOnlyList<SubscriptionLifecycle> requiredIn) =>
        new(name, BlockFieldKind.ChildList, requiredIn, blockName, min, max);

    public static BlockField Reference(string name, string blockName, IReadOnlyList<SubscriptionLifecycle> requiredIn) =>
        new(name, BlockFieldKind.Reference, requiredIn, blockName);
}
