using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.NetBox.Requests;
using Orchestrator.NetBoxSimulator;
using Orchestrator.NetBoxSimulator.Faults;

namespace Orchestrator.NetBox.Tests;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task A_400_surfaces_NetBox_field_errors_in_the_exception()
    {
        await using var netbox = await NetBoxFixture.StartAsync();

        var error = await Assert.ThrowsAsync<NetBoxRequestException>(() =>
            netbox.Client.UpdateDeviceAsync(7, new DeviceUpdate { Status = "bogus" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("""{"status":["\"bogus\" is not a valid choice."]}""", error.Message);
        Assert.Contains("status", error.ResponseBody);
    }

    [Fact]
    public async Task A_503_is_transient_after_the_GET_retries_are_spent()
    {
        await using var netbox = await NetBoxFixture.StartAsync(new Dictionary<string, string?> { ["NetBox:RetryCount"] = "2" });
        netbox.Fault(new FaultSettings { Outage = true });

        var error = await Assert.ThrowsAsync<NetBoxTransientException>(() => netbox.Client.ListDevicesAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, netbox.Requests("GET /api/dcim/devices/"));
    }

    [Fact]
    public async Task A_timeout_is_transient()
    {
        await using var netbox = await NetBoxFixture.StartAsync(new Dictionary<string, string?>
        {
            ["NetBox:Timeout"] = "00:00:00.200",
            ["NetBox:RetryCount"] = "1",
        });
        netbox.Fault(new FaultSettings { LatencyMs = 2_000 });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NetBoxTransientException>(() => netbox.Client.GetDeviceAsync(7));

        Assert.Contains("timed out", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        var simulator = await NetBoxSimulatorApp.StartAsync();
        var address = simulator.BaseAddress.ToString();
        await simulator.DisposeAsync();
        await using var services = NetBoxFixture.BuildServices(address, new Dictionary<string, string?> { ["NetBox:RetryCount"] = "1" });

        await Assert.ThrowsAsync<NetBoxTransientException>(() =>
            services.GetRequiredService<INetBoxClient>().ListSitesAsync());
    }

    [Fact]
    public async Task A_wrong_token_is_a_403_request_failure()
    {
        await using var netbox = await NetBoxFixture.StartAsync(simulatorArgs: ["--NetBoxSimulator:Token=right"]);

        var error = await Assert.ThrowsAsync<NetBoxRequestException>(() => netbox.Client.ListSitesAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("Invalid token", error.Message);
    }

    [Fact]
    public async Task A_missing_url_fails_when_the_client_is_resolved()
    {
        await using var services = NetBoxFixture.BuildServices("");

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<INetBoxClient>());

        Assert.Contains("NetBox__Url", error.Message);
    }
}
