using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Products.ProductBlocks;

/// <summary>Block "Port": a NetBox interface on a node; <c>node</c> points at the Node block of a Node subscription.</summary>
public static class PortBlock
{
    public const string Name = "Port";

    public static readonly ProductBlock Definition = new(
        DeterministicGuid.From("product_block:Port"), Name, "Port", "Port", ProductLifecycle.Active,
        [
            BlockField.Resource("port_id", Required.FromProvisioning),
            BlockField.Resource("port_description", Required.FromProvisioning),
            BlockField.Resource("port_name", Required.FromProvisioning),
            BlockField.Reference("node", NodeBlock.Name, Required.FromProvisioning),
        ]);

    public static readonly IReadOnlyList<ResourceType> ResourceTypes =
    [
        ResourceTypes_.Of("port_id", "Port ID", ValueKind.Integer),
        ResourceTypes_.Of("port_description", "Port Description", ValueKind.String),
        ResourceTypes_.Of("port_name", "Port Name", ValueKind.String),
    ];
}
