using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;

namespace Orchestrator.Domain.Subscriptions;

/// <summary>Checks a resource-type value against its kind, as pydantic does for the workshop's typed fields.</summary>
public static class ResourceValues
{
    public static bool IsValid(ValueKind kind, JsonNode value)
    {
        if (Normalize(value) is not JsonValue v) return false;
        return kind switch
        {
            ValueKind.Integer => v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _),
            ValueKind.Boolean => v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            ValueKind.String => v.GetValueKind() == JsonValueKind.String,
            ValueKind.IPv4Network => IsNetwork(v, AddressFamily.InterNetwork),
            ValueKind.IPv6Network => IsNetwork(v, AddressFamily.InterNetworkV6),
            ValueKind.IPv6Interface => IsInterface(v, AddressFamily.InterNetworkV6),
            _ => false,
        };
    }

    /// <summary>A JSON-backed copy of the value, so numbers compare and convert the same however they were made.</summary>
    public static JsonNode? Normalize(JsonNode? value) => value is null ? null : JsonNode.Parse(value.ToJsonString());

    /// <summary>A network: no host bits set after the prefix ("10.0.0.1/24" is an interface, not a network).</summary>
    static bool IsNetwork(JsonValue v, AddressFamily family) =>
        v.TryGetValue<string>(out var s) && IPNetwork.TryParse(s, out var net) && net.BaseAddress.AddressFamily == family
        && IPAddress.TryParse(s.Split('/')[0], out var given) && given.Equals(net.BaseAddress) && s.Contains('/');

    static bool IsInterface(JsonValue v, AddressFamily family)
    {
        if (!v.TryGetValue<string>(out var s)) return false;
        var parts = s.Split('/');
        var max = family == AddressFamily.InterNetwork ? 32 : 128;
        return parts.Length == 2
            && IPAddress.TryParse(parts[0], out var address) && address.AddressFamily == family
            && int.TryParse(parts[1], out var length) && length >= 0 && length <= max;
    }
}
