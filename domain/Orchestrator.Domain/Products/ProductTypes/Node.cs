using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Products.ProductBlocks;

namespace Orchestrator.Domain.Products.ProductTypes;

public static class Node
{
    public const string ProductName = "Node";

    public static readonly Product Product = ProductDeclaration.Declare(
        ProductName, "Node", "Node", "Node", [], new RootBlock("node", NodeBlock.Name));
}
