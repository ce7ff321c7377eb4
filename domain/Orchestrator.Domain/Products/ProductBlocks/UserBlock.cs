using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Products.ProductBlocks;

/// <summary>Block "UserBlock": <c>group</c> points at the UserGroupBlock of a User Group subscription.</summary>
public static class UserBlock
{
    public const string Name = "UserBlock";

    public static readonly ProductBlock Definition = new(
        DeterministicGuid.From("product_block:UserBlock"), Name, "User settings", "UB", ProductLifecycle.Active,
        [
            BlockField.Reference("group", UserGroupBlock.Name, Required.Always),
            BlockField.Resource("username", Required.FromProvisioning),
            BlockField.Resource("age", Required.Never),
            BlockField.Resource("user_id", Required.WhenActive),
        ]);

    public static readonly IReadOnlyList<ResourceType> ResourceTypes =
    [
        ResourceTypes_.Of("username", "Unique name of user", ValueKind.String),
        ResourceTypes_.Of("age", "Age of user", ValueKind.Integer),
        ResourceTypes_.Of("user_id", "Unique ID of user", ValueKind.Integer),
    ];
}
