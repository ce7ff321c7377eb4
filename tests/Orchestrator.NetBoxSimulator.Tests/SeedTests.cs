namespace Orchestrator.NetBoxSimulator.Tests;

public sealed class SeedTests
{
    [Fact]
    public async Task Five_planned_core_routers_with_loopbacks_and_workshop_references()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var page = await sim.GetJsonAsync("/api/dcim/devices/?status=planned");

        Assert.Equal(5, page["count"]!.GetValue<int>());
        var devices = page["results"]!.AsArray();
        Assert.Equal(["loc1-core", "loc2-core", "loc3-core", "loc4-core", "loc5-core"], devices.Select(d => d!["name"]!.GetValue<string>()));
        Assert.Equal([7, 8, 9, 10, 11], devices.Select(d => d!["id"]!.GetValue<int>()));
        var loc3 = devices[2]!;
        Assert.Equal("10.0.0.3/32", loc3["primary_ip4"]!["address"]!.GetValue<string>());
        Assert.Equal("2001:db8::3/128", loc3["primary_ip6"]!["address"]!.GetValue<string>());
        Assert.Equal("Location 3", loc3["site"]!["display"]!.GetValue<string>());
        Assert.Equal(1, loc3["role"]!["id"]!.GetValue<int>());
        Assert.Equal("Core Router", loc3["role"]!["name"]!.GetValue<string>());
        Assert.Equal("7750-sr-2s", loc3["device_type"]!["model"]!.GetValue<string>());
        Assert.Equal("Nokia", loc3["device_type"]!["manufacturer"]!["name"]!.GetValue<string>());
        Assert.Equal("planned", loc3["status"]!["value"]!.GetValue<string>());
        Assert.EndsWith("/api/dcim/devices/9/", loc3["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Loc1_core_400G_ports_are_ids_37_to_72_and_every_interface_id_is_unique()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var fast = await sim.GetJsonAsync("/api/dcim/interfaces/?device=loc1-core&speed=400000000&limit=100");
        var all = await sim.GetJsonAsync("/api/dcim/interfaces/?limit=1000");

        var fastPorts = fast["results"]!.AsArray();
        Assert.Equal(Enumerable.Range(37, 36), fastPorts.Select(p => p!["id"]!.GetValue<int>()));
        Assert.Equal("1/1/c1/1", fastPorts[0]!["name"]!.GetValue<string>());
        Assert.Equal("400gbase-x-qsfpdd", fastPorts[0]!["type"]!["value"]!.GetValue<string>());
        Assert.Equal(5 * 73, all["count"]!.GetValue<int>());
        var ids = all["results"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var slow = await sim.GetJsonAsync("/api/dcim/interfaces/?device=loc2-core&name=2/1/c36/1");
        Assert.Equal(100_000_000, slow["results"]![0]!["speed"]!.GetValue<long>());
    }

    [Fact]
    public async Task Prefixes_include_the_circuit_address_pool_as_id_3()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var pool = await sim.GetJsonAsync("/api/ipam/prefixes/3/");
        var all = await sim.GetJsonAsync("/api/ipam/prefixes/");

        Assert.Equal("2001:db8:10::/44", pool["prefix"]!.GetValue<string>());
        Assert.Equal("Circuit Address Pool", pool["description"]!.GetValue<string>());
        Assert.Equal(["2001:db8::/44", "2001:db8::/32", "2001:db8:10::/44", "10.0.0.0/8", "10.0.0.0/24"],
            all["results"]!.AsArray().Select(p => p!["prefix"]!.GetValue<string>()));
    }
}
