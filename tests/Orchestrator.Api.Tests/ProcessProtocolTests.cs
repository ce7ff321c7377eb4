using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Api.Tests;

/// <summary>The multi-page form protocol and the process endpoints over real HTTP on the local host (spec §4.2, §4.3).</summary>
public sealed class ProcessProtocolTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    const string Workflow = "processes/" + TestWorkflows.TwoPages;

    Task<HttpResponseMessage> PostAsync(string path, string body) =>
        host.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    Task<HttpResponseMessage> PutAsync(string path, string body) =>
        host.Http.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    static async Task<JsonNode> BodyAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonNode>())!;

    async Task<JsonNode> WaitForAsync(string processId, string status)
    {
        for (var i = 0; i < 900; i++)
        {
            var detail = await host.GetJsonAsync($"processes/{processId}");
            var current = detail["last_status"]!.GetValue<string>();
            if (current == status) return detail;
            if (current is "failed" or "aborted" && status is not ("failed" or "aborted"))
                throw new InvalidOperationException($"process {processId} is {current}: {detail["failed_reason"]}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"process {processId} did not reach {status}");
    }

    async Task<string> StartSuspendedAsync()
    {
        using var created = await PostAsync(Workflow, """[{"name":"ada"},{"count":2,"colour":"green"}]""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await BodyAsync(created))["id"]!.GetValue<string>();
        await WaitForAsync(id, "suspended");
        return id;
    }

    [Fact]
    public async Task Each_missing_page_is_a_510_with_the_next_page_and_the_last_submit_is_a_201()
    {
        using var first = await PostAsync(Workflow, "[]");
        using var second = await PostAsync(Workflow, """[{"name":"ada"}]""");
        using var done = await PostAsync(Workflow, """[{"name":"ada"},{"count":2,"colour":"green"}]""");

        Assert.Equal(510, (int)first.StatusCode);
        var page1 = await BodyAsync(first);
        Assert.Equal("FormNotCompleteError", page1["type"]!.GetValue<string>());
        Assert.True(page1["form"]!["properties"]!.AsObject().ContainsKey("name"));
        Assert.True(page1["meta"]!["hasNext"]!.GetValue<bool>());
        Assert.Equal(510, (int)second.StatusCode);
        var page2 = await BodyAsync(second);
        Assert.Equal("Details for ada", page2["form"]!["title"]!.GetValue<string>());
        Assert.False(page2["meta"]!["hasNext"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var id = (await BodyAsync(done))["id"]!.GetValue<string>();
        Assert.EndsWith($"/api/processes/{id}", done.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_invalid_second_page_is_a_400_for_that_page_and_the_first_page_is_kept()
    {
        using var invalid = await PostAsync(Workflow, """[{"name":"ada"},{"count":"many","colour":"blue"}]""");
        using var fixedUp = await PostAsync(Workflow, """[{"name":"ada"},{"count":3,"colour":"red"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await BodyAsync(invalid);
        Assert.Equal("FormValidationError", body["type"]!.GetValue<string>());
        var fields = body["validation_errors"]!.AsArray().Select(e => e!["loc"]![0]!.GetValue<string>()).Order();
        Assert.Equal(["colour", "count"], fields);
        Assert.Equal(HttpStatusCode.Created, fixedUp.StatusCode);
        var id = (await BodyAsync(fixedUp))["id"]!.GetValue<string>();
        var detail = await WaitForAsync(id, "suspended");
        Assert.Equal("ada", detail["current_state"]!["name"]!.GetValue<string>());
        Assert.Equal(3, detail["current_state"]!["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""[{"name":42}]""", "name")]
    [InlineData("""[{"name":"ada","extra":1}]""", "extra")]
    [InlineData("""[{}]""", "name")]
    [InlineData("""[{"name":"ada"},{"count":11,"colour":"red"}]""", "count")]
    [InlineData("""["not an object"]""", "__root__")]
    public async Task Bad_pages_are_400s_naming_the_field(string body, string field)
    {
        using var response = await PostAsync(Workflow, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await BodyAsync(response))["validation_errors"]!.AsArray();
        Assert.Contains(errors, e => e!["loc"]![0]!.GetValue<string>() == field);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("\"a string\"")]
    [InlineData("[1, 2")]
    public async Task A_body_that_is_not_a_list_of_pages_is_a_400(string body)
    {
        using var response = await PostAsync(Workflow, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task Too_many_pages_and_an_unknown_workflow_are_clear_errors()
    {
        using var tooMany = await PostAsync(Workflow, """[{"name":"ada"},{"count":2,"colour":"green"},{"more":true}]""");
        using var unknown = await PostAsync("processes/no_such_workflow", "[]");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "Workflow does not exist");
    }

    [Fact]
    public async Task A_suspended_process_shows_its_form_and_pending_steps_and_resumes_with_204()
    {
        var id = await StartSuspendedAsync();
        var detail = await host.GetJsonAsync($"processes/{id}");
        var pending = detail["steps"]!.AsArray().Where(s => s!["status"]!.GetValue<string>() == "pending").Select(s => s!["name"]!.GetValue<string>());

        using var resumed = await PutAsync($"processes/{id}/resume", """[{"confirmed":"ACCEPTED"}]""");
        var completed = await WaitForAsync(id, "completed");

        Assert.Equal("accept", detail["form"]!["properties"]!["confirmed"]!["format"]!.GetValue<string>());
        Assert.Equal(["Record the order", "Done"], pending);
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Null(completed["form"]);
        Assert.Equal("ada:2:green:true", completed["current_state"]!["recorded"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_concurrent_submits_of_one_input_step_exactly_one_gets_204()
    {
        var id = await StartSuspendedAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PutAsync($"processes/{id}/resume", """[{"confirmed":"ACCEPTED"}]""")));
        await WaitForAsync(id, "completed");

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var detail = await host.GetJsonAsync($"processes/{id}");
        Assert.Single(detail["steps"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "Record the order");
    }

    [Fact]
    public async Task The_status_query_uri_answers_in_the_durable_functions_shape()
    {
        using var created = await PostAsync(Workflow, """[{"name":"bo"},{"count":1,"colour":"red"}]""");
        var createdBody = await BodyAsync(created);
        var statusUri = createdBody["statusQueryGetUri"]!.GetValue<string>();
        var id = createdBody["id"]!.GetValue<string>();
        await WaitForAsync(id, "suspended");

        using var running = await host.Http.GetAsync(statusUri);
        var webhook = new Uri(host.Http.BaseAddress!, $"/runtime/webhooks/durabletask/instances/{id}");
        using var viaWebhook = await host.Http.GetAsync(webhook);
        using var resume = await PutAsync($"processes/{id}/resume", """[{"confirmed":"ACCEPTED"}]""");
        await WaitForAsync(id, "completed");
        JsonNode? finished = null;
        for (var i = 0; i < 100 && finished?["runtimeStatus"]?.GetValue<string>() != "Completed"; i++)
        {
            await Task.Delay(100);
            finished = await BodyAsync(await host.Http.GetAsync(statusUri));
        }

        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal("Running", (await BodyAsync(running))["runtimeStatus"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, viaWebhook.StatusCode);
        Assert.Equal("Completed", finished!["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("completed", finished["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_counts_and_per_subscription_links()
    {
        var id = await StartSuspendedAsync();

        var list = (await host.GetJsonAsync("processes/?filter=status,suspended")).AsArray();
        var byWorkflow = (await host.GetJsonAsync($"processes/?workflow={TestWorkflows.TwoPages}&range=0,1")).AsArray();
        var counts = await host.GetJsonAsync("processes/status-counts");
        var bySubscription = (await host.GetJsonAsync($"processes/process-subscriptions-by-subscription-id/{Guid.NewGuid()}")).AsArray();
        using var badStatus = await host.Http.GetAsync("processes/?status=sleeping");
        using var badSort = await host.Http.GetAsync("processes/?sort=workflow_name,ASC");
        using var unknown = await host.Http.GetAsync($"processes/{Guid.NewGuid()}");
        using var malformed = await host.Http.GetAsync("processes/xyz");

        Assert.Contains(list, p => p!["process_id"]!.GetValue<string>() == id);
        Assert.All(list, p => Assert.Equal("suspended", p!["last_status"]!.GetValue<string>()));
        Assert.Single(byWorkflow);
        Assert.True(counts["task_counts"]!["suspended"]!.GetValue<int>() >= 1);
        Assert.Empty(bySubscription);
        await ProblemAssert.IsProblemAsync(badStatus, HttpStatusCode.BadRequest, "status");
        await ProblemAssert.IsProblemAsync(badSort, HttpStatusCode.BadRequest, "sort");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not found");
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, "process_id");
    }

    [Fact]
    public async Task Abort_over_http_ends_the_process_and_a_second_abort_is_a_409()
    {
        var id = await StartSuspendedAsync();

        using var abort = await PutAsync($"processes/{id}/abort", "");
        await WaitForAsync(id, "aborted");
        using var again = await PutAsync($"processes/{id}/abort", "");

        Assert.Equal(HttpStatusCode.NoContent, abort.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task task_validate_products_completes_over_http()
    {
        using var created = await PostAsync("processes/task_validate_products", "[{}]");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await BodyAsync(created))["id"]!.GetValue<string>();

        var detail = await WaitForAsync(id, "completed");

        Assert.True(detail["is_task"]!.GetValue<bool>());
        Assert.Equal("Done", detail["last_step"]!.GetValue<string>());
        Assert.Equal(9, detail["steps"]!.AsArray().Count);
    }
}
