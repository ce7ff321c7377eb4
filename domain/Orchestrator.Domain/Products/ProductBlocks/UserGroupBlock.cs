using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Products.ProductBlocks;

public static class UserGroupBlock
{
    public const string Name = "UserGroupBlock";

    public static readonly ProductBlock Definition = new(
        DeterministicGuid.From("product_block:UserGroupBlock"), Name, "User group settings", "UGB", ProductLifecycle.Active,
        [
            BlockField.Resource("group_name", Required.FromProvisioning),
            BlockField.Resource("group_id", Required.WhenActive),
        ]);

    public static readonly IReadOnlyList<ResourceType> ResourceTypes =
    [
        ResourceTypes_.Of("group_name", "Unique name of user group", ValueKind.String),
        ResourceTypes_.Of("group_id", "Unique ID of user group", ValueKind.Integer),
    ];
}
