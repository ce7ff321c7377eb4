namespace Orchestrator.NetBox.Models;

public sealed record IpPrefix(
    int Id,
    string? Url,
    string? Display,
    AddressFamily? Family,
    string Prefix,
    Choice? Status,
    bool IsPool,
    string? Description,
    IReadOnlyList<NestedTag>? Tags);

public sealed record IpAddress(
    int Id,
    string? Url,
    string? Display,
    AddressFamily? Family,
    string Address,
    Choice? Status,
    string? AssignedObjectType,
    int? AssignedObjectId,
    NestedInterface? AssignedObject,
    string? DnsName,
    string? Description,
    IReadOnlyList<NestedTag>? Tags);
