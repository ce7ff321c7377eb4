using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Tests.NodeWorkflows;
using Orchestrator.Infra.Catalogue;

namespace Orchestrator.Api.Tests.Schedules;

/// <summary>
/// task_validate_subscriptions over HTTP against the NetBox simulator (spec §2.8): in sync, drifted in NetBox, terminated and
/// out of sync nodes are each reported as they are; drift stays visible on the subscription and in its process history.
/// </summary>
public sealed class ValidationRunTests(NodeHostFixture host) : IClassFixture<NodeHostFixture>
{
    [Fact]
    public async Task A_run_over_a_mix_reports_each_subscription_and_leaves_the_drifted_one_inconsistent_and_out_of_sync()
    {
        var created = await Task.WhenAll(host.CreateNodeAsync(7), host.CreateNodeAsync(8), host.CreateNodeAsync(9), host.CreateNodeAsync(10));
        var (inSync, drifted, terminated, outOfSync) = (created[0], created[1], created[2], created[3]);
        var terminate = await host.StartAsync("terminate_node", $$"""[{"subscription_id":"{{terminated}}"},{}]""");
        await host.WaitForAsync(terminate, "completed");
        await UnsyncAsync(Guid.Parse(outOfSync));
        await host.PatchDeviceAsync(8, """{"name":"loc2-core-renamed"}""");

        var task = await host.StartAsync("task_validate_subscriptions", "[{}]");
        var detail = await host.WaitForAsync(task, "completed", "failed");

        var state = detail["current_state"]!;
        Assert.True(detail["last_status"]!.GetValue<string>() == "completed", detail["failed_reason"]?.ToJsonString());
        Assert.Equal(2, state["validated"]!.GetValue<int>());
        Assert.Equal(1, state["in_sync"]!.GetValue<int>());
        Assert.Equal(1, state["inconsistent"]!.GetValue<int>());
        Assert.Equal(0, state["failed"]!.GetValue<int>());
        Assert.Equal(2, state["skipped"]!.GetValue<int>());
        Assert.Equal([drifted], state["inconsistent_subscription_ids"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.InRange(state["peak_concurrency"]!.GetValue<int>(), 1, 10);

        var driftedModel = await host.GetJsonAsync($"subscriptions/domain-model/{drifted}");
        Assert.False(driftedModel["insync"]!.GetValue<bool>());
        Assert.Equal("inconsistent_data", driftedModel["last_validation"]!["status"]!.GetValue<string>());
        var history = (await host.GetJsonAsync($"processes/?subscription={drifted}&target=VALIDATE")).AsArray();
        Assert.Equal("inconsistent_data", Assert.Single(history)!["last_status"]!.GetValue<string>());
        Assert.Empty((await host.GetJsonAsync($"processes/?subscription={terminated}&target=VALIDATE")).AsArray());

        var list = (await host.GetJsonAsync("subscriptions/?range=0,50")).AsArray().ToDictionary(s => s!["subscription_id"]!.GetValue<string>());
        Assert.Equal("completed", list[inSync]!["last_validation"]!["status"]!.GetValue<string>());
        Assert.Equal("inconsistent_data", list[drifted]!["last_validation"]!["status"]!.GetValue<string>());
        Assert.Null(list[outOfSync]!["last_validation"]);
        Assert.True((await host.GetJsonAsync($"subscriptions/domain-model/{inSync}"))["insync"]!.GetValue<bool>());
        var drift = (await host.GetJsonAsync("subscriptions/?insync=false")).AsArray().Select(s => s!["subscription_id"]!.GetValue<string>()).ToList();
        Assert.Contains(drifted, drift);
        Assert.Contains(outOfSync, drift);
        Assert.DoesNotContain(inSync, drift);
    }

    async Task UnsyncAsync(Guid subscriptionId)
    {
        var stored = (await host.Store.GetAsync(subscriptionId))!;
        var snapshot = await host.Services.GetRequiredService<CatalogueStore>().GetAsync();
        stored.Subscription.Lock(Guid.NewGuid());
        await host.Store.ReplaceAsync(stored.Subscription, snapshot.ProductById(stored.Subscription.ProductId)!, stored.ETag);
    }
}
