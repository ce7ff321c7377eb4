using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Products.ProductBlocks;

namespace Orchestrator.Domain.Products.ProductTypes;

public static class UserGroup
{
    public const string ProductName = "User Group";

    public static readonly Product Product = ProductDeclaration.Declare(
        ProductName, "UserGroup", "GROUP", "user group administration", [], new RootBlock("user_group", UserGroupBlock.Name));
}
