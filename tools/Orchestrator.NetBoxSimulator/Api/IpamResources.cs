using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>The <c>/api/ipam/</c> endpoints: prefixes, IP addresses and the available-* allocators.</summary>
public static class IpamResources
{
    public static void MapIpam(this IEndpointRouteBuilder app)
    {
        app.MapResource(new Resource<Prefix>(Paths.Prefixes, s => s.Prefixes, (r, x) => r.Prefix(x), PrefixFilters())
        {
            Create = PrefixWrites.Create,
            Update = PrefixWrites.Update,
            Delete = (_, _) => { },
        });

        app.MapResource(new Resource<IpAddress>(Paths.IpAddresses, s => s.IpAddresses, (r, x) => r.IpAddress(x), IpAddressFilters())
        {
            Create = IpAddressWrites.Create,
            Update = IpAddressWrites.Update,
            Delete = IpAddressWrites.Delete,
        });

        app.MapAvailableObjects();
    }

    private static FilterSet<Prefix> PrefixFilters() => new FilterSet<Prefix>()
        .Add("prefix", (_, x, value) => Net("prefix", value) is var net && x.Value.Network == net.Network && x.Value.Length == net.Length)
        .Add("within", (_, x, value) => Net("within", value) is var net && net.Contains(x.Value) && x.Value.Length > net.Length)
        .Add("within_include", (_, x, value) => Net("within_include", value).Contains(x.Value))
        .Add("contains", (_, x, value) => Net("contains", value) is var net && x.Value.Contains(net))
        .Int("mask_length", x => x.Value.Length)
        .Int("family", x => x.Value.Family)
        .Text("status", x => x.Status)
        .Bool("is_pool", x => x.IsPool)
        .WithTagFilter()
        .Search(x => [x.Value.ToString(), x.Description]);

    private static FilterSet<IpAddress> IpAddressFilters() => new FilterSet<IpAddress>()
        .Add("address", (_, x, value) => Net("address", value).Contains(x.Address.Address) && Net("address", value).IsV6 == x.Address.IsV6)
        .Add("parent", (_, x, value) => Net("parent", value) is var net && net.IsV6 == x.Address.IsV6 && net.Contains(x.Address.Address))
        .Int("family", x => x.Address.Family)
        .Int("mask_length", x => x.Address.Length)
        .Text("status", x => x.Status)
        .Text("dns_name", x => x.DnsName)
        .Text("assigned_object_type", x => x.AssignedObjectType)
        .Int("assigned_object_id", x => x.AssignedObjectId)
        .Add("interface_id", (_, x, id) => x.AssignedObjectType == "dcim.interface" && x.AssignedObjectId == FilterSet<IpAddress>.ParseInt("interface_id", id))
        .Add("device_id", (s, x, id) => AssignedPort(s, x)?.DeviceId == FilterSet<IpAddress>.ParseInt("device_id", id))
        .Add("device", (s, x, name) => AssignedPort(s, x) is { } port && s.Devices.Find(port.DeviceId)?.Name == name)
        .WithTagFilter()
        .Search(x => [x.Address.ToString(), x.Description, x.DnsName]);

    private static Interface? AssignedPort(NetBoxState state, IpAddress ip) =>
        ip.AssignedObjectType == "dcim.interface" && ip.AssignedObjectId is { } id ? state.Interfaces.Find(id) : null;

    private static IpNet Net(string filter, string value) =>
        IpNet.TryParse(value, out var net) ? net.Value : throw ValidationFailure.For(filter, $"Invalid IP address or prefix: {value}");
}
