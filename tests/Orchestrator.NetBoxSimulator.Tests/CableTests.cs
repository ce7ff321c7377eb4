namespace Orchestrator.NetBoxSimulator.Tests;

public sealed class CableTests
{
    [Fact]
    public async Task A_cable_occupies_both_interfaces()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, cable) = await sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(37, 110));
        var port = await sim.GetJsonAsync("/api/dcim/interfaces/37/");
        var free = await sim.GetJsonAsync("/api/dcim/interfaces/?device=loc1-core&occupied=False&speed=400000000");

        Assert.Equal(201, status);
        Assert.Equal(37, cable!["a_terminations"]![0]!["object_id"]!.GetValue<int>());
        Assert.Equal("dcim.interface", cable["b_terminations"]![0]!["object_type"]!.GetValue<string>());
        Assert.Equal("planned", cable["status"]!["value"]!.GetValue<string>());
        Assert.True(port["_occupied"]!.GetValue<bool>());
        Assert.Equal(cable["id"]!.GetValue<int>(), port["cable"]!["id"]!.GetValue<int>());
        Assert.Equal(110, port["link_peers"]![0]!["id"]!.GetValue<int>());
        Assert.Equal(35, free["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_cable_on_an_occupied_interface_is_400()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(37, 110));

        var (status, body) = await sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(111, 37));
        var cables = await sim.GetJsonAsync("/api/dcim/cables/");

        Assert.Equal(400, status);
        Assert.Contains("dcim.interface 37", body!["b_terminations"]![0]!.GetValue<string>());
        Assert.Equal(1, cables["count"]!.GetValue<int>());
        Assert.False((await sim.GetJsonAsync("/api/dcim/interfaces/111/"))["_occupied"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Deleting_a_cable_frees_its_interfaces()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (_, cable) = await sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(37, 110));

        var (status, _) = await sim.SendAsync(HttpMethod.Delete, $"/api/dcim/cables/{cable!["id"]}/");
        var a = await sim.GetJsonAsync("/api/dcim/interfaces/37/");
        var b = await sim.GetJsonAsync("/api/dcim/interfaces/110/");
        var (again, _) = await sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(37, 110));

        Assert.Equal(204, status);
        Assert.False(a["_occupied"]!.GetValue<bool>());
        Assert.Null(a["cable"]);
        Assert.False(b["_occupied"]!.GetValue<bool>());
        Assert.Equal(201, again);
    }

    [Fact]
    public async Task A_cable_without_terminations_or_with_a_bad_status_gets_field_errors()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, body) = await sim.PostAsync("/api/dcim/cables/", new { status = "bogus" });

        Assert.Equal(400, status);
        Assert.Equal("This field is required.", body!["a_terminations"]![0]!.GetValue<string>());
        Assert.Equal("This field is required.", body["b_terminations"]![0]!.GetValue<string>());
        Assert.Equal("\"bogus\" is not a valid choice.", body["status"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Patching_a_cable_changes_only_the_given_fields()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var (_, cable) = await sim.PostAsync("/api/dcim/cables/", SimulatorFixture.Cable(37, 110));

        var (status, patched) = await sim.SendAsync(HttpMethod.Patch, $"/api/dcim/cables/{cable!["id"]}/", new { status = "connected" });

        Assert.Equal(200, status);
        Assert.Equal("connected", patched!["status"]!["value"]!.GetValue<string>());
        Assert.Equal(110, patched["b_terminations"]![0]!["object_id"]!.GetValue<int>());
    }
}
