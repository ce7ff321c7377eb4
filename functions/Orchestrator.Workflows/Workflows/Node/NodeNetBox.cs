using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Workflows;
using Orchestrator.NetBox;
using Orchestrator.NetBox.Filters;
using Orchestrator.NetBox.Models;

namespace Orchestrator.Workflows.Workflows.Node;

/// <summary>The NetBox reads the Node steps share.</summary>
static class NodeNetBox
{
    public static INetBoxClient Client(this IStepContext context) => context.Services.GetRequiredService<INetBoxClient>();

    public static async Task<Device> RequiredDeviceAsync(this INetBoxClient netbox, int deviceId) =>
        await netbox.GetDeviceAsync(deviceId) ?? throw new ProcessFailureException($"Netbox object with id {deviceId} not found");

    /// <summary>The id of the IP address object <paramref name="address"/>, preferring one assigned to <paramref name="device"/>.</summary>
    public static async Task<int> IpAddressIdAsync(this INetBoxClient netbox, Device device, string? address)
    {
        if (address is null) throw new ProcessFailureException($"Node {device.Name} has no loopback address to set as primary IP");
        var found = (await netbox.ListIpAddressesAsync(new IpAddressFilter(Address: address)))
            .Where(ip => string.Equals(ip.Address, address, StringComparison.OrdinalIgnoreCase)).ToList();
        var chosen = found.FirstOrDefault(ip => ip.AssignedObject?.Device?.Id == device.Id) ?? found.FirstOrDefault();
        return chosen?.Id ?? throw new ProcessFailureException($"NetBox has no IP address {address} for device {device.Name}");
    }
}
