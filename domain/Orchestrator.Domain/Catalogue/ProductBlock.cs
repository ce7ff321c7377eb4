namespace Orchestrator.Domain.Catalogue;

/// <summary>A product block: resource types, child blocks and references to blocks of other subscriptions.</summary>
public sealed record ProductBlock(
    Guid ProductBlockId,
    string Name,
    string Description,
    string Tag,
    ProductLifecycle Status,
    IReadOnlyList<BlockField> Fields)
{
    public BlockField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public IEnumerable<string> ResourceTypeNames => Fields.Where(f => f.Kind == BlockFieldKind.Resource).Select(f => f.Name);

    /// <summary>Names of the blocks this one uses (children and references): the metadata graph of product_block_relations.</summary>
    public IEnumerable<string> DependsOnBlockNames => Fields.Where(f => f.BlockName is not null).Select(f => f.BlockName!).Distinct();
}
