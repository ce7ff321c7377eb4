using System.Text.Json;
using Orchestrator.NetBox.Filters;
using Orchestrator.NetBox.Http;
using Orchestrator.NetBox.Models;
using Orchestrator.NetBox.Requests;

namespace Orchestrator.NetBox.Tests;

public sealed class WriteContractTests
{
    [Fact]
    public void A_device_update_sends_snake_case_ids_and_only_the_fields_set()
    {
        var json = JsonSerializer.Serialize(new DeviceUpdate { Role = 2, DeviceType = 1, PrimaryIp4 = 1, Status = "active" }, NetBoxJson.Options);

        Assert.Equal("""{"status":"active","role":2,"device_type":1,"primary_ip4":1}""", json);
    }

    [Fact]
    public async Task Update_node_in_NetBox_sends_the_role_id_not_the_device_type_id()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        netbox.Simulator.Store.Run(state => state.DeviceRoles.Put(new NetBoxSimulator.Model.DeviceRole(2, "Edge Router", "edge-router", "ff0000")));

        var device = await netbox.Client.UpdateDeviceAsync(7, new DeviceUpdate
        {
            Name = "loc1-core", Status = "active", Site = 1, Role = 2, DeviceType = 1, PrimaryIp4 = 1, PrimaryIp6 = 6,
        });

        Assert.Equal("active", device.Status!.Value);
        Assert.Equal(2, device.Role!.Id);
        Assert.Equal(1, device.DeviceType!.Id);
        Assert.Equal("10.0.0.1/32", device.PrimaryIp4!.Address);
    }

    [Fact]
    public async Task The_create_circuit_reservation_and_cable_end_to_end()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var client = netbox.Client;
        IdempotencyMarker Step(string item) => IdempotencyMarker.For("process-1", "4:Reserve IPs in Netbox", item);

        var p64 = await client.EnsureAvailablePrefixAsync(3, Step("p64"), new AvailablePrefixRequest(64, "c Parent /64", IsPool: true));
        var p127 = await client.EnsureAvailablePrefixAsync(p64.Id, Step("p127"), new AvailablePrefixRequest(127, "c Point-to-Point", IsPool: false));
        var ipA = await client.EnsureAvailableIpAsync(p127.Id, Step("a"), AvailableIpRequest.ForInterface(37, "to loc2-core"));
        var ipB = await client.EnsureAvailableIpAsync(p127.Id, Step("b"), AvailableIpRequest.ForInterface(110, "to loc1-core"));
        var cable = await client.EnsureCableAsync(IdempotencyMarker.For("process-1", "6:Create Circuit in Netbox"),
            new CableCreate([CableTermination.Interface(37)], [CableTermination.Interface(110)], "planned", "c"));
        var connected = await client.UpdateCableAsync(cable.Id, new CableUpdate { Status = "connected" });

        Assert.Equal("2001:db8:10::/64", p64.Prefix);
        Assert.True(p64.IsPool);
        Assert.Equal("2001:db8:10::/127", p127.Prefix);
        Assert.Equal("2001:db8:10::/127", ipA.Address);
        Assert.Equal("2001:db8:10::1/127", ipB.Address);
        Assert.Equal(110, ipB.AssignedObjectId);
        Assert.Equal(37, cable.ATerminations.Single().ObjectId);
        Assert.Equal(Step("a").Slug, Assert.Single(ipA.Tags!).Slug);
        Assert.Equal("connected", connected.Status!.Value);
        Assert.Equal(110, connected.BTerminations.Single().ObjectId);
    }

    [Fact]
    public async Task Running_an_ensure_again_returns_what_the_first_run_made()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var marker = IdempotencyMarker.For("process-2", "4", "p64");

        var first = await netbox.Client.EnsureAvailablePrefixAsync(3, marker, new AvailablePrefixRequest(64));
        var second = await netbox.Client.EnsureAvailablePrefixAsync(3, marker, new AvailablePrefixRequest(64));
        var other = await netbox.Client.EnsureAvailablePrefixAsync(3, IdempotencyMarker.For("process-3", "4", "p64"), new AvailablePrefixRequest(64));

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Prefix, other.Prefix);
        Assert.Equal(2, netbox.Writes("POST /api/ipam/prefixes/3/available-prefixes/"));
    }

    [Fact]
    public async Task Delete_is_done_when_the_object_is_already_gone_and_frees_the_ports()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var cable = await netbox.Client.EnsureCableAsync(IdempotencyMarker.For("p", "s"),
            new CableCreate([CableTermination.Interface(37)], [CableTermination.Interface(110)]));

        await netbox.Client.DeleteCableAsync(cable.Id);
        await netbox.Client.DeleteCableAsync(cable.Id);

        Assert.Null(await netbox.Client.GetCableAsync(cable.Id));
        Assert.False((await netbox.Client.GetInterfaceAsync(37))!.Occupied);
        Assert.Equal(1, netbox.Writes($"DELETE /api/dcim/cables/{cable.Id}/"));
    }

    [Fact]
    public async Task A_cable_on_an_occupied_port_is_a_request_failure_not_a_duplicate()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        await netbox.Client.EnsureCableAsync(IdempotencyMarker.For("p", "first"),
            new CableCreate([CableTermination.Interface(37)], [CableTermination.Interface(110)]));

        var error = await Assert.ThrowsAsync<NetBoxRequestException>(() => netbox.Client.EnsureCableAsync(IdempotencyMarker.For("p", "second"),
            new CableCreate([CableTermination.Interface(37)], [CableTermination.Interface(111)])));

        Assert.Contains("Duplicate termination", error.Message);
        Assert.Single(await netbox.Client.ListCablesAsync(new CableFilter(InterfaceId: 37)));
    }

    [Fact]
    public async Task Ip_addresses_and_prefixes_can_be_released()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var p64 = await netbox.Client.EnsureAvailablePrefixAsync(3, IdempotencyMarker.For("p", "s", "64"), new AvailablePrefixRequest(64));
        var ip = await netbox.Client.EnsureAvailableIpAsync(p64.Id, IdempotencyMarker.For("p", "s", "ip"), new AvailableIpRequest());

        await netbox.Client.DeleteIpAddressAsync(ip.Id);
        await netbox.Client.DeletePrefixAsync(p64.Id);

        Assert.Null(await netbox.Client.GetIpAddressAsync(ip.Id));
        Assert.Empty(await netbox.Client.ListPrefixesAsync(new PrefixFilter(Within: "2001:db8:10::/44")));
    }
}
