using Orchestrator.NetBox.Filters;

namespace Orchestrator.NetBox.Tests;

public sealed class ReadContractTests
{
    [Fact]
    public async Task Lists_follow_next_links_over_several_pages()
    {
        await using var netbox = await NetBoxFixture.StartAsync(new Dictionary<string, string?> { ["NetBox:PageSize"] = "10" });

        var ports = await netbox.Client.ListInterfacesAsync(new InterfaceFilter(Device: "loc1-core"));

        Assert.Equal(73, ports.Count);
        Assert.Equal(73, ports.Select(p => p.Id).Distinct().Count());
        Assert.Equal(8, netbox.Requests("GET /api/dcim/interfaces/"));
    }

    [Fact]
    public async Task Planned_devices_for_the_create_node_form()
    {
        await using var netbox = await NetBoxFixture.StartAsync();

        var planned = await netbox.Client.ListDevicesAsync(new DeviceFilter(Status: "planned"));

        Assert.Equal(["loc1-core", "loc2-core", "loc3-core", "loc4-core", "loc5-core"], planned.Select(d => d.Name));
        Assert.All(planned, d => Assert.Equal("planned", d.Status!.Value));
        Assert.Empty(await netbox.Client.ListDevicesAsync(new DeviceFilter(Status: "active")));
    }

    [Fact]
    public async Task A_device_by_name_carries_nested_site_role_type_and_loopbacks()
    {
        await using var netbox = await NetBoxFixture.StartAsync();

        var device = Assert.Single(await netbox.Client.ListDevicesAsync(new DeviceFilter(Name: "loc2-core")));

        Assert.Equal(8, device.Id);
        Assert.Equal(2, device.Site!.Id);
        Assert.Equal("Location 2", device.Site.Display);
        Assert.Equal(1, device.Role!.Id);
        Assert.Equal("Core Router", device.Role.Name);
        Assert.Equal("7750-sr-2s", device.DeviceType!.Model);
        Assert.Equal("Nokia", device.DeviceType.Manufacturer!.Name);
        Assert.Equal("10.0.0.2/32", device.PrimaryIp4!.Address);
        Assert.Equal("2001:db8::2/128", device.PrimaryIp6!.Address);
        Assert.Equal(6, device.PrimaryIp6.Family!.Value);
    }

    [Fact]
    public async Task Free_400G_ports_for_the_port_selection_form()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        var filter = new InterfaceFilter(Device: "loc1-core", Occupied: false, Speed: 400_000_000);
        var before = await netbox.Client.ListInterfacesAsync(filter);
        await netbox.Client.EnsureCableAsync(IdempotencyMarker.For("p", "s"),
            new Requests.CableCreate([Models.CableTermination.Interface(38)], [Models.CableTermination.Interface(110)]));

        var after = await netbox.Client.ListInterfacesAsync(filter);

        Assert.Equal(36, before.Count);
        Assert.All(before, p => Assert.Equal(400_000_000, p.Speed));
        Assert.Equal(35, after.Count);
        Assert.DoesNotContain(after, p => p.Id == 38);
        Assert.True((await netbox.Client.GetInterfaceAsync(38))!.Occupied);
    }

    [Fact]
    public async Task A_port_by_device_and_name()
    {
        await using var netbox = await NetBoxFixture.StartAsync();

        var port = Assert.Single(await netbox.Client.ListInterfacesAsync(new InterfaceFilter(Device: "loc1-core", Name: "1/1/c2/1")));
        var byDeviceId = await netbox.Client.ListInterfacesAsync(new InterfaceFilter(DeviceId: 8, Name: "loc1-core"));

        Assert.Equal(38, port.Id);
        Assert.Equal("1/1/c2/1", port.Display);
        Assert.Equal("loc1-core", port.Device!.Name);
        Assert.Equal("400gbase-x-qsfpdd", port.Type!.Value);
        Assert.Empty(byDeviceId);
    }

    [Fact]
    public async Task An_ip_address_by_address_for_the_node_payload()
    {
        await using var netbox = await NetBoxFixture.StartAsync();

        var v4 = Assert.Single(await netbox.Client.ListIpAddressesAsync(new IpAddressFilter(Address: "10.0.0.1/32")));
        var v6 = Assert.Single(await netbox.Client.ListIpAddressesAsync(new IpAddressFilter(Address: "2001:db8::1/128")));
        var inLoopbackRange = await netbox.Client.ListIpAddressesAsync(new IpAddressFilter(Parent: "10.0.0.0/24"));

        Assert.Equal(1, v4.Id);
        Assert.Equal("dcim.interface", v4.AssignedObjectType);
        Assert.Equal("loopback0", v4.AssignedObject!.Name);
        Assert.Equal("loc1-core", v4.AssignedObject.Device!.Name);
        Assert.Equal(6, v6.Id);
        Assert.Equal(5, inLoopbackRange.Count);
    }

    [Fact]
    public async Task Sites_roles_types_and_prefixes()
    {
        await using var netbox = await NetBoxFixture.StartAsync();

        var sites = await netbox.Client.ListSitesAsync();
        var role = await netbox.Client.GetDeviceRoleAsync(1);
        var type = await netbox.Client.GetDeviceTypeAsync(1);
        var pool = await netbox.Client.GetPrefixAsync(3);
        var within = await netbox.Client.ListPrefixesAsync(new PrefixFilter(Within: "2001:db8::/32"));

        Assert.Equal(5, sites.Count);
        Assert.Equal("location-3", Assert.Single(await netbox.Client.ListSitesAsync(new NameFilter(Name: "Location 3"))).Slug);
        Assert.Equal("Core Router", role!.Name);
        Assert.Equal("7750-sr-2s", type!.Model);
        Assert.Equal("2001:db8:10::/44", pool!.Prefix);
        Assert.Equal(["2001:db8::/44", "2001:db8:10::/44"], within.Select(p => p.Prefix));
        Assert.Single(await netbox.Client.ListDeviceTypesAsync());
        Assert.Equal("4.1.0", await netbox.Client.GetVersionAsync());
    }

    [Fact]
    public async Task Get_by_id_maps_404_to_null()
    {
        await using var netbox = await NetBoxFixture.StartAsync();

        Assert.Null(await netbox.Client.GetDeviceAsync(999));
        Assert.Null(await netbox.Client.GetCableAsync(1));
        Assert.NotNull(await netbox.Client.GetDeviceAsync(7));
    }
}
