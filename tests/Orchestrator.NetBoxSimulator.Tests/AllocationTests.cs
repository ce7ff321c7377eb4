using System.Text.Json.Nodes;

namespace Orchestrator.NetBoxSimulator.Tests;

public sealed class AllocationTests
{
    [Fact]
    public async Task The_workshop_reservation_yields_the_first_64_then_127_then_both_addresses()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (s64, p64) = await sim.PostAsync("/api/ipam/prefixes/3/available-prefixes/", new { prefix_length = 64, description = "c Parent /64", is_pool = true });
        var (_, p127) = await sim.PostAsync($"/api/ipam/prefixes/{p64!["id"]}/available-prefixes/", new { prefix_length = 127, is_pool = false });
        var (_, ipA) = await sim.PostAsync($"/api/ipam/prefixes/{p127!["id"]}/available-ips/", new { assigned_object_type = "dcim.interface", assigned_object_id = 37, status = "active" });
        var (_, ipB) = await sim.PostAsync($"/api/ipam/prefixes/{p127["id"]}/available-ips/", new { assigned_object_type = "dcim.interface", assigned_object_id = 110, status = "active" });
        var (full, fullBody) = await sim.PostAsync($"/api/ipam/prefixes/{p127["id"]}/available-ips/", new { });

        Assert.Equal(201, s64);
        Assert.Equal("2001:db8:10::/64", p64["prefix"]!.GetValue<string>());
        Assert.True(p64["is_pool"]!.GetValue<bool>());
        Assert.Equal("2001:db8:10::/127", p127["prefix"]!.GetValue<string>());
        Assert.Equal("2001:db8:10::/127", ipA!["address"]!.GetValue<string>());
        Assert.Equal("2001:db8:10::1/127", ipB!["address"]!.GetValue<string>());
        Assert.Equal(110, ipB["assigned_object_id"]!.GetValue<int>());
        Assert.Equal("loc2-core", ipB["assigned_object"]!["device"]!["name"]!.GetValue<string>());
        Assert.Equal(409, full);
        Assert.Contains("Insufficient space", fullBody!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fifty_concurrent_available_ips_calls_never_return_the_same_address()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (_, p64) = await sim.PostAsync("/api/ipam/prefixes/3/available-prefixes/", new { prefix_length = 64 });

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            sim.PostAsync($"/api/ipam/prefixes/{p64!["id"]}/available-ips/", new { description = $"ip {i}" })));

        Assert.All(results, r => Assert.Equal(201, r.Status));
        var addresses = results.Select(r => r.Body!["address"]!.GetValue<string>()).ToList();
        Assert.Equal(50, addresses.Distinct().Count());
        Assert.DoesNotContain("2001:db8:10::/64", addresses); // the subnet-router anycast address is not handed out
        var listed = await sim.GetJsonAsync("/api/ipam/ip-addresses/?parent=2001:db8:10::/64&limit=100");
        Assert.Equal(50, listed["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fifty_concurrent_available_prefixes_calls_never_return_the_same_prefix()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            sim.PostAsync("/api/ipam/prefixes/3/available-prefixes/", new { prefix_length = 64 })));

        Assert.All(results, r => Assert.Equal(201, r.Status));
        var prefixes = results.Select(r => r.Body!["prefix"]!.GetValue<string>()).ToList();
        Assert.Equal(50, prefixes.Distinct().Count());
        Assert.Contains("2001:db8:10:31::/64", prefixes); // 0x00..0x31: the first fifty /64s, no gaps
    }

    [Fact]
    public async Task Deleting_an_address_or_prefix_frees_it_for_the_next_allocation()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (_, first) = await sim.PostAsync("/api/ipam/prefixes/5/available-ips/", new { });
        var (_, second) = await sim.PostAsync("/api/ipam/prefixes/3/available-prefixes/", new { prefix_length = 48 });

        await sim.SendAsync(HttpMethod.Delete, $"/api/ipam/ip-addresses/{first!["id"]}/");
        await sim.SendAsync(HttpMethod.Delete, $"/api/ipam/prefixes/{second!["id"]}/");
        var (_, ipAgain) = await sim.PostAsync("/api/ipam/prefixes/5/available-ips/", new { });
        var (_, prefixAgain) = await sim.PostAsync("/api/ipam/prefixes/3/available-prefixes/", new { prefix_length = 48 });

        Assert.Equal("10.0.0.6/24", first["address"]!.GetValue<string>()); // .1-.5 are the loopbacks, .0 the network
        Assert.Equal(first["address"]!.GetValue<string>(), ipAgain!["address"]!.GetValue<string>());
        Assert.Equal(second["prefix"]!.GetValue<string>(), prefixAgain!["prefix"]!.GetValue<string>());
        Assert.NotEqual(first["id"]!.GetValue<int>(), ipAgain["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_prefix_length_outside_the_parent_is_400()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, body) = await sim.PostAsync("/api/ipam/prefixes/3/available-prefixes/", new { prefix_length = 40 });

        Assert.Equal(400, status);
        Assert.NotNull(body!["prefix_length"]);
    }

    [Fact]
    public async Task A_list_body_allocates_several_and_get_lists_the_free_space()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, body) = await sim.PostAsync("/api/ipam/prefixes/3/available-prefixes/", new[] { new { prefix_length = 64 }, new { prefix_length = 64 } });
        var free = await sim.GetJsonAsync("/api/ipam/prefixes/3/available-prefixes/");
        var freeIps = await sim.GetJsonAsync("/api/ipam/prefixes/5/available-ips/?limit=3");

        Assert.Equal(201, status);
        Assert.Equal(["2001:db8:10::/64", "2001:db8:10:1::/64"], body!.AsArray().Select(p => p!["prefix"]!.GetValue<string>()));
        Assert.Equal("2001:db8:10:2::/63", free.AsArray()[0]!["prefix"]!.GetValue<string>());
        Assert.Equal(["10.0.0.6/24", "10.0.0.7/24", "10.0.0.8/24"], freeIps.AsArray().Select(a => a!["address"]!.GetValue<string>()));
    }
}
