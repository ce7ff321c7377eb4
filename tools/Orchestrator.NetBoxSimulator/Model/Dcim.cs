namespace Orchestrator.NetBoxSimulator.Model;

public sealed record Site(int Id, string Name, string Slug) : IEntity;

public sealed record Manufacturer(int Id, string Name, string Slug) : IEntity;

public sealed record DeviceRole(int Id, string Name, string Slug, string Color) : IEntity;

public sealed record DeviceType(int Id, int ManufacturerId, string Model, string Slug) : IEntity;

public sealed record Device(
    int Id,
    string Name,
    int SiteId,
    int RoleId,
    int DeviceTypeId,
    string Status,
    int? PrimaryIp4Id,
    int? PrimaryIp6Id,
    string Description,
    IReadOnlyList<int> TagIds) : ITagged;

public sealed record Interface(
    int Id,
    int DeviceId,
    string Name,
    string Type,
    long? Speed,
    bool Enabled,
    string Description,
    int? CableId,
    string? CableEnd,
    IReadOnlyList<int> TagIds) : ITagged;

public sealed record Cable(
    int Id,
    string Status,
    string Label,
    string Description,
    IReadOnlyList<int> ATerminations,
    IReadOnlyList<int> BTerminations,
    IReadOnlyList<int> TagIds) : ITagged;
