using Orchestrator.NetBoxSimulator.Model;

namespace Orchestrator.NetBoxSimulator.State;

/// <summary>The workshop's NetBox data (spec §0): five planned core routers with loopbacks, ports and the address pools.</summary>
public static class WorkshopSeed
{
    public const int DeviceCount = 5;
    public const int FirstDeviceId = 7;
    public const int PortsPerSpeed = 36;
    public const int FirstInterfaceId = 37;
    public const int InterfacesPerDevice = 2 * PortsPerSpeed + 1;
    public const long Speed400G = 400_000_000;
    public const long Speed100G = 100_000_000;
    public const int CircuitAddressPoolId = 3;

    private static readonly IReadOnlyList<int> NoTags = [];

    public static NetBoxState Create()
    {
        var state = new NetBoxState();
        state.Manufacturers.Put(new Manufacturer(1, "Nokia", "nokia"));
        state.DeviceRoles.Put(new DeviceRole(1, "Core Router", "core-router", "2196f3"));
        state.DeviceTypes.Put(new DeviceType(1, 1, "7750-sr-2s", "7750-sr-2s"));

        for (var n = 1; n <= DeviceCount; n++)
        {
            state.Sites.Put(new Site(n, $"Location {n}", $"location-{n}"));
            SeedDevice(state, n);
        }

        SeedPrefix(state, 1, "2001:db8::/44", "IPv6 management pool");
        SeedPrefix(state, 2, "2001:db8::/32", "IPv6 documentation range");
        SeedPrefix(state, CircuitAddressPoolId, "2001:db8:10::/44", "Circuit Address Pool");
        SeedPrefix(state, 4, "10.0.0.0/8", "IPv4 private range");
        SeedPrefix(state, 5, "10.0.0.0/24", "IPv4 loopbacks");
        return state;
    }

    public static int InterfaceIdFor(int deviceNumber, int indexInDevice) =>
        FirstInterfaceId + (deviceNumber - 1) * InterfacesPerDevice + indexInDevice;

    private static void SeedDevice(NetBoxState state, int n)
    {
        var deviceId = FirstDeviceId + n - 1;
        for (var port = 1; port <= PortsPerSpeed; port++)
        {
            state.Interfaces.Put(Port(InterfaceIdFor(n, port - 1), deviceId, $"1/1/c{port}/1", "400gbase-x-qsfpdd", Speed400G));
            state.Interfaces.Put(Port(InterfaceIdFor(n, PortsPerSpeed + port - 1), deviceId, $"2/1/c{port}/1", "100gbase-x-qsfp28", Speed100G));
        }

        var loopbackId = InterfaceIdFor(n, 2 * PortsPerSpeed);
        state.Interfaces.Put(Port(loopbackId, deviceId, "loopback0", "virtual", null));

        var v4 = state.IpAddresses.Put(Loopback(n, $"10.0.0.{n}/32", loopbackId));
        var v6 = state.IpAddresses.Put(Loopback(DeviceCount + n, $"2001:db8::{n}/128", loopbackId));

        state.Devices.Put(new Device(deviceId, $"loc{n}-core", n, 1, 1, "planned", v4.Id, v6.Id, "", NoTags));
    }

    private static Interface Port(int id, int deviceId, string name, string type, long? speed) =>
        new(id, deviceId, name, type, speed, true, "", null, null, NoTags);

    private static IpAddress Loopback(int id, string address, int interfaceId) =>
        new(id, IpNet.Parse(address), "active", "dcim.interface", interfaceId, "", "Loopback", NoTags);

    private static void SeedPrefix(NetBoxState state, int id, string prefix, string description) =>
        state.Prefixes.Put(new Prefix(id, IpNet.Parse(prefix), "container", false, description, NoTags));
}
