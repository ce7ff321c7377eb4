namespace Orchestrator.NetBox.Requests;

/// <summary>A PATCH to a device: only the fields that are set are sent. Related objects by id; the role is a role id.</summary>
public sealed record DeviceUpdate
{
    public string? Name { get; init; }
    public string? Status { get; init; }
    public int? Site { get; init; }
    public int? Role { get; init; }
    public int? DeviceType { get; init; }
    public int? PrimaryIp4 { get; init; }
    public int? PrimaryIp6 { get; init; }
    public string? Description { get; init; }
}
