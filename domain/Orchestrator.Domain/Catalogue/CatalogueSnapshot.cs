namespace Orchestrator.Domain.Catalogue;

/// <summary>The whole catalogue at one moment: what a migration writes and what the API reads.</summary>
public sealed record CatalogueSnapshot(
    IReadOnlyList<Product> Products,
    IReadOnlyList<ProductBlock> ProductBlocks,
    IReadOnlyList<ResourceType> ResourceTypes,
    IReadOnlyList<WorkflowRegistration> Workflows)
{
    public Product? ProductById(Guid id) => Products.FirstOrDefault(p => p.ProductId == id);

    public Product? ProductByName(string name) => Products.FirstOrDefault(p => p.Name == name);

    public ProductBlock? Block(string name) => ProductBlocks.FirstOrDefault(b => b.Name == name);

    public ProductBlock RequiredBlock(string name) =>
        Block(name) ?? throw new InvalidOperationException($"Product block '{name}' is not in the catalogue.");

    public ResourceType? ResourceType(string name) => ResourceTypes.FirstOrDefault(r => r.Name == name);

    public WorkflowRegistration? Workflow(string name) => Workflows.FirstOrDefault(w => w.Name == name);

    /// <summary>The blocks a product's subscriptions own: its root blocks and their children, not referenced blocks.</summary>
    public IReadOnlyList<ProductBlock> BlocksOf(Product product)
    {
        var seen = new List<ProductBlock>();
        void Visit(string name)
        {
            var block = Block(name);
            if (block is null || seen.Contains(block)) return;
            seen.Add(block);
            foreach (var field in block.Fields.Where(f => f.Kind is BlockFieldKind.Child or BlockFieldKind.ChildList))
                Visit(field.BlockName!);
        }
        foreach (var root in product.RootBlocks) Visit(root.BlockName);
        return seen;
    }

    public IEnumerable<WorkflowRegistration> WorkflowsOf(Product product) =>
        Workflows.Where(w => w.ProductNames.Contains(product.Name));
}
