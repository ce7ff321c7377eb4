namespace Orchestrator.NetBoxSimulator.Api;

public static class Paths
{
    public const string Sites = "/api/dcim/sites/";
    public const string Manufacturers = "/api/dcim/manufacturers/";
    public const string DeviceRoles = "/api/dcim/device-roles/";
    public const string DeviceTypes = "/api/dcim/device-types/";
    public const string Devices = "/api/dcim/devices/";
    public const string Interfaces = "/api/dcim/interfaces/";
    public const string Cables = "/api/dcim/cables/";
    public const string Prefixes = "/api/ipam/prefixes/";
    public const string IpAddresses = "/api/ipam/ip-addresses/";
    public const string Tags = "/api/extras/tags/";
}
