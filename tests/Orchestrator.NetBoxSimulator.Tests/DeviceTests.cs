namespace Orchestrator.NetBoxSimulator.Tests;

public sealed class DeviceTests
{
    [Fact]
    public async Task Device_names_are_unique()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (duplicate, body) = await sim.PostAsync("/api/dcim/devices/", new { name = "loc1-core", site = 2, role = 1, device_type = 1 });
        var (created, device) = await sim.PostAsync("/api/dcim/devices/", new { name = "loc6-core", site = new { id = 2 }, role = 1, device_type = 1, status = "planned" });
        var (rename, renameBody) = await sim.SendAsync(HttpMethod.Patch, "/api/dcim/devices/8/", new { name = "loc1-core" });

        Assert.Equal(400, duplicate);
        Assert.NotNull(body!["name"]);
        Assert.Equal(201, created);
        Assert.Equal(12, device!["id"]!.GetValue<int>());
        Assert.Equal(2, device["site"]!["id"]!.GetValue<int>());
        Assert.Equal(400, rename);
        Assert.NotNull(renameBody!["name"]);
    }

    [Fact]
    public async Task Patch_sets_status_role_and_primary_ips_by_id()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, device) = await sim.SendAsync(HttpMethod.Patch, "/api/dcim/devices/7/", new { status = "active", role = 1, primary_ip4 = 1, primary_ip6 = 6 });
        var (foreignIp, body) = await sim.SendAsync(HttpMethod.Patch, "/api/dcim/devices/7/", new { primary_ip4 = 2 });
        var (unknownSite, siteBody) = await sim.SendAsync(HttpMethod.Patch, "/api/dcim/devices/7/", new { site = 99 });

        Assert.Equal(200, status);
        Assert.Equal("active", device!["status"]!["value"]!.GetValue<string>());
        Assert.Equal("10.0.0.1/32", device["primary_ip4"]!["address"]!.GetValue<string>());
        Assert.Equal(400, foreignIp);
        Assert.Contains("not assigned to this device", body!["primary_ip4"]![0]!.GetValue<string>());
        Assert.Equal(400, unknownSite);
        Assert.NotNull(siteBody!["site"]);
        Assert.Equal("active", (await sim.GetJsonAsync("/api/dcim/devices/7/"))["status"]!["value"]!.GetValue<string>());
    }
}
