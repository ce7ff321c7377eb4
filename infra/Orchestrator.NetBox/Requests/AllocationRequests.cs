namespace Orchestrator.NetBox.Requests;

/// <summary>The body of <c>POST /api/ipam/prefixes/{id}/available-prefixes/</c>.</summary>
public sealed record AvailablePrefixRequest(int PrefixLength, string? Description = null, bool? IsPool = null, string? Status = null);

/// <summary>The body of <c>POST /api/ipam/prefixes/{id}/available-ips/</c>.</summary>
public sealed record AvailableIpRequest(
    string? Description = null,
    string? AssignedObjectType = null,
    int? AssignedObjectId = null,
    string? Status = null,
    string? DnsName = null)
{
    public static AvailableIpRequest ForInterface(int interfaceId, string? description = null, string status = "active") =>
        new(description, "dcim.interface", interfaceId, status);
}
