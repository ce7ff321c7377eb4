using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Products.ProductBlocks;

/// <summary>Block "Circuit": a NetBox cable between two Layer 3 interfaces (members[0] is side A).</summary>
public static class CircuitBlock
{
    public const string Name = "Circuit";

    public static readonly ProductBlock Definition = new(
        DeterministicGuid.From("product_block:Circuit"), Name, "Circuit", "Circuit", ProductLifecycle.Active,
        [
            BlockField.ChildList("members", Layer3InterfaceBlock.Name, 2, 2, Required.Always),
            BlockField.Resource("circuit_id", Required.WhenActive),
            BlockField.Resource("circuit_status", Required.FromProvisioning),
            BlockField.Resource("circuit_description", Required.FromProvisioning),
            BlockField.Resource("under_maintenance", Required.FromProvisioning),
        ]);

    public static readonly IReadOnlyList<ResourceType> ResourceTypes =
    [
        ResourceTypes_.Of("circuit_id", "Circuit ID", ValueKind.Integer),
        ResourceTypes_.Of("circuit_status", "Circuit Status", ValueKind.String),
        ResourceTypes_.Of("circuit_description", "Circuit Description", ValueKind.String),
        ResourceTypes_.Of("under_maintenance", "Under Maintenance", ValueKind.Boolean),
    ];

    /// <summary>Catalogue version 5: the NetBox ids of the /64 and the /127 reserved for the circuit, so terminate can release them.</summary>
    public static readonly ProductBlock WithPrefixIds = Definition with
    {
        Fields =
        [
            .. Definition.Fields,
            BlockField.Resource("v6_prefix_id", Required.Never),
            BlockField.Resource("v6_p2p_prefix_id", Required.Never),
        ],
    };

    public static readonly IReadOnlyList<ResourceType> PrefixIdResourceTypes =
    [
        ResourceTypes_.Of("v6_prefix_id", "NetBox ID of the IPv6 /64 prefix", ValueKind.Integer),
        ResourceTypes_.Of("v6_p2p_prefix_id", "NetBox ID of the IPv6 /127 point-to-point prefix", ValueKind.Integer),
    ];
}
