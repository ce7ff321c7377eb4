using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Api.Tests.Schedules;

/// <summary><c>/api/schedules</c> over HTTP (spec §3.7): create, list, change, delete; invalid triggers and unknown tasks.</summary>
public sealed class ScheduleEndpointTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_schedule_is_created_listed_changed_disabled_and_deleted()
    {
        using var created = await host.Http.PostAsync("schedules", Json(
            """{"name":"products nightly","workflow_name":"task_validate_products","trigger":"cron","trigger_kwargs":{"expression":"30 2 * * *"},"user_inputs":[{}]}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schedule = (await created.Content.ReadFromJsonAsync<JsonNode>())!;
        var id = schedule["schedule_id"]!.GetValue<string>();
        var nightly = schedule["next_run_at"]!.GetValue<DateTimeOffset>();

        var listed = (await host.GetJsonAsync("schedules")).AsArray().Single(s => s!["schedule_id"]!.GetValue<string>() == id)!;
        using var retimed = await host.Http.PutAsync($"schedules/{id}", Json("""{"trigger":"interval","trigger_kwargs":{"minutes":5}}"""));
        var changed = (await retimed.Content.ReadFromJsonAsync<JsonNode>())!;
        using var disabled = await host.Http.PutAsync($"schedules/{id}", Json("""{"enabled":false}"""));
        var off = (await disabled.Content.ReadFromJsonAsync<JsonNode>())!;
        using var deleted = await host.Http.DeleteAsync($"schedules/{id}");
        using var deletedAgain = await host.Http.DeleteAsync($"schedules/{id}");

        Assert.Equal("task_validate_products", listed["workflow_name"]!.GetValue<string>());
        Assert.Equal(2, nightly.Hour);
        Assert.Equal(30, nightly.Minute);
        Assert.Equal(HttpStatusCode.OK, retimed.StatusCode);
        Assert.Equal("interval", changed["trigger"]!.GetValue<string>());
        Assert.True(changed["next_run_at"]!.GetValue<DateTimeOffset>() <= DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(5));
        Assert.False(off["enabled"]!.GetValue<bool>());
        Assert.Null(off["next_run_at"]);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(deletedAgain, HttpStatusCode.NotFound, id);
        Assert.DoesNotContain((await host.GetJsonAsync("schedules")).AsArray(), s => s!["schedule_id"]!.GetValue<string>() == id);
    }

    [Theory]
    [InlineData("""{"workflow_name":"task_clean_up_tasks","trigger":"cron","trigger_kwargs":{"expression":"61 * * * *"}}""", "cron")]
    [InlineData("""{"workflow_name":"task_clean_up_tasks","trigger":"weekly","trigger_kwargs":{}}""", "trigger")]
    [InlineData("""{"workflow_name":"task_clean_up_tasks","trigger":"interval","trigger_kwargs":{"seconds":5}}""", "at least one minute")]
    [InlineData("""{"workflow_name":"task_clean_up_tasks","trigger":"date","trigger_kwargs":{"run_date":"tomorrow"}}""", "run_date")]
    public async Task An_invalid_trigger_is_a_400_in_the_error_format(string body, string mentions)
    {
        using var response = await host.Http.PostAsync("schedules", Json(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, mentions);
    }

    [Fact]
    public async Task An_unknown_task_is_a_404_and_so_is_changing_an_unknown_schedule()
    {
        using var unknownTask = await host.Http.PostAsync("schedules", Json(
            """{"workflow_name":"task_does_not_exist","trigger":"cron","trigger_kwargs":{"expression":"0 * * * *"}}"""));
        using var unknownSchedule = await host.Http.PutAsync($"schedules/{Guid.NewGuid()}", Json("""{"enabled":false}"""));

        await ProblemAssert.IsProblemAsync(unknownTask, HttpStatusCode.NotFound, "task_does_not_exist");
        await ProblemAssert.IsProblemAsync(unknownSchedule, HttpStatusCode.NotFound, "not found");
    }
}
