namespace Orchestrator.Domain.Catalogue;

/// <summary>A product: what a customer subscribes to. Its root blocks are the top-level fields of a subscription.</summary>
public sealed record Product(
    Guid ProductId,
    string Name,
    string Description,
    string ProductType,
    string Tag,
    ProductLifecycle Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndDate,
    IReadOnlyList<FixedInput> FixedInputs,
    IReadOnlyList<RootBlock> RootBlocks);

/// <summary>A top-level field of a product's subscriptions, e.g. <c>node</c> holding a "Node" block.</summary>
public sealed record RootBlock(string Field, string BlockName);
