using System.Text.Json.Nodes;
using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>Turns simulator records into NetBox 4.x JSON, with absolute <c>url</c>s and nested objects.</summary>
public sealed class Renderer(NetBoxState state, string baseUrl)
{
    public string Url(string path, int id) => $"{baseUrl}{path}{id}/";

    private JsonObject Ref(string path, int id, string display) =>
        new() { ["id"] = id, ["url"] = Url(path, id), ["display"] = display };

    private static JsonObject Choice(string value, IReadOnlyDictionary<string, string> labels) =>
        new() { ["value"] = value, ["label"] = labels.GetValueOrDefault(value, value) };

    private static JsonObject Family(IpNet net) =>
        new() { ["value"] = net.Family, ["label"] = net.IsV6 ? "IPv6" : "IPv4" };

    private JsonArray Tags(IReadOnlyList<int> tagIds) =>
        new(tagIds.Select(state.Tags.Find).OfType<Tag>().Select(t => (JsonNode)NestedTag(t)).ToArray());

    public JsonObject NestedTag(Tag tag)
    {
        var json = Ref(Paths.Tags, tag.Id, tag.Name);
        json["name"] = tag.Name;
        json["slug"] = tag.Slug;
        json["color"] = tag.Color;
        return json;
    }

    public JsonObject NestedSite(int id)
    {
        var site = state.Sites.Find(id);
        var json = Ref(Paths.Sites, id, site?.Name ?? "");
        json["name"] = site?.Name;
        json["slug"] = site?.Slug;
        return json;
    }

    public JsonObject NestedRole(int id)
    {
        var role = state.DeviceRoles.Find(id);
        var json = Ref(Paths.DeviceRoles, id, role?.Name ?? "");
        json["name"] = role?.Name;
        json["slug"] = role?.Slug;
        return json;
    }

    public JsonObject NestedManufacturer(int id)
    {
        var manufacturer = state.Manufacturers.Find(id);
        var json = Ref(Paths.Manufacturers, id, manufacturer?.Name ?? "");
        json["name"] = manufacturer?.Name;
        json["slug"] = manufacturer?.Slug;
        return json;
    }

    public JsonObject NestedDeviceType(int id)
    {
        var type = state.DeviceTypes.Find(id);
        var json = Ref(Paths.DeviceTypes, id, type?.Model ?? "");
        json["manufacturer"] = type is null ? null : NestedManufacturer(type.ManufacturerId);
        json["model"] = type?.Model;
        json["slug"] = type?.Slug;
        return json;
    }

    public JsonObject NestedDevice(int id)
    {
        var device = state.Devices.Find(id);
        var json = Ref(Paths.Devices, id, device?.Name ?? "");
        json["name"] = device?.Name;
        json["description"] = device?.Description ?? "";
        return json;
    }

    public JsonObject? NestedIp(int? id)
    {
        if (id is not { } ipId || state.IpAddresses.Find(ipId) is not { } ip) return null;
        var json = Ref(Paths.IpAddresses, ip.Id, ip.Address.ToString());
        json["family"] = Family(ip.Address);
        json["address"] = ip.Address.ToString();
        json["description"] = ip.Description;
        return json;
    }

    public JsonObject NestedInterface(Interface port)
    {
        var json = Ref(Paths.Interfaces, port.Id, port.Name);
        json["device"] = NestedDevice(port.DeviceId);
        json["name"] = port.Name;
        json["description"] = port.Description;
        json["cable"] = port.CableId;
        json["_occupied"] = port.CableId is not null;
        return json;
    }

    public JsonObject? NestedCable(int? id)
    {
        if (id is not { } cableId || state.Cables.Find(cableId) is not { } cable) return null;
        var json = Ref(Paths.Cables, cable.Id, CableDisplay(cable));
        json["label"] = cable.Label;
        json["description"] = cable.Description;
        return json;
    }

    private static string CableDisplay(Cable cable) => cable.Label.Length > 0 ? cable.Label : $"#{cable.Id}";

    public JsonObject Site(Site site)
    {
        var json = NestedSite(site.Id);
        json["status"] = Choice("active", Choices.DeviceStatus);
        json["description"] = "";
        json["tags"] = new JsonArray();
        json["custom_fields"] = new JsonObject();
        json["device_count"] = state.Devices.All.Count(d => d.SiteId == site.Id);
        return json;
    }

    public JsonObject DeviceRole(DeviceRole role)
    {
        var json = NestedRole(role.Id);
        json["color"] = role.Color;
        json["vm_role"] = false;
        json["description"] = "";
        json["tags"] = new JsonArray();
        json["custom_fields"] = new JsonObject();
        json["device_count"] = state.Devices.All.Count(d => d.RoleId == role.Id);
        return json;
    }

    public JsonObject DeviceType(DeviceType type)
    {
        var json = NestedDeviceType(type.Id);
        json["part_number"] = "";
        json["u_height"] = 1.0;
        json["is_full_depth"] = true;
        json["description"] = "";
        json["tags"] = new JsonArray();
        json["custom_fields"] = new JsonObject();
        json["device_count"] = state.Devices.All.Count(d => d.DeviceTypeId == type.Id);
        return json;
    }

    public JsonObject Device(Device device)
    {
        var json = Ref(Paths.Devices, device.Id, device.Name);
        json["name"] = device.Name;
        json["device_type"] = NestedDeviceType(device.DeviceTypeId);
        json["role"] = NestedRole(device.RoleId);
        json["tenant"] = null;
        json["platform"] = null;
        json["serial"] = "";
        json["asset_tag"] = null;
        json["site"] = NestedSite(device.SiteId);
        json["location"] = null;
        json["rack"] = null;
        json["status"] = Choice(device.Status, Choices.DeviceStatus);
        json["primary_ip"] = NestedIp(device.PrimaryIp6Id ?? device.PrimaryIp4Id);
        json["primary_ip4"] = NestedIp(device.PrimaryIp4Id);
        json["primary_ip6"] = NestedIp(device.PrimaryIp6Id);
        json["oob_ip"] = null;
        json["description"] = device.Description;
        json["comments"] = "";
        json["tags"] = Tags(device.TagIds);
        json["custom_fields"] = new JsonObject();
        json["interface_count"] = state.Interfaces.All.Count(i => i.DeviceId == device.Id);
        return json;
    }

    public JsonObject Interface(Interface port)
    {
        var json = Ref(Paths.Interfaces, port.Id, port.Name);
        json["device"] = NestedDevice(port.DeviceId);
        json["name"] = port.Name;
        json["label"] = "";
        json["type"] = Choice(port.Type, Choices.InterfaceType);
        json["enabled"] = port.Enabled;
        json["mtu"] = null;
        json["mac_address"] = null;
        json["speed"] = port.Speed;
        json["duplex"] = null;
        json["description"] = port.Description;
        json["mode"] = null;
        json["mgmt_only"] = false;
        json["cable"] = NestedCable(port.CableId);
        json["cable_end"] = port.CableEnd ?? "";
        json["link_peers"] = LinkPeers(port);
        json["link_peers_type"] = port.CableId is null ? null : "dcim.interface";
        json["tags"] = Tags(port.TagIds);
        json["custom_fields"] = new JsonObject();
        json["count_ipaddresses"] = state.IpAddresses.All.Count(ip => IsAssignedTo(ip, port.Id));
        json["_occupied"] = port.CableId is not null;
        return json;
    }

    private JsonArray LinkPeers(Interface port)
    {
        if (port.CableId is not { } cableId || state.Cables.Find(cableId) is not { } cable) return [];
        var peers = port.CableEnd == "A" ? cable.BTerminations : cable.ATerminations;
        return new JsonArray(peers.Select(state.Interfaces.Find).OfType<Interface>().Select(p => (JsonNode)NestedInterface(p)).ToArray());
    }

    public static bool IsAssignedTo(IpAddress ip, int interfaceId) =>
        ip.AssignedObjectType == "dcim.interface" && ip.AssignedObjectId == interfaceId;

    public JsonObject Cable(Cable cable)
    {
        var json = Ref(Paths.Cables, cable.Id, CableDisplay(cable));
        json["type"] = "";
        json["a_terminations"] = Terminations(cable.ATerminations);
        json["b_terminations"] = Terminations(cable.BTerminations);
        json["status"] = Choice(cable.Status, Choices.CableStatus);
        json["tenant"] = null;
        json["label"] = cable.Label;
        json["color"] = "";
        json["length"] = null;
        json["length_unit"] = null;
        json["description"] = cable.Description;
        json["comments"] = "";
        json["tags"] = Tags(cable.TagIds);
        json["custom_fields"] = new JsonObject();
        return json;
    }

    private JsonArray Terminations(IReadOnlyList<int> interfaceIds) =>
        new(interfaceIds.Select(id => (JsonNode)new JsonObject
        {
            ["object_type"] = "dcim.interface",
            ["object_id"] = id,
            ["object"] = state.Interfaces.Find(id) is { } port ? NestedInterface(port) : null,
        }).ToArray());

    public JsonObject Prefix(Prefix prefix)
    {
        var json = Ref(Paths.Prefixes, prefix.Id, prefix.Value.ToString());
        json["family"] = Family(prefix.Value);
        json["prefix"] = prefix.Value.ToString();
        json["vrf"] = null;
        json["tenant"] = null;
        json["vlan"] = null;
        json["status"] = Choice(prefix.Status, Choices.PrefixStatus);
        json["role"] = null;
        json["is_pool"] = prefix.IsPool;
        json["mark_utilized"] = false;
        json["description"] = prefix.Description;
        json["comments"] = "";
        json["tags"] = Tags(prefix.TagIds);
        json["custom_fields"] = new JsonObject();
        json["children"] = AddressAllocator.ChildPrefixes(state, prefix).Count();
        json["_depth"] = state.Prefixes.All.Count(p => p.Id != prefix.Id && p.Value.Length < prefix.Value.Length && p.Value.Contains(prefix.Value));
        return json;
    }

    public JsonObject IpAddress(IpAddress ip)
    {
        var json = Ref(Paths.IpAddresses, ip.Id, ip.Address.ToString());
        json["family"] = Family(ip.Address);
        json["address"] = ip.Address.ToString();
        json["vrf"] = null;
        json["tenant"] = null;
        json["status"] = Choice(ip.Status, Choices.IpAddressStatus);
        json["role"] = null;
        json["assigned_object_type"] = ip.AssignedObjectType;
        json["assigned_object_id"] = ip.AssignedObjectId;
        json["assigned_object"] = ip.AssignedObjectId is { } portId && state.Interfaces.Find(portId) is { } port ? NestedInterface(port) : null;
        json["nat_inside"] = null;
        json["nat_outside"] = new JsonArray();
        json["dns_name"] = ip.DnsName;
        json["description"] = ip.Description;
        json["comments"] = "";
        json["tags"] = Tags(ip.TagIds);
        json["custom_fields"] = new JsonObject();
        return json;
    }

    public JsonObject Tag(Tag tag)
    {
        var json = NestedTag(tag);
        json["description"] = tag.Description;
        json["object_types"] = new JsonArray();
        return json;
    }

    public JsonObject AvailableAddress(IpNet address) => new()
    {
        ["family"] = address.Family,
        ["address"] = address.ToString(),
        ["vrf"] = null,
    };

    public JsonObject AvailablePrefix(IpNet prefix) => new()
    {
        ["family"] = prefix.Family,
        ["prefix"] = prefix.ToString(),
        ["vrf"] = null,
    };
}
