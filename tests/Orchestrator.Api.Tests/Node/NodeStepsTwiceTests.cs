using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Workflows.Node;

namespace Orchestrator.Api.Tests.NodeWorkflows;

/// <summary>Durable Task may run a step twice: each NetBox-writing step of the Node workflows changes nothing the second time.</summary>
public sealed class NodeStepsTwiceTests(NodeHostFixture host) : IClassFixture<NodeHostFixture>
{
    const string DevicePatch = "PATCH /api/dcim/devices/10/";

    [Fact]
    public async Task Update_node_in_NetBox_and_set_node_to_planned_send_their_patch_once_when_run_twice()
    {
        var node = Samples.NewSubscription(Domain.Products.ProductTypes.Node.ProductName);
        var block = node.Block("node");
        block.Set(Samples.Snapshot, "node_id", 10);
        block.Set(Samples.Snapshot, "node_name", "loc4-core");
        block.Set(Samples.Snapshot, "node_status", "active");
        block.Set(Samples.Snapshot, "ipv4_loopback", "10.0.0.4/32");
        block.Set(Samples.Snapshot, "ipv6_loopback", "2001:db8::4/128");
        var update = Body(CreateNode.Definition, "update_node_in_netbox");
        var planned = Body(TerminateNode.Definition, "set_node_to_planned_in_netbox");

        var first = await update(new FixedStepContext(host.Services, node));
        var second = await update(new FixedStepContext(host.Services, node));
        var afterUpdate = await host.StatsAsync(DevicePatch);
        var deviceActive = await host.DeviceAsync(10);
        await planned(new FixedStepContext(host.Services, node));
        await planned(new FixedStepContext(host.Services, node));
        var afterPlanned = await host.StatsAsync(DevicePatch);

        Assert.Equal(["status"], first.Updates["netbox_changed_fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Empty(second.Updates["netbox_changed_fields"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(first.Updates["netbox_payload"], second.Updates["netbox_payload"]));
        Assert.Equal((1, 1), afterUpdate);
        Assert.Equal("active", deviceActive["status"]!["value"]!.GetValue<string>());
        Assert.Equal((2, 2), afterPlanned);
        Assert.Equal("planned", (await host.DeviceAsync(10))["status"]!["value"]!.GetValue<string>());
    }

    static StepBody Body(WorkflowDefinition definition, string key) => ((ActionStep)definition.Steps.Single(s => s.Key == key)).Body;

    /// <summary>A step context that hands the step a copy of one subscription and the host's services (its NetBox client).</summary>
    sealed class FixedStepContext(IServiceProvider services, Subscription subscription) : IStepContext
    {
        public Guid ProcessId { get; } = Guid.NewGuid();
        public string WorkflowName => "test";
        public string StepKey => "test";
        public int Attempt => 1;
        public string UserName => "test";
        public JsonObject State { get; } = new() { ["subscription_id"] = subscription.SubscriptionId.ToString() };
        public CatalogueSnapshot Catalogue => Samples.Snapshot;
        public DateTimeOffset Now => Samples.Now;
        public IServiceProvider Services => services;

        public Task<Subscription> LoadSubscriptionAsync(Guid subscriptionId) => Task.FromResult(subscription);

        public Task<IReadOnlyCollection<(Guid SubscriptionId, SubscriptionLifecycle Status)>> InUseByAsync(Guid subscriptionId) =>
            Task.FromResult<IReadOnlyCollection<(Guid, SubscriptionLifecycle)>>([]);

        public string IdempotencyKey(string item = "") => $"{ProcessId:N}:{StepKey}:{item}";
    }
}
