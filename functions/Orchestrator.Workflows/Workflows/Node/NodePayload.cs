using System.Text.Json.Nodes;
using Orchestrator.NetBox.Models;
using Orchestrator.NetBox.Requests;

namespace Orchestrator.Workflows.Workflows.Node;

/// <summary>
/// What NetBox should hold for a Node: the workshop's <c>build_payload</c> (with the real role id, not the device type id).
/// Like pynetbox's save, only the fields the device does not already have are PATCHed, so a step that runs again after
/// NetBox applied its PATCH finds nothing left to send.
/// </summary>
public sealed record NodePayload(int Id, int? Site, int? DeviceType, int? Role, string Name, string Status, int PrimaryIp4, int PrimaryIp6)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["site"] = Site,
        ["device_type"] = DeviceType,
        ["role"] = Role,
        ["name"] = Name,
        ["status"] = Status,
        ["primary_ip4"] = PrimaryIp4,
        ["primary_ip6"] = PrimaryIp6,
    };

    /// <summary>The PATCH that brings <paramref name="device"/> to this payload, and the names of the fields it sets (none: nothing to send).</summary>
    public (DeviceUpdate Update, IReadOnlyList<string> Fields) ChangesFrom(Device device)
    {
        var fields = new List<string>();
        T? Changed<T>(string field, T wanted, bool same)
        {
            if (same) return default;
            fields.Add(field);
            return wanted;
        }
        var update = new DeviceUpdate
        {
            Name = Changed("name", Name, device.Name == Name),
            Status = Changed("status", Status, device.Status?.Value == Status),
            Site = Changed<int?>("site", Site, Site is null || device.Site?.Id == Site),
            DeviceType = Changed<int?>("device_type", DeviceType, DeviceType is null || device.DeviceType?.Id == DeviceType),
            Role = Changed<int?>("role", Role, Role is null || device.Role?.Id == Role),
            PrimaryIp4 = Changed<int?>("primary_ip4", PrimaryIp4, device.PrimaryIp4?.Id == PrimaryIp4),
            PrimaryIp6 = Changed<int?>("primary_ip6", PrimaryIp6, device.PrimaryIp6?.Id == PrimaryIp6),
        };
        return (update, fields);
    }
}
