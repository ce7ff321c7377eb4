namespace Orchestrator.NetBoxSimulator.Model;

public sealed record Prefix(
    int Id,
    IpNet Value,
    string Status,
    bool IsPool,
    string Description,
    IReadOnlyList<int> TagIds) : ITagged;

public sealed record IpAddress(
    int Id,
    IpNet Address,
    string Status,
    string? AssignedObjectType,
    int? AssignedObjectId,
    string DnsName,
    string Description,
    IReadOnlyList<int> TagIds) : ITagged;
