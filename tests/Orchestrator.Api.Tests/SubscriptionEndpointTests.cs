using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Api.Tests;

public sealed class SubscriptionEndpointTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    static IEnumerable<string> Ids(JsonNode list) => list.AsArray().Select(s => s!["subscription_id"]!.GetValue<string>());

    [Fact]
    public async Task The_list_pages_with_range_and_answers_a_content_range()
    {
        using var response = await host.Http.GetAsync("subscriptions/?range=0,2&sort=subscription_id,ASC");
        var page = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        var all = await host.GetJsonAsync("subscriptions/?sort=subscription_id,ASC");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("subscriptions 0-2/4", response.Content.Headers.TryGetValues("Content-Range", out var v) ? v.Single() : response.Headers.GetValues("Content-Range").Single());
        Assert.Equal(Ids(all).Take(2), Ids(page));
        Assert.Equal(4, all.AsArray().Count);
    }

    [Fact]
    public async Task A_continuation_token_walks_the_whole_list()
    {
        var seen = new List<string>();
        string? token = null;
        for (var i = 0; i < 10; i++)
        {
            var path = "subscriptions/?range=0,1&sort=subscription_id,ASC" + (token is null ? "" : $"&continuation_token={Uri.EscapeDataString(token)}");
            using var response = await host.Http.GetAsync(path);
            seen.AddRange(Ids((await response.Content.ReadFromJsonAsync<JsonNode>())!));
            token = response.Headers.TryGetValues("X-Continuation-Token", out var values) ? values.Single() : null;
            if (token is null) break;
        }

        Assert.Equal(Ids(await host.GetJsonAsync("subscriptions/?sort=subscription_id,ASC")), seen);
    }

    [Fact]
    public async Task Filters_by_status_tag_product_insync_and_customer()
    {
        var initial = await host.GetJsonAsync("subscriptions/?filter=statuses,initial");
        var circuits = await host.GetJsonAsync("subscriptions/?filter=tags,Circuit,statuses,active");
        var nodesByProduct = await host.GetJsonAsync("subscriptions/?product=Node");
        var outOfSync = await host.GetJsonAsync("subscriptions/?insync=false");
        var activeOrInitial = await host.GetJsonAsync("subscriptions/?status=active-initial");
        var otherCustomer = await host.GetJsonAsync("subscriptions/?customer=someone-else");

        Assert.Equal([host.InitialNode.SubscriptionId.ToString()], Ids(initial));
        Assert.Equal([host.Circuit.SubscriptionId.ToString()], Ids(circuits));
        Assert.Equal(3, nodesByProduct.AsArray().Count);
        Assert.Equal([host.InitialNode.SubscriptionId.ToString()], Ids(outOfSync));
        Assert.Equal(4, activeOrInitial.AsArray().Count);
        Assert.Empty(otherCustomer.AsArray());
    }

    [Theory]
    [InlineData("subscriptions/?range=5,2", "range")]
    [InlineData("subscriptions/?range=abc", "range")]
    [InlineData("subscriptions/?sort=colour,ASC", "sort")]
    [InlineData("subscriptions/?sort=status,SIDEWAYS", "sort")]
    [InlineData("subscriptions/?filter=statuses", "filter")]
    [InlineData("subscriptions/?filter=colour,red", "filter")]
    [InlineData("subscriptions/?status=sleeping", "status")]
    [InlineData("subscriptions/?insync=maybe", "insync")]
    [InlineData("subscriptions/?continuation_token=garbage", "continuation_token")]
    [InlineData("subscriptions/domain-model/123", "subscription_id")]
    [InlineData("subscriptions/in_use_by/xyz", "subscription_id")]
    [InlineData("subscriptions/depends_on/xyz", "subscription_id")]
    public async Task Bad_list_parameters_and_ids_are_400s_naming_the_parameter(string path, string parameter)
    {
        using var response = await host.Http.GetAsync(path);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task The_domain_model_of_a_circuit_inlines_both_nodes()
    {
        var model = await host.GetJsonAsync($"subscriptions/domain-model/{host.Circuit.SubscriptionId}");

        Assert.Equal("100G", model["speed"]!.GetValue<string>());
        Assert.Equal("Circuit", model["product"]!["tag"]!.GetValue<string>());
        var a = model["circuit"]!["members"]![0]!["port"]!["node"]!;
        var b = model["circuit"]!["members"]![1]!["port"]!["node"]!;
        Assert.Equal("loc1-core", a["node_name"]!.GetValue<string>());
        Assert.Equal("loc2-core", b["node_name"]!.GetValue<string>());
        Assert.Equal(host.NodeA.SubscriptionId.ToString(), a["owner_subscription_id"]!.GetValue<string>());
        Assert.Equal("2001:db8:10::0/127", model["circuit"]!["members"]![0]!["v6_ip_address"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_domain_model_etag_answers_304_and_changes_when_a_referenced_node_changes()
    {
        var path = $"subscriptions/domain-model/{host.Circuit.SubscriptionId}";
        using var first = await host.Http.GetAsync(path);
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await host.Http.SendAsync(again);

        var node = (await host.Store.GetAsync(host.NodeB.SubscriptionId))!;
        node.Subscription.Note = $"changed {Guid.NewGuid()}";
        await host.Store.ReplaceAsync(node.Subscription, Samples.Snapshot.ProductById(node.Subscription.ProductId)!, node.ETag);
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, path);
        afterChange.Headers.IfNoneMatch.Add(etag);
        using var changed = await host.Http.SendAsync(afterChange);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task The_domain_model_of_an_unknown_subscription_is_a_404()
    {
        using var response = await host.Http.GetAsync($"subscriptions/domain-model/{Guid.NewGuid()}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not found");
    }

    [Fact]
    public async Task In_use_by_and_depends_on_answer_in_both_directions()
    {
        var usersOfA = await host.GetJsonAsync($"subscriptions/in_use_by/{host.NodeA.SubscriptionId}");
        var circuitDependsOn = await host.GetJsonAsync($"subscriptions/depends_on/{host.Circuit.SubscriptionId}");
        var activeUsers = await host.GetJsonAsync($"subscriptions/in_use_by/{host.NodeA.SubscriptionId}?filter_statuses=terminated");
        using var badStatus = await host.Http.GetAsync($"subscriptions/in_use_by/{host.NodeA.SubscriptionId}?filter_statuses=asleep");
        using var unknown = await host.Http.GetAsync($"subscriptions/depends_on/{Guid.NewGuid()}");

        Assert.Equal([host.Circuit.SubscriptionId.ToString()], Ids(usersOfA));
        Assert.Equal(new[] { host.NodeA.SubscriptionId, host.NodeB.SubscriptionId }.Select(i => i.ToString()).Order(), Ids(circuitDependsOn).Order());
        Assert.Empty(activeUsers.AsArray());
        await ProblemAssert.IsProblemAsync(badStatus, HttpStatusCode.BadRequest, "filter_statuses");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not found");
    }
}
