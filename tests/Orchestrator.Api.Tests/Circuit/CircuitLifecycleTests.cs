using System.Net;
using System.Text.Json.Nodes;

namespace Orchestrator.Api.Tests.CircuitWorkflows;

/// <summary>
/// A circuit's whole life, end to end over HTTP against the NetBox simulator (spec §2.3–2.6): two new nodes, create_circuit,
/// modify_circuit into and out of maintenance, validate_circuit, terminate_circuit, and the nodes terminated afterwards.
/// </summary>
[Collection(CircuitCollection.Name)]
public sealed class CircuitLifecycleTests(CircuitHost host)
{
    [Fact]
    public async Task A_circuit_between_two_new_nodes_is_created_modified_validated_and_terminated_leaving_NetBox_clean()
    {
        var nodeA = await host.Node.CreateNodeAsync(7);
        var nodeB = await host.Node.CreateNodeAsync(8);
        var productId = await host.CircuitProductIdAsync();

        var routerPage = await host.NextPageAsync("create_circuit", $$"""[{"product":"{{productId}}"}]""");
        Assert.Equal("Circuit", routerPage["title"]!.GetValue<string>());
        Assert.Contains((nodeA, "loc1-core"), CircuitHost.Options(routerPage, "router_a"));
        Assert.Contains((nodeB, "loc2-core"), CircuitHost.Options(routerPage, "router_a"));
        var routerBPage = await host.NextPageAsync("create_circuit", $$"""[{"product":"{{productId}}"},{"router_a":"{{nodeA}}"}]""");
        Assert.DoesNotContain(nodeA, CircuitHost.Options(routerBPage, "router_b").Select(o => o.Value));
        Assert.Contains(nodeB, CircuitHost.Options(routerBPage, "router_b").Select(o => o.Value));
        var portsPage = await host.NextPageAsync("create_circuit", $$"""[{"product":"{{productId}}"},{"router_a":"{{nodeA}}"},{"router_b":"{{nodeB}}"}]""");
        Assert.Equal("Choose circuit ports", portsPage["title"]!.GetValue<string>());
        Assert.Equal("loc1-core Port (Endpoint A)", portsPage["properties"]!["a_port"]!["title"]!.GetValue<string>());
        Assert.Equal("loc2-core Port (Endpoint B)", portsPage["properties"]!["b_port"]!["title"]!.GetValue<string>());
        var aPorts = CircuitHost.Options(portsPage, "a_port");
        Assert.Equal(36, aPorts.Count);
        Assert.All(aPorts, p => Assert.StartsWith("2/1/c", p.Label));   // the 100G ports, for the product's speed 100G
        Assert.Equal(("73", "2/1/c1/1"), aPorts[0]);
        Assert.Equal(("146", "2/1/c1/1"), CircuitHost.Options(portsPage, "b_port")[0]);

        var create = await host.StartCreateAsync(nodeA, nodeB, 73, 146);
        var suspended = await host.Node.GetJsonAsync($"processes/{create}");
        Assert.Equal("Provide Config to User", suspended["step"]!.GetValue<string>());
        var configA = suspended["form"]!["properties"]!["endpoint_a_router_config"]!["default"]!.GetValue<string>();
        var configB = suspended["form"]!["properties"]!["endpoint_b_router_config"]!["default"]!.GetValue<string>();
        var done = await host.AcceptAndCompleteAsync(create);

        Assert.Equal(
            ["Start", "Construct Circuit model", "Create Process Subscription relation", "Reserve IPs in Netbox",
             "Set subscription to 'provisioning'", "Create Circuit in Netbox", "Update subscription description", "Update Circuit in Netbox",
             "Provide Config to User", "Provide Config to User", "Set Circuit in service", "Update Circuit in Netbox",
             "Set subscription to 'active'", "Unlock subscription", "Done"],
            CircuitHost.StepNames(done));
        var circuitId = done["current_state"]!["subscription_id"]!.GetValue<string>();
        var model = await host.ModelAsync(circuitId);
        var circuit = model["circuit"]!;
        var cableId = circuit["circuit_id"]!.GetValue<int>();
        Assert.Equal($"Circuit ID {cableId}: loc1-core:2/1/c1/1 <--> loc2-core:2/1/c1/1", model["description"]!.GetValue<string>());
        Assert.Equal("active", model["status"]!.GetValue<string>());
        Assert.True(model["insync"]!.GetValue<bool>());
        Assert.Equal("100G", model["speed"]!.GetValue<string>());
        Assert.Equal("connected", circuit["circuit_status"]!.GetValue<string>());
        Assert.True(circuit["under_maintenance"]!.GetValue<bool>());
        var members = circuit["members"]!.AsArray();
        var portA = members[0]!["port"]!;
        Assert.Equal(73, portA["port_id"]!.GetValue<int>());
        Assert.Equal("Circuit Connection to loc2-core port 2/1/c1/1", portA["port_description"]!.GetValue<string>());
        Assert.Equal("Circuit Connection to loc1-core port 2/1/c1/1", members[1]!["port"]!["port_description"]!.GetValue<string>());
        Assert.Equal(nodeA, portA["node"]!["owner_subscription_id"]!.GetValue<string>());
        Assert.Equal("loc1-core", portA["node"]!["node_name"]!.GetValue<string>());
        Assert.Contains(circuitId, portA["node"]!["in_use_by_relations"]!.AsArray().Select(r => r!["subscription_id"]!.GetValue<string>()));
        Assert.Equal(nodeB, members[1]!["port"]!["node"]!["owner_subscription_id"]!.GetValue<string>());
        var addressA = members[0]!["v6_ip_address"]!.GetValue<string>();
        Assert.Contains("interface 2/1/c1/1", configA);
        Assert.Contains("description Circuit Connection to loc2-core port 2/1/c1/1", configA);
        Assert.Contains($"ipv6 address {addressA}", configA);
        Assert.Contains("metric 15000000", configA);
        Assert.Contains($"ipv6 address {members[1]!["v6_ip_address"]}", configB);

        var cable = (await host.NetBoxObjectAsync($"api/dcim/cables/{cableId}/"))!;
        Assert.Equal("connected", cable["status"]!["value"]!.GetValue<string>());
        Assert.Equal("loc1-core:2/1/c1/1 <--> loc2-core:2/1/c1/1", cable["description"]!.GetValue<string>());
        Assert.Equal(73, cable["a_terminations"]![0]!["object_id"]!.GetValue<int>());
        Assert.Equal(146, cable["b_terminations"]![0]!["object_id"]!.GetValue<int>());
        var addressIds = members.Select(m => m!["v6_ip_address_id"]!.GetValue<int>()).ToList();
        var prefixIds = new[] { circuit["v6_p2p_prefix_id"]!.GetValue<int>(), circuit["v6_prefix_id"]!.GetValue<int>() };
        var ipA = (await host.NetBoxObjectAsync($"api/ipam/ip-addresses/{addressIds[0]}/"))!;
        Assert.Equal(addressA, ipA["address"]!.GetValue<string>());
        Assert.Equal(73, ipA["assigned_object_id"]!.GetValue<int>());
        Assert.EndsWith("/127", (await host.NetBoxObjectAsync($"api/ipam/prefixes/{prefixIds[0]}/"))!["prefix"]!.GetValue<string>());
        Assert.EndsWith("/64", (await host.NetBoxObjectAsync($"api/ipam/prefixes/{prefixIds[1]}/"))!["prefix"]!.GetValue<string>());

        Assert.Equal([circuitId], CircuitHost.Ids(await host.Node.GetJsonAsync($"subscriptions/in_use_by/{nodeA}")));
        Assert.Equal(new[] { nodeA, nodeB }.Order(), CircuitHost.Ids(await host.Node.GetJsonAsync($"subscriptions/depends_on/{circuitId}")).Order());
        var nodeModel = await host.ModelAsync(nodeA);
        Assert.Contains(circuitId, nodeModel["node"]!["in_use_by_relations"]!.AsArray().Select(r => r!["subscription_id"]!.GetValue<string>()));
        using var nodeInUse = await host.Node.PostAsync("processes/terminate_node", $$"""[{"subscription_id":"{{nodeA}}"},{}]""");
        Assert.Contains("in use by other subscriptions", (await CircuitHost.RefusalAsync(nodeInUse)).Message);
        Assert.DoesNotContain(73, (await host.PortChoicesAsync(nodeA, nodeB)).A);

        var maintenancePage = await host.NextPageAsync("modify_circuit", $$"""[{"subscription_id":"{{circuitId}}"}]""");
        Assert.True(maintenancePage["properties"]!["under_maintenance"]!["default"]!.GetValue<bool>());
        var outOfMaintenance = await ModifyAsync(circuitId, false);
        Assert.Contains("metric 10\n", outOfMaintenance.Config);
        Assert.Equal(
            ["Start", "Create Process Subscription relation", "Lock subscription", "Set subscription to 'provisioning'", "Modify",
             "Provide Config to User", "Provide Config to User", "Set subscription to 'active'", "Unlock subscription", "Done"],
            CircuitHost.StepNames(outOfMaintenance.Done));
        Assert.False(ModifyDelta(outOfMaintenance.Done));
        Assert.False((await host.ModelAsync(circuitId))["circuit"]!["under_maintenance"]!.GetValue<bool>());
        var intoMaintenance = await ModifyAsync(circuitId, true);
        Assert.Contains("metric 15000000\n", intoMaintenance.Config);
        Assert.True(ModifyDelta(intoMaintenance.Done));

        var validated = await host.RunAsync("validate_circuit", $$"""[{"subscription_id":"{{circuitId}}"}]""");
        Assert.Equal("completed", validated["last_status"]!.GetValue<string>());
        Assert.True((await host.ModelAsync(circuitId))["insync"]!.GetValue<bool>());

        var confirmation = await host.NextPageAsync("terminate_circuit", $$"""[{"subscription_id":"{{circuitId}}"}]""");
        Assert.Contains($"Circuit ID {cableId}", confirmation["properties"]!["termination_label"]!["default"]!.GetValue<string>());
        var terminated = await host.RunAsync("terminate_circuit", $$"""[{"subscription_id":"{{circuitId}}"},{}]""");

        Assert.Equal("completed", terminated["last_status"]!.GetValue<string>());
        Assert.Equal(
            ["Start", "Create Process Subscription relation", "Lock subscription", "Remove circuit from Netbox", "Release IP addresses in Netbox",
             "Release prefixes in Netbox", "Release port claims", "Set subscription to 'terminated'", "Unlock subscription", "Done"],
            CircuitHost.StepNames(terminated));
        var ended = await host.ModelAsync(circuitId);
        Assert.Equal("terminated", ended["status"]!.GetValue<string>());
        Assert.NotNull(ended["end_date"]);
        Assert.Null(await host.NetBoxObjectAsync($"api/dcim/cables/{cableId}/"));
        foreach (var id in addressIds) Assert.Null(await host.NetBoxObjectAsync($"api/ipam/ip-addresses/{id}/"));
        foreach (var id in prefixIds) Assert.Null(await host.NetBoxObjectAsync($"api/ipam/prefixes/{id}/"));
        Assert.Empty(await host.NetBoxListAsync("api/dcim/cables/?device_id=7"));
        Assert.Empty(await host.NetBoxListAsync($"api/ipam/ip-addresses/?address={Uri.EscapeDataString(addressA)}"));
        Assert.False((await host.NetBoxObjectAsync("api/dcim/interfaces/73/"))!["_occupied"]!.GetValue<bool>());
        var (freeA, freeB) = await host.PortChoicesAsync(nodeA, nodeB);
        Assert.Contains(73, freeA);
        Assert.Contains(146, freeB);

        foreach (var node in new[] { nodeA, nodeB })
            Assert.Equal("completed", (await host.RunAsync("terminate_node", $$"""[{"subscription_id":"{{node}}"},{}]"""))["last_status"]!.GetValue<string>());
    }

    async Task<(string Config, JsonNode Done)> ModifyAsync(string circuitId, bool underMaintenance)
    {
        var id = await host.StartModifyAsync(circuitId, underMaintenance);
        var suspended = await host.Node.GetJsonAsync($"processes/{id}");
        var config = suspended["form"]!["properties"]!["endpoint_a_router_config"]!["default"]!.GetValue<string>();
        return (config, await host.AcceptAndCompleteAsync(id));
    }

    /// <summary>under_maintenance as the Modify step's state_delta shows it (the subscription it saved).</summary>
    static bool ModifyDelta(JsonNode detail)
    {
        var step = detail["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Modify")!;
        return step["state_delta"]!["subscription"]!["blocks"]!["circuit"]!["values"]!["under_maintenance"]!.GetValue<bool>();
    }
}
