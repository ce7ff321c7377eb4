namespace Orchestrator.NetBoxSimulator.Model;

/// <summary>NetBox's choice sets: value → label.</summary>
public static class Choices
{
    public static readonly IReadOnlyDictionary<string, string> DeviceStatus = new Dictionary<string, string>
    {
        ["offline"] = "Offline", ["active"] = "Active", ["planned"] = "Planned", ["staged"] = "Staged",
        ["failed"] = "Failed", ["inventory"] = "Inventory", ["decommissioning"] = "Decommissioning",
    };

    public static readonly IReadOnlyDictionary<string, string> CableStatus = new Dictionary<string, string>
    {
        ["connected"] = "Connected", ["planned"] = "Planned", ["decommissioning"] = "Decommissioning",
    };

    public static readonly IReadOnlyDictionary<string, string> PrefixStatus = new Dictionary<string, string>
    {
        ["container"] = "Container", ["active"] = "Active", ["reserved"] = "Reserved", ["deprecated"] = "Deprecated",
    };

    public static readonly IReadOnlyDictionary<string, string> IpAddressStatus = new Dictionary<string, string>
    {
        ["active"] = "Active", ["reserved"] = "Reserved", ["deprecated"] = "Deprecated",
        ["dhcp"] = "DHCP", ["slaac"] = "SLAAC",
    };

    public static readonly IReadOnlyDictionary<string, string> InterfaceType = new Dictionary<string, string>
    {
        ["virtual"] = "Virtual",
        ["100gbase-x-qsfp28"] = "QSFP28 (100GE)",
        ["400gbase-x-qsfpdd"] = "QSFP-DD (400GE)",
    };
}
