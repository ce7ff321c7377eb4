using System.Net;
using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Api.Tests.NodeWorkflows;

/// <summary>The Node workflows when NetBox fails or drifts: api_unavailable and resume, a dropped PATCH, validate_node's drift.</summary>
public sealed class NodeNetBoxFaultTests(NodeHostFixture host) : IClassFixture<NodeHostFixture>
{
    [Fact]
    public async Task A_503_during_the_update_parks_the_process_as_api_unavailable_and_resume_completes_with_one_patch()
    {
        var id = await host.StartCreateAsync(7);
        await host.FaultAsync("""{"fail_next_writes":4}""");
        await host.AcceptConfigAsync(id);

        var parked = await host.WaitForAsync(id, "api_unavailable", "completed", "failed");
        var (triedPatches, appliedWhileDown) = await host.StatsAsync("PATCH /api/dcim/devices/7/");
        await host.FaultAsync("{}");
        using var resumed = await host.PutAsync($"processes/{id}/resume", "{}");
        var done = await host.WaitForAsync(id, "completed", "failed", "api_unavailable");

        Assert.Equal("api_unavailable", parked["last_status"]!.GetValue<string>());
        Assert.Equal("Update Node in Netbox", parked["last_step"]!.GetValue<string>());
        Assert.Contains("503", parked["failed_reason"]!.GetValue<string>());
        Assert.Equal(4, triedPatches);
        Assert.Equal(0, appliedWhileDown);
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal("completed", done["last_status"]!.GetValue<string>());
        Assert.Equal(1, (await host.StatsAsync("PATCH /api/dcim/devices/7/")).Writes);
        Assert.Equal("active", (await host.DeviceAsync(7))["status"]!["value"]!.GetValue<string>());
        var model = await host.GetJsonAsync($"subscriptions/domain-model/{done["current_state"]!["subscription_id"]}");
        Assert.Equal("active", model["status"]!.GetValue<string>());
        Assert.True(model["insync"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_connection_dropped_after_NetBox_applied_the_patch_is_found_applied_on_the_retry()
    {
        var id = await host.StartCreateAsync(8);
        await host.FaultAsync("""{"drop_after_write_count":1}""");
        await host.AcceptConfigAsync(id);

        var done = await host.WaitForAsync(id, "completed", "failed", "api_unavailable");
        var faults = await host.GetJsonAsync(host.NetBox, "__admin/faults");
        var (requests, writes) = await host.StatsAsync("PATCH /api/dcim/devices/8/");
        var (deviceReads, _) = await host.StatsAsync("GET /api/dcim/devices/8/");

        Assert.Equal("completed", done["last_status"]!.GetValue<string>());
        Assert.Equal(0, faults["drop_after_write_count"]!.GetValue<int>());
        Assert.Equal(1, requests);
        Assert.Equal(1, writes);
        Assert.Equal(3, deviceReads); // Fetch Detailed IP information, then Update Node in Netbox twice: the retry read it back
        Assert.Empty(done["current_state"]!["netbox_changed_fields"]!.AsArray());
        Assert.Equal("active", (await host.DeviceAsync(8))["status"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_node_reports_drift_as_inconsistent_data_and_completes_in_sync_after_NetBox_is_put_right()
    {
        var subscriptionId = await host.CreateNodeAsync(9);
        var clean = await host.StartAsync("validate_node", $$"""[{"subscription_id":"{{subscriptionId}}"}]""");
        Assert.Equal("completed", (await host.WaitForAsync(clean, "completed", "inconsistent_data", "failed"))["last_status"]!.GetValue<string>());

        await host.PatchDeviceAsync(9, """{"name":"loc3-core-renamed","status":"offline"}""");
        var id = await host.StartAsync("validate_node", $$"""[{"subscription_id":"{{subscriptionId}}"}]""");
        var drifted = await host.WaitForAsync(id, "inconsistent_data", "completed", "failed");
        var outOfSync = await host.GetJsonAsync($"subscriptions/domain-model/{subscriptionId}");
        await host.PatchDeviceAsync(9, """{"name":"loc3-core","status":"active"}""");
        using var resumed = await host.PutAsync($"processes/{id}/resume", "{}");
        var done = await host.WaitForAsync(id, "completed", "inconsistent_data", "failed");

        Assert.Equal("inconsistent_data", drifted["last_status"]!.GetValue<string>());
        var reason = drifted["failed_reason"]!.GetValue<string>();
        Assert.Contains("name: loc3-core ⇒ loc3-core-renamed", reason);
        Assert.Contains("status: active ⇒ offline", reason);
        Assert.DoesNotContain("primary_ip4", reason);
        Assert.False(outOfSync["insync"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal("completed", done["last_status"]!.GetValue<string>());
        var model = await host.GetJsonAsync($"subscriptions/domain-model/{subscriptionId}");
        Assert.True(model["insync"]!.GetValue<bool>());
        Assert.Equal(SubscriptionLifecycle.Active.ToWire(), model["status"]!.GetValue<string>());
    }
}
