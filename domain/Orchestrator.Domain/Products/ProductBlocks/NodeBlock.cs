using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Products.ProductBlocks;

/// <summary>Block "Node": a router, known in NetBox as a device.</summary>
public static class NodeBlock
{
    public const string Name = "Node";

    public static readonly ProductBlock Definition = new(
        DeterministicGuid.From("product_block:Node"), Name, "Node", "Node", ProductLifecycle.Active,
        [
            BlockField.Resource("node_id", Required.FromProvisioning),
            BlockField.Resource("node_name", Required.FromProvisioning),
            BlockField.Resource("node_status", Required.FromProvisioning),
            BlockField.Resource("ipv4_loopback", Required.FromProvisioning),
            BlockField.Resource("ipv6_loopback", Required.FromProvisioning),
        ]);

    public static readonly IReadOnlyList<ResourceType> ResourceTypes =
    [
        ResourceTypes_.Of("node_id", "Node ID", ValueKind.Integer),
        ResourceTypes_.Of("node_name", "Node Name", ValueKind.String),
        ResourceTypes_.Of("node_status", "Node Status", ValueKind.String),
        ResourceTypes_.Of("ipv4_loopback", "IPv4 Loopback", ValueKind.IPv4Network),
        ResourceTypes_.Of("ipv6_loopback", "IPv6 Loopback", ValueKind.IPv6Network),
    ];
}
