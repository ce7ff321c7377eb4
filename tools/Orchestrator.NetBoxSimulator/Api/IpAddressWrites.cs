using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

public static class IpAddressWrites
{
    private const string InterfaceType = "dcim.interface";

    public static IpAddress Create(NetBoxState state, PayloadReader body)
    {
        var address = ReadAddress(body);
        var ip = ReadFields(state, body, new IpAddress(0, address ?? default, "active", null, null, "", "", []));
        if (address is not null) RequireUnique(state, body, ip);
        body.ThrowIfInvalid();
        return state.IpAddresses.Put(ip with { Id = state.IpAddresses.NextId() });
    }

    public static IpAddress Update(NetBoxState state, IpAddress existing, PayloadReader body)
    {
        var address = body.Has("address") ? ReadAddress(body) : existing.Address;
        var ip = ReadFields(state, body, existing with { Address = address ?? existing.Address });
        RequireUnique(state, body, ip);
        body.ThrowIfInvalid();
        return state.IpAddresses.Put(ip);
    }

    public static void Delete(NetBoxState state, IpAddress ip)
    {
        foreach (var device in state.Devices.All.Where(d => d.PrimaryIp4Id == ip.Id || d.PrimaryIp6Id == ip.Id).ToList())
        {
            state.Devices.Put(device with
            {
                PrimaryIp4Id = device.PrimaryIp4Id == ip.Id ? null : device.PrimaryIp4Id,
                PrimaryIp6Id = device.PrimaryIp6Id == ip.Id ? null : device.PrimaryIp6Id,
            });
        }
    }

    /// <summary>The writable fields other than <c>address</c>, shared with available-ips.</summary>
    public static IpAddress ReadFields(NetBoxState state, PayloadReader body, IpAddress defaults)
    {
        var type = body.String("assigned_object_type", fallback: defaults.AssignedObjectType);
        var id = body.Has("assigned_object_id") ? body.Int("assigned_object_id") : defaults.AssignedObjectId;
        if (type is not null && type != InterfaceType)
            body.Fail("assigned_object_type", $"The simulator only assigns addresses to {InterfaceType}.");
        else if (type is not null && id is null)
            body.Fail("assigned_object_id", "This field is required when assigned_object_type is set.");
        else if (id is { } portId && state.Interfaces.Find(portId) is null)
            body.Fail("assigned_object_id", $"Related object not found: {InterfaceType} {portId}");

        return defaults with
        {
            Status = body.Choice("status", Choices.IpAddressStatus, fallback: defaults.Status)!,
            AssignedObjectType = id is null ? null : InterfaceType,
            AssignedObjectId = id,
            DnsName = body.String("dns_name", fallback: defaults.DnsName)!,
            Description = body.String("description", fallback: defaults.Description)!,
            TagIds = body.Tags(state.Tags) ?? defaults.TagIds,
        };
    }

    private static IpNet? ReadAddress(PayloadReader body)
    {
        var text = body.String("address", required: true);
        if (text is null) return null;
        if (!text.Contains('/'))
        {
            body.Fail("address", "CIDR mask (e.g. /24) is required.");
            return null;
        }
        if (IpNet.TryParse(text, out var net)) return net;
        body.Fail("address", $"Invalid IP address format: {text}");
        return null;
    }

    private static void RequireUnique(NetBoxState state, PayloadReader body, IpAddress ip)
    {
        if (state.IpAddresses.All.FirstOrDefault(other => other.Id != ip.Id && other.Address.IsV6 == ip.Address.IsV6 && other.Address.Address == ip.Address.Address) is { } duplicate)
            body.Fail("address", $"Duplicate IP address found in global table: {duplicate.Address}");
    }
}
