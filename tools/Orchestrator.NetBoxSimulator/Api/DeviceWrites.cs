using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

public static class DeviceWrites
{
    public static Device Create(NetBoxState state, PayloadReader body)
    {
        var name = body.String("name", required: true) ?? "";
        var site = body.Reference("site", state.Sites, required: true);
        var role = body.Reference("role", state.DeviceRoles, required: true);
        var type = body.Reference("device_type", state.DeviceTypes, required: true);
        var status = body.Choice("status", Choices.DeviceStatus, fallback: "active")!;
        var description = body.String("description", fallback: "")!;
        var tags = body.Tags(state.Tags) ?? [];
        RequireUniqueName(state, body, name, exceptId: null);
        body.ThrowIfInvalid();

        return state.Devices.Put(new Device(state.Devices.NextId(), name, site!.Value, role!.Value, type!.Value,
            status, null, null, description, tags));
    }

    public static Device Update(NetBoxState state, Device device, PayloadReader body)
    {
        var name = body.String("name", fallback: device.Name)!;
        var site = body.Reference("site", state.Sites) ?? device.SiteId;
        var role = body.Reference("role", state.DeviceRoles) ?? device.RoleId;
        var type = body.Reference("device_type", state.DeviceTypes) ?? device.DeviceTypeId;
        var status = body.Choice("status", Choices.DeviceStatus, fallback: device.Status)!;
        var description = body.String("description", fallback: device.Description)!;
        var tags = body.Tags(state.Tags) ?? device.TagIds;
        var ip4 = body.Has("primary_ip4") ? PrimaryIp(state, body, device, "primary_ip4", family: 4) : device.PrimaryIp4Id;
        var ip6 = body.Has("primary_ip6") ? PrimaryIp(state, body, device, "primary_ip6", family: 6) : device.PrimaryIp6Id;
        RequireUniqueName(state, body, name, exceptId: device.Id);
        body.ThrowIfInvalid();

        return state.Devices.Put(device with
        {
            Name = name, SiteId = site, RoleId = role, DeviceTypeId = type, Status = status,
            Description = description, TagIds = tags, PrimaryIp4Id = ip4, PrimaryIp6Id = ip6,
        });
    }

    private static int? PrimaryIp(NetBoxState state, PayloadReader body, Device device, string field, int family)
    {
        if (body.Reference(field, state.IpAddresses) is not { } id) return null;
        var ip = state.IpAddresses.Find(id)!;
        if (ip.Address.Family != family)
            body.Fail(field, $"{ip.Address} is not an IPv{family} address.");
        else if (ip.AssignedObjectType != "dcim.interface" || state.Interfaces.Find(ip.AssignedObjectId ?? 0)?.DeviceId != device.Id)
            body.Fail(field, $"The specified IP address ({ip.Address}) is not assigned to this device.");
        return id;
    }

    private static void RequireUniqueName(NetBoxState state, PayloadReader body, string name, int? exceptId)
    {
        if (name.Length > 0 && state.Devices.All.Any(d => d.Id != exceptId && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
            body.Fail("name", "Device name must be unique per site.");
    }
}
