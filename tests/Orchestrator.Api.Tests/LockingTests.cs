using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Api.Tests;

/// <summary>Locking and action gating over HTTP (spec §2.9): claims before the 201, reasons, set_in_sync, abort.</summary>
public sealed class LockingTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    const string Locking = "processes/" + TestWorkflows.LockingModify;

    Task<HttpResponseMessage> PostAsync(string path, string body) =>
        host.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    Task<HttpResponseMessage> PutAsync(string path, string body) =>
        host.Http.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    static string Page(Guid subscriptionId) => $$"""[{"subscription_id":"{{subscriptionId}}"}]""";

    async Task<string> WaitForAsync(string processId, string status)
    {
        for (var i = 0; i < 1800; i++)
        {
            var detail = await host.GetJsonAsync($"processes/{processId}");
            if (detail["last_status"]!.GetValue<string>() == status) return processId;
            await Task.Delay(50);
        }
        throw new TimeoutException($"process {processId} did not reach {status}");
    }

    async Task<string> HoldAsync(Guid subscriptionId)
    {
        using var response = await PostAsync(Locking, Page(subscriptionId));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        return await WaitForAsync(id, "suspended");
    }

    async Task ReleaseAsync(string processId)
    {
        using var response = await PutAsync($"processes/{processId}/resume", """[{"release":"ACCEPTED"}]""");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await WaitForAsync(processId, "completed");
    }

    static async Task<string> ErrorMessageAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>())!["validation_errors"]![0]!["msg"]!.GetValue<string>();

    [Fact]
    public async Task Of_concurrent_starts_on_one_subscription_exactly_one_is_accepted_every_time()
    {
        for (var round = 0; round < 5; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(Locking, Page(host.NodeA.SubscriptionId))));

            var winners = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
            Assert.Single(winners);
            foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                Assert.Equal(HttpStatusCode.BadRequest, loser.StatusCode);
                Assert.Contains("running process or task", await ErrorMessageAsync(loser));
            }
            var id = (await winners[0].Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
            await WaitForAsync(id, "suspended");
            await ReleaseAsync(id);
        }
        var node = await host.GetJsonAsync($"subscriptions/domain-model/{host.NodeA.SubscriptionId}");
        Assert.True(node["insync"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_locked_circuit_blocks_its_nodes_and_the_actions_tab_says_why()
    {
        var holder = await HoldAsync(host.Circuit.SubscriptionId);

        using var refused = await PostAsync(Locking, Page(host.NodeB.SubscriptionId));
        var actions = await host.GetJsonAsync($"subscriptions/workflows/{host.NodeB.SubscriptionId}");
        var circuitActions = await host.GetJsonAsync($"subscriptions/workflows/{host.Circuit.SubscriptionId}");
        await ReleaseAsync(holder);
        var after = await host.GetJsonAsync($"subscriptions/workflows/{host.NodeB.SubscriptionId}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Related subscriptions are locked", await ErrorMessageAsync(refused));
        var modify = actions["modify"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == TestWorkflows.LockingModify)!;
        Assert.Equal("subscription.relations_not_in_sync", modify["reason"]!.GetValue<string>());
        Assert.Equal([host.Circuit.SubscriptionId.ToString()], modify["locked_relations"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("subscription.not_in_sync", circuitActions["reason"]!.GetValue<string>());
        Assert.Null(circuitActions["modify"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == "modify_note")!["reason"]);
        Assert.Null(after["modify"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == TestWorkflows.LockingModify)!["reason"]);
    }

    [Fact]
    public async Task A_subscription_in_the_wrong_status_is_refused_with_usable_when()
    {
        using var refused = await PostAsync(Locking, Page(host.InitialNode.SubscriptionId));
        var actions = await host.GetJsonAsync($"subscriptions/workflows/{host.InitialNode.SubscriptionId}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("status initial", await ErrorMessageAsync(refused));
        var modify = actions["modify"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == TestWorkflows.LockingModify)!;
        Assert.Equal("subscription.no_modify_invalid_status", modify["reason"]!.GetValue<string>());
        Assert.Equal(["active"], modify["usable_when"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Set_in_sync_is_refused_while_a_process_holds_the_subscription_and_abort_leaves_it_out_of_sync()
    {
        var holder = await HoldAsync(host.NodeA.SubscriptionId);

        using var refused = await PutAsync($"subscriptions/{host.NodeA.SubscriptionId}/set_in_sync", "");
        using var abort = await PutAsync($"processes/{holder}/abort", "");
        await WaitForAsync(holder, "aborted");
        var afterAbort = await host.GetJsonAsync($"subscriptions/domain-model/{host.NodeA.SubscriptionId}");
        using var accepted = await PutAsync($"subscriptions/{host.NodeA.SubscriptionId}/set_in_sync", "");
        var afterSetInSync = await host.GetJsonAsync($"subscriptions/domain-model/{host.NodeA.SubscriptionId}");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity, holder);
        Assert.Equal(HttpStatusCode.NoContent, abort.StatusCode);
        Assert.False(afterAbort["insync"]!.GetValue<bool>());
        Assert.Equal(holder, afterAbort["locked_by_process_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True(afterSetInSync["insync"]!.GetValue<bool>());
    }
}
