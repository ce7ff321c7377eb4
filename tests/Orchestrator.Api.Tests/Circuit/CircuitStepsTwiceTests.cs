using System.Text.Json.Nodes;
using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Workflows.Workflows.Circuit;
using static Orchestrator.Api.Tests.CircuitWorkflows.ReplayingStepContext;

namespace Orchestrator.Api.Tests.CircuitWorkflows;

/// <summary>Durable Task may run a step again after a crash: each NetBox-writing circuit step creates or removes each object once.</summary>
[Collection(CircuitCollection.Name)]
public sealed class CircuitStepsTwiceTests(CircuitHost host)
{
    [Fact]
    public async Task Reserve_IPs_create_and_update_the_cable_and_every_terminate_removal_change_NetBox_once_when_run_twice()
    {
        var (nodeA, nodeB) = await host.SharedNodesAsync();
        var (aPorts, bPorts) = await host.PortChoicesAsync(nodeA, nodeB);
        var nodes = new List<Subscription>();
        foreach (var id in new[] { nodeA, nodeB }) nodes.Add((await host.Node.Store.GetAsync(Guid.Parse(id)))!.Subscription);
        var state = new JsonObject
        {
            ["product"] = Circuit.Product.ProductId.ToString(),
            ["router_a"] = nodeA,
            ["router_b"] = nodeB,
            ["ports"] = new JsonObject { ["a_port"] = aPorts[0], ["b_port"] = bPorts[0] },
        };
        var context = new ReplayingStepContext(host.Node.Services, state, nodes);
        context.Apply(await Body(CreateCircuit.Definition, "construct_circuit_model")(context));
        var poolWrites = (await host.Node.StatsAsync("POST /api/ipam/prefixes/3/available-prefixes/")).Writes;
        var cableWrites = (await host.Node.StatsAsync("POST /api/dcim/cables/")).Writes;

        var reserve = Body(CreateCircuit.Definition, "reserve_ips_in_netbox");
        var reservedFirst = await reserve(context);
        var reserved = await reserve(context);
        context.Apply(reserved);
        var create = Body(CreateCircuit.Definition, "create_circuit_in_netbox");
        var cableFirst = await create(context);
        var cable = await create(context);
        context.Apply(cable);
        context.Apply(await Body(CreateCircuit.Definition, "set_circuit_in_service")(context));
        var update = Body(CreateCircuit.Definition, "update_circuit_in_netbox_in_service");
        var updatedFirst = await update(context);
        var updated = await update(context);

        var circuit = cable.Subscriptions.Single().Circuit();
        var cableId = circuit.CircuitId()!.Value;
        var p64 = circuit.IntValue("v6_prefix_id")!.Value;
        var p127 = circuit.IntValue("v6_p2p_prefix_id")!.Value;
        var addressIds = Enumerable.Range(0, 2).Select(side => circuit.Child("members", side).IntValue("v6_ip_address_id")!.Value).ToList();
        Assert.True(JsonNode.DeepEquals(reservedFirst.Updates["subscription"], reserved.Updates["subscription"]));
        Assert.Equal(poolWrites + 1, (await host.Node.StatsAsync("POST /api/ipam/prefixes/3/available-prefixes/")).Writes);
        Assert.Equal(1, (await host.Node.StatsAsync($"POST /api/ipam/prefixes/{p64}/available-prefixes/")).Writes);
        Assert.Equal(2, (await host.Node.StatsAsync($"POST /api/ipam/prefixes/{p127}/available-ips/")).Writes);
        var p127Prefix = (await host.NetBoxObjectAsync($"api/ipam/prefixes/{p127}/"))!["prefix"]!.GetValue<string>();
        Assert.Equal(2, (await host.NetBoxListAsync($"api/ipam/ip-addresses/?parent={Uri.EscapeDataString(p127Prefix)}")).Count);
        Assert.Equal(cableFirst.Updates["netbox_payload"]!["id"]!.GetValue<int>(), cableId);
        Assert.Equal(cableWrites + 1, (await host.Node.StatsAsync("POST /api/dcim/cables/")).Writes);
        Assert.Single(await host.NetBoxListAsync($"api/dcim/cables/?interface_id={aPorts[0]}"));
        Assert.Equal(["status"], updatedFirst.Updates["netbox_changed_fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Empty(updated.Updates["netbox_changed_fields"]!.AsArray());
        Assert.Equal((1, 1), await host.Node.StatsAsync($"PATCH /api/dcim/cables/{cableId}/"));
        Assert.Equal("connected", (await host.NetBoxObjectAsync($"api/dcim/cables/{cableId}/"))!["status"]!["value"]!.GetValue<string>());

        foreach (var key in new[] { "remove_circuit_from_netbox", "release_ip_addresses_in_netbox", "release_prefixes_in_netbox" })
        {
            var removal = Body(TerminateCircuit.Definition, key);
            await removal(context);
            await removal(context);
        }

        Assert.Null(await host.NetBoxObjectAsync($"api/dcim/cables/{cableId}/"));
        Assert.Equal(1, (await host.Node.StatsAsync($"DELETE /api/dcim/cables/{cableId}/")).Writes);
        foreach (var id in addressIds) Assert.Null(await host.NetBoxObjectAsync($"api/ipam/ip-addresses/{id}/"));
        foreach (var id in new[] { p127, p64 }) Assert.Null(await host.NetBoxObjectAsync($"api/ipam/prefixes/{id}/"));
        Assert.Contains(aPorts[0], (await host.PortChoicesAsync(nodeA, nodeB)).A);
    }
}
