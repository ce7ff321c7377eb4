using System.Text.Json.Serialization;

namespace Orchestrator.NetBox.Models;

/// <summary>A related object as NetBox nests it when reading: <c>{id, url, display, ...}</c>.</summary>
[JsonConverter(typeof(NestedObjectConverter))]
public sealed record NestedObject(int Id, string? Url = null, string? Display = null, string? Name = null, string? Slug = null);

/// <summary>A NetBox choice field such as <c>status</c>: <c>{value, label}</c>.</summary>
public sealed record Choice(string Value, string? Label = null);

/// <summary>An address family: <c>{value: 4|6, label}</c>.</summary>
public sealed record AddressFamily(int Value, string? Label = null);

public sealed record NestedTag(int Id, string? Url, string? Display, string Name, string Slug, string? Color);

public sealed record NestedDevice(int Id, string? Url, string? Display, string? Name);

public sealed record NestedDeviceType(int Id, string? Url, string? Display, NestedObject? Manufacturer, string? Model, string? Slug);

public sealed record NestedIpAddress(int Id, string? Url, string? Display, AddressFamily? Family, string Address);

public sealed record NestedInterface(
    int Id,
    string? Url,
    string? Display,
    NestedDevice? Device,
    string? Name,
    NestedObject? Cable,
    [property: JsonPropertyName("_occupied")] bool Occupied);

/// <summary>One page of a NetBox list: <c>{count, next, previous, results}</c>.</summary>
public sealed record Page<T>(int Count, string? Next, string? Previous, IReadOnlyList<T> Results);
