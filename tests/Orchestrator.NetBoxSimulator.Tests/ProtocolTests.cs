namespace Orchestrator.NetBoxSimulator.Tests;

public sealed class ProtocolTests
{
    [Fact]
    public async Task Pages_carry_absolute_next_and_previous_links_that_keep_the_filters()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var first = await sim.GetJsonAsync("/api/dcim/devices/?status=planned&limit=2");
        var next = first["next"]!.GetValue<string>();
        var second = await sim.GetJsonAsync(next);
        var last = await sim.GetJsonAsync(second["next"]!.GetValue<string>());

        Assert.Null(first["previous"]);
        Assert.StartsWith(sim.Simulator.BaseAddress.ToString().TrimEnd('/') + "/api/dcim/devices/?", next);
        Assert.Contains("status=planned", next);
        Assert.Equal(["loc3-core", "loc4-core"], second["results"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()));
        Assert.NotNull(second["previous"]);
        Assert.Single(last["results"]!.AsArray());
        Assert.Null(last["next"]);
    }

    [Fact]
    public async Task Default_page_size_is_50()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var page = await sim.GetJsonAsync("/api/dcim/interfaces/?device_id=7");

        Assert.Equal(73, page["count"]!.GetValue<int>());
        Assert.Equal(50, page["results"]!.AsArray().Count);
        Assert.Contains("offset=50", page["next"]!.GetValue<string>());
    }

    [Fact]
    public async Task Requests_without_a_token_get_403_and_a_configured_token_is_enforced()
    {
        await using var open = await SimulatorFixture.StartAsync();
        await using var locked = await SimulatorFixture.StartAsync("--NetBoxSimulator:Token=secret");
        using var anonymous = new HttpClient { BaseAddress = open.Simulator.BaseAddress };

        using var noToken = await anonymous.GetAsync("/api/dcim/devices/");
        var (wrongToken, body) = await locked.SendAsync(HttpMethod.Get, "/api/dcim/devices/");
        var (anyToken, _) = await open.SendAsync(HttpMethod.Get, "/api/dcim/devices/");

        Assert.Equal(403, (int)noToken.StatusCode);
        Assert.Contains("Authentication credentials were not provided.", await noToken.Content.ReadAsStringAsync());
        Assert.Equal(403, wrongToken);
        Assert.Equal("Invalid token", body!["detail"]!.GetValue<string>());
        Assert.Equal(200, anyToken);
    }

    [Fact]
    public async Task Unknown_ids_are_404_with_NetBox_detail()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, body) = await sim.SendAsync(HttpMethod.Get, "/api/dcim/cables/999/");
        var (deleteStatus, _) = await sim.SendAsync(HttpMethod.Delete, "/api/ipam/ip-addresses/999/");

        Assert.Equal(404, status);
        Assert.Equal("Not found.", body!["detail"]!.GetValue<string>());
        Assert.Equal(404, deleteStatus);
    }

    [Fact]
    public async Task Malformed_filter_values_are_400()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, body) = await sim.SendAsync(HttpMethod.Get, "/api/dcim/interfaces/?occupied=maybe");

        Assert.Equal(400, status);
        Assert.NotNull(body!["occupied"]);
    }

    [Fact]
    public async Task Address_tag_and_q_filters_select_the_right_objects()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await sim.PostAsync("/api/extras/tags/", new { name = "marker-a", slug = "marker-a" });
        var (_, tagged) = await sim.PostAsync("/api/ipam/prefixes/", new { prefix = "192.0.2.0/24", tags = new[] { new { slug = "marker-a" } } });

        var byAddress = await sim.GetJsonAsync("/api/ipam/ip-addresses/?address=2001:db8::4/128");
        var byParent = await sim.GetJsonAsync("/api/ipam/ip-addresses/?parent=10.0.0.0/24");
        var byTag = await sim.GetJsonAsync("/api/ipam/prefixes/?tag=marker-a");
        var bySearch = await sim.GetJsonAsync("/api/dcim/devices/?q=LOC2");

        Assert.Equal("2001:db8::4/128", byAddress["results"]!.AsArray().Single()!["address"]!.GetValue<string>());
        Assert.Equal(5, byParent["count"]!.GetValue<int>());
        Assert.Equal(tagged!["id"]!.GetValue<int>(), byTag["results"]!.AsArray().Single()!["id"]!.GetValue<int>());
        Assert.Equal("loc2-core", bySearch["results"]!.AsArray().Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Binding_beyond_loopback_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => NetBoxSimulatorApp.Build(["--urls", "http://0.0.0.0:8000"]));

        Assert.Contains("loopback", error.Message);
    }
}
