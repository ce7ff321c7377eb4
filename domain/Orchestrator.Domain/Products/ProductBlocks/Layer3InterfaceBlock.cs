using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Products.ProductBlocks;

/// <summary>Block "Layer 3 Interface": one end of a circuit, its port and its IPv6 address.</summary>
public static class Layer3InterfaceBlock
{
    public const string Name = "Layer 3 Interface";

    public static readonly ProductBlock Definition = new(
        DeterministicGuid.From("product_block:Layer 3 Interface"), Name, "Layer 3 Interface", "Layer 3 Interface", ProductLifecycle.Active,
        [
            BlockField.Child("port", PortBlock.Name, Required.Always),
            BlockField.Resource("v6_ip_address", Required.FromProvisioning),
        ]);

    public static readonly IReadOnlyList<ResourceType> ResourceTypes =
    [
        ResourceTypes_.Of("v6_ip_address", "IPv6 Address", ValueKind.IPv6Interface),
    ];

    /// <summary>Catalogue version 5: the NetBox id of the IPv6 address, so terminate can release it.</summary>
    public static readonly ProductBlock WithAddressId = Definition with
    {
        Fields = [.. Definition.Fields, BlockField.Resource("v6_ip_address_id", Required.Never)],
    };

    public static readonly IReadOnlyList<ResourceType> AddressIdResourceTypes =
    [
        ResourceTypes_.Of("v6_ip_address_id", "NetBox ID of the IPv6 Address", ValueKind.Integer),
    ];
}
