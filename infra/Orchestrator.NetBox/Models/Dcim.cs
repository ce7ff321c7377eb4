using System.Text.Json.Serialization;

namespace Orchestrator.NetBox.Models;

public sealed record Site(int Id, string? Url, string? Display, string Name, string Slug, Choice? Status, string? Description);

public sealed record DeviceRole(int Id, string? Url, string? Display, string Name, string Slug, string? Color, string? Description);

public sealed record DeviceType(int Id, string? Url, string? Display, NestedObject? Manufacturer, string Model, string Slug, string? Description);

public sealed record Device(
    int Id,
    string? Url,
    string? Display,
    string? Name,
    NestedDeviceType? DeviceType,
    NestedObject? Role,
    NestedObject? Site,
    Choice? Status,
    NestedIpAddress? PrimaryIp4,
    NestedIpAddress? PrimaryIp6,
    string? Description,
    IReadOnlyList<NestedTag>? Tags);

public sealed record Interface(
    int Id,
    string? Url,
    string? Display,
    NestedDevice? Device,
    string Name,
    Choice? Type,
    bool Enabled,
    long? Speed,
    string? Description,
    NestedObject? Cable,
    [property: JsonPropertyName("_occupied")] bool Occupied,
    IReadOnlyList<NestedTag>? Tags);

/// <summary>One end of a cable; NetBox reads and writes it as <c>{object_type, object_id}</c>.</summary>
public sealed record CableTermination(string ObjectType, int ObjectId)
{
    public const string InterfaceType = "dcim.interface";

    public static CableTermination Interface(int interfaceId) => new(InterfaceType, interfaceId);
}

public sealed record Cable(
    int Id,
    string? Url,
    string? Display,
    Choice? Status,
    string? Label,
    string? Description,
    IReadOnlyList<CableTermination> ATerminations,
    IReadOnlyList<CableTermination> BTerminations,
    IReadOnlyList<NestedTag>? Tags);
