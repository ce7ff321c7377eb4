using Orchestrator.NetBox.Requests;
using Orchestrator.NetBoxSimulator.Faults;

namespace Orchestrator.NetBox.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task A_GET_is_retried_through_transient_503s()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        netbox.Fault(new FaultSettings { FailNextRequests = 2 });

        var device = await netbox.Client.GetDeviceAsync(7);

        Assert.Equal("loc1-core", device!.Name);
        Assert.Equal(3, netbox.Requests("GET /api/dcim/devices/7/"));
    }

    [Fact]
    public async Task GETs_succeed_under_a_share_of_503s()
    {
        await using var netbox = await NetBoxFixture.StartAsync(new Dictionary<string, string?> { ["NetBox:RetryCount"] = "8" });
        netbox.Fault(new FaultSettings { ErrorRate503 = 0.3 });

        var devices = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => netbox.Client.GetDeviceAsync(9)));

        Assert.All(devices, d => Assert.Equal("loc3-core", d!.Name));
        Assert.True(netbox.Requests("GET /api/dcim/devices/9/") > 30, "some requests should have been answered 503 and retried");
    }

    [Fact]
    public async Task A_PATCH_is_never_re_sent_by_the_HTTP_layer()
    {
        await using var netbox = await NetBoxFixture.StartAsync();
        netbox.Fault(new FaultSettings { FailNextRequests = 1 });

        await Assert.ThrowsAsync<NetBoxTransientException>(() =>
            netbox.Client.UpdateDeviceAsync(7, new DeviceUpdate { Status = "active" }));

        Assert.Equal(1, netbox.Requests("PATCH /api/dcim/devices/7/"));
        Assert.Equal(0, netbox.Writes("PATCH /api/dcim/devices/7/"));
        Assert.Equal("planned", (await netbox.Client.GetDeviceAsync(7))!.Status!.Value);
    }
}
