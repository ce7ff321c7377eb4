using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Products.ProductBlocks;

namespace Orchestrator.Domain.Products.ProductTypes;

/// <summary>Two products share the User type and differ only in their <c>affiliation</c> fixed input.</summary>
public static class User
{
    public const string InternalProductName = "User internal";
    public const string ExternalProductName = "User external";

    public static readonly Product Internal = ProductDeclaration.Declare(
        InternalProductName, "User", "USER_INT", "user administration - internal", [("affiliation", "internal")],
        new RootBlock("user", UserBlock.Name));

    public static readonly Product External = ProductDeclaration.Declare(
        ExternalProductName, "User", "USER_EXT", "user administration - external", [("affiliation", "external")],
        new RootBlock("user", UserBlock.Name));
}
