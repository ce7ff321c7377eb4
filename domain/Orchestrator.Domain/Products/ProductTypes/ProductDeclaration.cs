using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Products.ProductTypes;

static class ProductDeclaration
{
    /// <summary>The date the workshop migration created these products; fixed so that catalogue rows never change on re-run.</summary>
    public static readonly DateTimeOffset CatalogueEpoch = new(2023, 9, 27, 0, 0, 0, TimeSpan.Zero);

    public static Product Declare(string name, string productType, string tag, string description,
        IReadOnlyList<(string Name, string Value)> fixedInputs, params RootBlock[] roots) =>
        new(DeterministicGuid.From($"product:{name}"), name, description, productType, tag, ProductLifecycle.Active,
            CatalogueEpoch, null,
            fixedInputs.Select(f => new FixedInput(DeterministicGuid.From($"fixed_input:{name}:{f.Name}"), f.Name, f.Value)).ToList(),
            roots);
}
