using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Api.Tests.NodeWorkflows;

/// <summary>create_node, terminate_node and enrolling again, end to end over HTTP against the NetBox simulator (spec §2.1).</summary>
public sealed class NodeLifecycleTests(NodeHostFixture host) : IClassFixture<NodeHostFixture>
{
    [Fact]
    public async Task Create_node_walks_its_pages_shows_the_config_completes_and_sets_the_device_active_in_NetBox()
    {
        var productId = await host.NodeProductIdAsync();
        using var page1 = await host.PostAsync("processes/create_node", "[]");
        using var page2 = await host.PostAsync("processes/create_node", $$"""[{"product":"{{productId}}"}]""");
        Assert.Equal(510, (int)page1.StatusCode);
        Assert.True((await NodeHostFixture.BodyAsync(page1))["form"]!["properties"]!.AsObject().ContainsKey("product"));
        Assert.Equal(510, (int)page2.StatusCode);
        var form = (await NodeHostFixture.BodyAsync(page2))["form"]!;
        Assert.Equal("Node", form["title"]!.GetValue<string>());
        Assert.Equal("Planned devices", form["properties"]!["select_device_choice"]!["title"]!.GetValue<string>());
        var options = form["$defs"]!.AsObject().Single().Value!["options"]!;
        Assert.Equal("loc1-core", options["7"]!.GetValue<string>());

        var id = await host.StartAsync("create_node", NodeHostFixture.CreatePages(productId, 7));
        var suspended = await host.WaitForAsync(id, "suspended");
        Assert.Equal("Provide Config to User", suspended["step"]!.GetValue<string>());
        var config = suspended["form"]!["properties"]!["node_config"]!["default"]!.GetValue<string>();
        Assert.Contains("hostname loc1-core", config);
        Assert.Contains("interface loopback 0", config);
        Assert.Contains("ip address 10.0.0.1/32", config);
        Assert.Contains("ipv6 address 2001:db8::1/128", config);
        Assert.Contains("copy running-config startup-config", config);
        using var incomplete = await host.PutAsync($"processes/{id}/resume", """[{"confirm_config_put_on_routers":"INCOMPLETE"}]""");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);

        await host.AcceptConfigAsync(id);
        var done = await host.WaitForAsync(id, "completed");

        Assert.Equal(
            ["Start", "Construct Node model", "Create Process Subscription relation", "Fetch Detailed IP information",
             "Set subscription to 'provisioning'", "Provide Config to User", "Provide Config to User", "Set Node to active",
             "Update Node in Netbox", "Set subscription to 'active'", "Unlock subscription", "Done"],
            done["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        var state = done["current_state"]!;
        Assert.Equal("active", state["netbox_payload"]!["status"]!.GetValue<string>());
        Assert.Equal(1, state["netbox_payload"]!["role"]!.GetValue<int>());
        Assert.True(state["netbox_updated"]!.GetValue<bool>());
        Assert.True(state["confirm_config_put_on_routers"]!.GetValue<bool>());
        var subscriptionId = state["subscription_id"]!.GetValue<string>();
        var model = await host.GetJsonAsync($"subscriptions/domain-model/{subscriptionId}");
        Assert.Equal("active", model["status"]!.GetValue<string>());
        Assert.True(model["insync"]!.GetValue<bool>());
        Assert.Equal("Node loc1-core", model["description"]!.GetValue<string>());
        Assert.Equal("b727dd2c-55f3-4d19-8452-a32f15b00123", model["customer_id"]!.GetValue<string>());
        var node = model["node"]!;
        Assert.Equal(7, node["node_id"]!.GetValue<int>());
        Assert.Equal("loc1-core", node["node_name"]!.GetValue<string>());
        Assert.Equal("active", node["node_status"]!.GetValue<string>());
        Assert.Equal("10.0.0.1/32", node["ipv4_loopback"]!.GetValue<string>());
        Assert.Equal("2001:db8::1/128", node["ipv6_loopback"]!.GetValue<string>());
        var device = await host.DeviceAsync(7);
        Assert.Equal("active", device["status"]!["value"]!.GetValue<string>());
        Assert.Equal("10.0.0.1/32", device["primary_ip4"]!["address"]!.GetValue<string>());
        Assert.Equal("2001:db8::1/128", device["primary_ip6"]!["address"]!.GetValue<string>());
        Assert.DoesNotContain("7", await host.DeviceChoicesAsync());

        using var terminatePage = await host.PostAsync("processes/terminate_node", $$"""[{"subscription_id":"{{subscriptionId}}"}]""");
        Assert.Equal(510, (int)terminatePage.StatusCode);
        var label = (await NodeHostFixture.BodyAsync(terminatePage))["form"]!["properties"]!["termination_label"]!["default"]!.GetValue<string>();
        Assert.Contains("loc1-core", label);
        var terminate = await host.StartAsync("terminate_node", $$"""[{"subscription_id":"{{subscriptionId}}"},{}]""");
        var terminated = await host.WaitForAsync(terminate, "completed", "failed");

        Assert.Equal("completed", terminated["last_status"]!.GetValue<string>());
        Assert.Equal(
            ["Start", "Create Process Subscription relation", "Lock subscription", "Set Node to planned in Netbox",
             "Release Node device claim", "Set subscription to 'terminated'", "Unlock subscription", "Done"],
            terminated["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal("terminated", (await host.GetJsonAsync($"subscriptions/domain-model/{subscriptionId}"))["status"]!.GetValue<string>());
        Assert.Equal("planned", (await host.DeviceAsync(7))["status"]!["value"]!.GetValue<string>());
        Assert.Contains("7", await host.DeviceChoicesAsync());

        var again = await host.CreateNodeAsync(7);
        Assert.NotEqual(subscriptionId, again);
        Assert.Equal("active", (await host.DeviceAsync(7))["status"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_device_cannot_be_enrolled_twice_at_once_by_a_forged_submit_or_while_it_is_held()
    {
        var pages = NodeHostFixture.CreatePages(await host.NodeProductIdAsync(), 8);
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => host.PostAsync("processes/create_node", pages)));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(bodies[Array.IndexOf(responses, refused)])!["validation_errors"]![0]!;
        Assert.Equal("select_device_choice", error["loc"]![0]!.GetValue<string>());
        var created = JsonNode.Parse(bodies[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Created)])!["id"]!.GetValue<string>();
        await host.WaitForAsync(created, "suspended");
        Assert.DoesNotContain("8", await host.DeviceChoicesAsync());
        using var forged = await host.PostAsync("processes/create_node", pages);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        await host.AcceptConfigAsync(created);
        await host.WaitForAsync(created, "completed");
        var nodes = await host.GetJsonAsync("subscriptions");
        Assert.Single(nodes.AsArray(), s => s!["description"]!.GetValue<string>() == "Node loc2-core");
        using var afterwards = await host.PostAsync("processes/create_node", pages);
        Assert.Equal(HttpStatusCode.BadRequest, afterwards.StatusCode);
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task Terminate_node_is_refused_while_an_unterminated_circuit_uses_the_node()
    {
        var subscriptionId = Guid.Parse(await host.CreateNodeAsync(9));
        var node = (await host.Store.GetAsync(subscriptionId))!.Subscription;
        var circuit = Samples.CircuitBetween(node, Samples.ActiveNode("loc5-core", 11));
        await host.Store.CreateAsync(circuit, Samples.Snapshot.ProductById(circuit.ProductId)!);

        using var refused = await host.PostAsync("processes/terminate_node", $$"""[{"subscription_id":"{{subscriptionId}}"},{}]""");
        var workflows = await host.GetJsonAsync($"subscriptions/workflows/{subscriptionId}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await NodeHostFixture.BodyAsync(refused))["validation_errors"]![0]!["msg"]!.GetValue<string>();
        Assert.Contains("in use by other subscriptions", message);
        var terminate = workflows["terminate"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == "terminate_node")!;
        Assert.Equal("subscription.no_modify_subscription_in_use_by_others", terminate["reason"]!.GetValue<string>());
        Assert.Equal(SubscriptionLifecycle.Active, (await host.Store.GetAsync(subscriptionId))!.Subscription.Status);
        Assert.Equal("active", (await host.DeviceAsync(9))["status"]!["value"]!.GetValue<string>());
    }
}
