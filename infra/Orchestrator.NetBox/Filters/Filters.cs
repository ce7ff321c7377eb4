namespace Orchestrator.NetBox.Filters;

public sealed record DeviceFilter(string? Name = null, string? Status = null, int? SiteId = null, int? RoleId = null, string? Tag = null, string? Q = null) : INetBoxFilter
{
    public IEnumerable<KeyValuePair<string, string>> ToQuery() =>
        QueryParameters.Of(("name", Name), ("status", Status), ("site_id", SiteId), ("role_id", RoleId), ("tag", Tag), ("q", Q));
}

/// <summary><c>Device</c> is the device name (NetBox's <c>device</c> filter); <c>Speed</c> is in kbps.</summary>
public sealed record InterfaceFilter(string? Device = null, int? DeviceId = null, string? Name = null, bool? Occupied = null, long? Speed = null, string? Tag = null, string? Q = null) : INetBoxFilter
{
    public IEnumerable<KeyValuePair<string, string>> ToQuery() =>
        QueryParameters.Of(("device", Device), ("device_id", DeviceId), ("name", Name), ("occupied", Occupied), ("speed", Speed), ("tag", Tag), ("q", Q));
}

public sealed record CableFilter(string? Status = null, int? DeviceId = null, int? InterfaceId = null, string? Tag = null, string? Q = null) : INetBoxFilter
{
    public IEnumerable<KeyValuePair<string, string>> ToQuery() =>
        QueryParameters.Of(("status", Status), ("device_id", DeviceId), ("interface_id", InterfaceId), ("tag", Tag), ("q", Q));
}

/// <summary><c>Address</c> matches the host (e.g. <c>10.0.0.1/32</c>); <c>Parent</c> lists the addresses inside a prefix.</summary>
public sealed record IpAddressFilter(string? Address = null, string? Parent = null, int? InterfaceId = null, string? Status = null, string? Tag = null, string? Q = null) : INetBoxFilter
{
    public IEnumerable<KeyValuePair<string, string>> ToQuery() =>
        QueryParameters.Of(("address", Address), ("parent", Parent), ("interface_id", InterfaceId), ("status", Status), ("tag", Tag), ("q", Q));
}

public sealed record PrefixFilter(string? Prefix = null, string? Within = null, string? Status = null, string? Tag = null, string? Q = null) : INetBoxFilter
{
    public IEnumerable<KeyValuePair<string, string>> ToQuery() =>
        QueryParameters.Of(("prefix", Prefix), ("within", Within), ("status", Status), ("tag", Tag), ("q", Q));
}

/// <summary>For sites, device roles and tags.</summary>
public sealed record NameFilter(string? Name = null, string? Slug = null) : INetBoxFilter
{
    public IEnumerable<KeyValuePair<string, string>> ToQuery() => QueryParameters.Of(("name", Name), ("slug", Slug));
}

public sealed record NoFilter : INetBoxFilter
{
    public static readonly NoFilter Instance = new();

    public IEnumerable<KeyValuePair<string, string>> ToQuery() => [];
}
