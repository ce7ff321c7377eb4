namespace Orchestrator.NetBox.Http;

/// <summary>Relative to the base address, so a NetBox served under a sub-path works too.</summary>
internal static class NetBoxPaths
{
    public const string Status = "api/status/";
    public const string Sites = "api/dcim/sites/";
    public const string DeviceRoles = "api/dcim/device-roles/";
    public const string DeviceTypes = "api/dcim/device-types/";
    public const string Devices = "api/dcim/devices/";
    public const string Interfaces = "api/dcim/interfaces/";
    public const string Cables = "api/dcim/cables/";
    public const string Prefixes = "api/ipam/prefixes/";
    public const string IpAddresses = "api/ipam/ip-addresses/";
    public const string Tags = "api/extras/tags/";

    public static string Item(string collection, int id) => $"{collection}{id}/";
    public static string AvailablePrefixes(int parentId) => $"{Prefixes}{parentId}/available-prefixes/";
    public static string AvailableIps(int prefixId) => $"{Prefixes}{prefixId}/available-ips/";
}
