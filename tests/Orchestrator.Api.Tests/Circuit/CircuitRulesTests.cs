using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra.Claims;

namespace Orchestrator.Api.Tests.CircuitWorkflows;

/// <summary>The port claim and the dependency rules between a circuit and its nodes (spec §1.5, §2.9), over HTTP.</summary>
[Collection(CircuitCollection.Name)]
public sealed class CircuitRulesTests(CircuitHost host)
{
    const string PrefixPoolWrites = "POST /api/ipam/prefixes/3/available-prefixes/";

    [Fact]
    public async Task Two_starts_choosing_one_port_at_once_make_one_process_and_the_other_is_refused_before_NetBox_is_touched()
    {
        var (nodeA, nodeB) = await host.SharedNodesAsync();
        var (aPorts, bPorts) = await host.PortChoicesAsync(nodeA, nodeB);
        var productId = await host.CircuitProductIdAsync();
        var writesBefore = (await host.Node.StatsAsync(PrefixPoolWrites)).Writes;

        var responses = await Task.WhenAll(
            host.Node.PostAsync("processes/create_circuit", CircuitHost.CreatePages(productId, nodeA, nodeB, aPorts[0], bPorts[0])),
            host.Node.PostAsync("processes/create_circuit", CircuitHost.CreatePages(productId, nodeA, nodeB, aPorts[0], bPorts[1])));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var (field, message) = await CircuitHost.RefusalAsync(Assert.Single(responses, r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal("a_port", field);
        // The loser is refused by the claim, or, when the winner's claim landed before the loser's form ran, by the choices.
        Assert.True(message.Contains("used by another circuit", StringComparison.Ordinal) || message.StartsWith("Input should be", StringComparison.Ordinal),
            $"unexpected refusal: {message}");
        var id = (await NodeWorkflows.NodeHostFixture.BodyAsync(created))["id"]!.GetValue<string>();
        await host.WaitSuspendedAsync(id);
        Assert.Equal(writesBefore + 1, (await host.Node.StatsAsync(PrefixPoolWrites)).Writes);
        var claims = host.Node.Services.GetRequiredService<ClaimStore>();
        var winnerB = await claims.GetOwnerAsync($"netbox:interface:{bPorts[0]}") is not null ? bPorts[0] : bPorts[1];
        Assert.Equal(Guid.Parse(id), await claims.GetOwnerAsync($"netbox:interface:{aPorts[0]}"));
        Assert.Null(await claims.GetOwnerAsync($"netbox:interface:{(winnerB == bPorts[0] ? bPorts[1] : bPorts[0])}"));
        var (heldA, heldB) = await host.PortChoicesAsync(nodeA, nodeB);
        Assert.DoesNotContain(aPorts[0], heldA);
        Assert.DoesNotContain(winnerB, heldB);
        using var forged = await host.Node.PostAsync("processes/create_circuit", CircuitHost.CreatePages(productId, nodeA, nodeB, aPorts[0], bPorts[2]));
        Assert.Equal("a_port", (await CircuitHost.RefusalAsync(forged)).Field);

        using var abort = await host.Node.PutAsync($"processes/{id}/abort", "");
        Assert.Equal(HttpStatusCode.NoContent, abort.StatusCode);
        await host.Node.WaitForAsync(id, "aborted");
        Assert.Null(await claims.GetOwnerAsync($"netbox:interface:{aPorts[0]}"));
        Assert.Null(await claims.GetOwnerAsync($"netbox:interface:{winnerB}"));
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task A_circuit_running_a_workflow_locks_its_nodes_a_locked_node_locks_the_circuit_and_a_used_node_cannot_be_terminated()
    {
        var (nodeA, nodeB) = await host.SharedNodesAsync();
        var circuit = await host.CreateCircuitAsync(nodeA, nodeB);

        var modify = await host.StartModifyAsync(circuit, false);
        var nodeActions = await host.Node.GetJsonAsync($"subscriptions/workflows/{nodeA}");
        using var lockedTerminate = await host.Node.PostAsync("processes/terminate_node", $$"""[{"subscription_id":"{{nodeA}}"},{}]""");
        await host.AcceptAndCompleteAsync(modify);
        var freedActions = await host.Node.GetJsonAsync($"subscriptions/workflows/{nodeA}");
        using var inUseTerminate = await host.Node.PostAsync("processes/terminate_node", $$"""[{"subscription_id":"{{nodeA}}"},{}]""");

        var terminateNode = nodeActions["terminate"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == "terminate_node")!;
        Assert.Equal("subscription.relations_not_in_sync", terminateNode["reason"]!.GetValue<string>());
        Assert.Contains(circuit, terminateNode["locked_relations"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("Related subscriptions are locked", (await CircuitHost.RefusalAsync(lockedTerminate)).Message);
        var stillInUse = freedActions["terminate"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == "terminate_node")!;
        Assert.Equal("subscription.no_modify_subscription_in_use_by_others", stillInUse["reason"]!.GetValue<string>());
        Assert.Contains("in use by other subscriptions", (await CircuitHost.RefusalAsync(inUseTerminate)).Message);

        await host.Node.PatchDeviceAsync(10, """{"name":"loc4-core-drifted"}""");
        var validateNode = await host.Node.StartAsync("validate_node", $$"""[{"subscription_id":"{{nodeB}}"}]""");
        await host.Node.WaitForAsync(validateNode, "inconsistent_data");
        var circuitActions = await host.Node.GetJsonAsync($"subscriptions/workflows/{circuit}");
        using var lockedModify = await host.Node.PostAsync("processes/modify_circuit", $$"""[{"subscription_id":"{{circuit}}"},{"under_maintenance":true}]""");
        using var lockedCircuitTerminate = await host.Node.PostAsync("processes/terminate_circuit", $$"""[{"subscription_id":"{{circuit}}"},{}]""");
        await host.Node.PatchDeviceAsync(10, """{"name":"loc4-core"}""");
        using var resumed = await host.Node.PutAsync($"processes/{validateNode}/resume", "{}");
        await host.Node.WaitForAsync(validateNode, "completed");

        foreach (var name in new[] { "modify_circuit", "terminate_circuit" })
        {
            var target = name == "modify_circuit" ? "modify" : "terminate";
            var action = circuitActions[target]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == name)!;
            Assert.Equal("subscription.relations_not_in_sync", action["reason"]!.GetValue<string>());
            Assert.Equal([nodeB], action["locked_relations"]!.AsArray().Select(n => n!.GetValue<string>()));
        }
        Assert.Contains("Related subscriptions are locked", (await CircuitHost.RefusalAsync(lockedModify)).Message);
        Assert.Contains("Related subscriptions are locked", (await CircuitHost.RefusalAsync(lockedCircuitTerminate)).Message);
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        var unlocked = await host.Node.GetJsonAsync($"subscriptions/workflows/{circuit}");
        Assert.Null(unlocked["modify"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == "modify_circuit")!["reason"]);
        Assert.Equal("completed", (await host.RunAsync("terminate_circuit", $$"""[{"subscription_id":"{{circuit}}"},{}]"""))["last_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_circuit_reports_NetBox_drift_as_inconsistent_data_and_completes_in_sync_after_NetBox_is_put_right()
    {
        var (nodeA, nodeB) = await host.SharedNodesAsync();
        var circuit = await host.CreateCircuitAsync(nodeA, nodeB);
        var model = (await host.ModelAsync(circuit))["circuit"]!;
        var cable = $"api/dcim/cables/{model["circuit_id"]}/";
        var description = model["circuit_description"]!.GetValue<string>();
        var portA = model["members"]![0]!["port"]!["port_id"]!.GetValue<int>();
        var address = $"api/ipam/ip-addresses/{model["members"]![0]!["v6_ip_address_id"]}/";

        await host.PatchNetBoxAsync(cable, """{"status":"planned","description":"someone else's cable"}""");
        await host.PatchNetBoxAsync(address, $$"""{"assigned_object_type":"dcim.interface","assigned_object_id":{{portA + 1}}}""");
        var id = await host.Node.StartAsync("validate_circuit", $$"""[{"subscription_id":"{{circuit}}"}]""");
        var drifted = await host.Node.WaitForAsync(id, "inconsistent_data", "completed", "failed");
        var outOfSync = await host.ModelAsync(circuit);
        await host.PatchNetBoxAsync(cable, $$"""{"status":"connected","description":"{{description}}"}""");
        await host.PatchNetBoxAsync(address, $$"""{"assigned_object_type":"dcim.interface","assigned_object_id":{{portA}}}""");
        using var resumed = await host.Node.PutAsync($"processes/{id}/resume", "{}");
        var done = await host.Node.WaitForAsync(id, "completed", "inconsistent_data", "failed");

        Assert.Equal("inconsistent_data", drifted["last_status"]!.GetValue<string>());
        var reason = drifted["failed_reason"]!.GetValue<string>();
        Assert.Contains("cable status: connected ⇒ planned", reason);
        Assert.Contains($"cable description: {description} ⇒ someone else's cable", reason);
        Assert.Contains($"address A interface: {portA} ⇒ {portA + 1}", reason);
        Assert.DoesNotContain("port B", reason);
        Assert.False(outOfSync["insync"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal("completed", done["last_status"]!.GetValue<string>());
        Assert.True((await host.ModelAsync(circuit))["insync"]!.GetValue<bool>());
        Assert.Equal("completed", (await host.RunAsync("terminate_circuit", $$"""[{"subscription_id":"{{circuit}}"},{}]"""))["last_status"]!.GetValue<string>());
    }
}
