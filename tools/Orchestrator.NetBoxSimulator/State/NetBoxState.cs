using Orchestrator.NetBoxSimulator.Model;

namespace Orchestrator.NetBoxSimulator.State;

/// <summary>Everything the simulator knows. Only touched while holding <see cref="NetBoxStore"/>'s lock.</summary>
public sealed class NetBoxState
{
    public Table<Site> Sites { get; } = new();
    public Table<Manufacturer> Manufacturers { get; } = new();
    public Table<DeviceRole> DeviceRoles { get; } = new();
    public Table<DeviceType> DeviceTypes { get; } = new();
    public Table<Device> Devices { get; } = new();
    public Table<Interface> Interfaces { get; } = new();
    public Table<Cable> Cables { get; } = new();
    public Table<Prefix> Prefixes { get; } = new();
    public Table<IpAddress> IpAddresses { get; } = new();
    public Table<Tag> Tags { get; } = new();
}
