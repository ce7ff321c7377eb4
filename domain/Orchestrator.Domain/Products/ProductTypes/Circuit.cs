using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Products.ProductBlocks;

namespace Orchestrator.Domain.Products.ProductTypes;

public static class Circuit
{
    public const string ProductName = "Circuit";

    /// <summary>The only speed the workshop offers; ports are chosen to match it.</summary>
    public const string Speed = "100G";

    public static readonly Product Product = ProductDeclaration.Declare(
        ProductName, "Circuit", "Circuit", "Circuit", [("speed", Speed)], new RootBlock("circuit", CircuitBlock.Name));
}
