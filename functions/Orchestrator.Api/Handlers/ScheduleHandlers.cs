using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Schedules;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Api.Handlers;

/// <summary>
/// <c>/api/schedules</c> (spec §3.7, orchestrator-core HEAD): schedules as data. A body names the workflow
/// (<c>workflow_name</c> or <c>workflow_id</c>), a <c>trigger</c> (cron, interval, date) with its <c>trigger_kwargs</c>, the
/// <c>user_inputs</c> (form pages, default <c>[{}]</c>) and <c>enabled</c>. An invalid trigger is a 400, an unknown workflow 404.
/// </summary>
public sealed class ScheduleHandlers(ScheduleStore store, WorkflowRegistry registry, CatalogueStore catalogue, TimeProvider clock,
    ILogger<ScheduleHandlers> logger)
{
    public Task<IResult> ListAsync(HttpRequest request) => Guarded.RunAsync(async () =>
    {
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        var schedules = await store.ListAsync(request.HttpContext.RequestAborted);
        return ApiResults.Json(new JsonArray(schedules.Select(s => (JsonNode)View(s, snapshot)).ToArray()));
    }, logger);

    public Task<IResult> CreateAsync(HttpRequest request) => Guarded.RunAsync(async () =>
    {
        var ct = request.HttpContext.RequestAborted;
        var body = await ObjectBodyAsync(request);
        var snapshot = await catalogue.GetAsync(ct);
        if (Workflow(body, snapshot) is not { } workflow) return UnknownWorkflow(body);
        var now = clock.GetUtcNow();
        var schedule = new Schedule
        {
            ScheduleId = Guid.NewGuid(),
            Name = Text(body, "name") ?? workflow.Name,
            WorkflowName = workflow.Name,
            Trigger = Trigger(body, null),
            UserInputs = UserInputs(body) ?? [new JsonObject()],
            Enabled = Flag(body) ?? true,
            CreatedAt = now,
        }.Rescheduled(now);
        await store.TryAddAsync(schedule, ct);
        var stored = await store.GetAsync(schedule.ScheduleId, ct);
        return ApiResults.Json(View(stored!, snapshot), StatusCodes.Status201Created);
    }, logger);

    /// <summary>Changes what the body names; a new trigger or a change of <c>enabled</c> recomputes the next run from now.</summary>
    public Task<IResult> UpdateAsync(HttpRequest request, string scheduleId) => Guarded.RunAsync(async () =>
    {
        var id = RequestParameters.Id(scheduleId, "schedule_id");
        var ct = request.HttpContext.RequestAborted;
        var body = await ObjectBodyAsync(request);
        var snapshot = await catalogue.GetAsync(ct);
        WorkflowRegistration? workflow = null;
        if ((body["workflow_name"] ?? body["workflow_id"]) is not null && (workflow = Workflow(body, snapshot)) is null) return UnknownWorkflow(body);
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetAsync(id, ct) is not { } current) return ApiResults.NotFound($"Schedule {id} not found");
            var trigger = body["trigger"] is null && body["trigger_kwargs"] is null ? current.Trigger : Trigger(body, current.Trigger);
            var enabled = Flag(body) ?? current.Enabled;
            var changed = current with
            {
                Name = Text(body, "name") ?? current.Name,
                WorkflowName = workflow?.Name ?? current.WorkflowName,
                Trigger = trigger,
                UserInputs = UserInputs(body) ?? current.UserInputs,
                Enabled = enabled,
            };
            if (!ReferenceEquals(trigger, current.Trigger) || enabled != current.Enabled) changed = changed.Rescheduled(clock.GetUtcNow());
            if (await store.TryReplaceAsync(changed, ct) is not null) return ApiResults.Json(View((await store.GetAsync(id, ct))!, snapshot));
            if (attempt == 5) return ApiResults.Conflict($"Schedule {id} keeps changing; try again");
        }
    }, logger);

    public Task<IResult> DeleteAsync(HttpRequest request, string scheduleId) => Guarded.RunAsync(async () =>
    {
        var id = RequestParameters.Id(scheduleId, "schedule_id");
        return await store.DeleteAsync(id, request.HttpContext.RequestAborted) ? Results.NoContent() : ApiResults.NotFound($"Schedule {id} not found");
    }, logger);

    static async Task<JsonObject> ObjectBodyAsync(HttpRequest request) =>
        await RequestBody.ReadJsonAsync(request) as JsonObject ?? throw new BadInputException("body", "must be a JSON object");

    WorkflowRegistration? Workflow(JsonObject body, CatalogueSnapshot snapshot)
    {
        var registration = Text(body, "workflow_name") is { } name
            ? snapshot.Workflow(name)
            : Text(body, "workflow_id") is { } id
                ? snapshot.Workflows.FirstOrDefault(w => w.WorkflowId == RequestParameters.Id(id, "workflow_id"))
                : throw new BadInputException("workflow_name", "a schedule needs workflow_name or workflow_id");
        return registration is not null && registry.Latest(registration.Name) is not null ? registration : null;
    }

    static IResult UnknownWorkflow(JsonObject body) =>
        ApiResults.NotFound($"Workflow {Text(body, "workflow_name") ?? Text(body, "workflow_id")} does not exist");

    static ScheduleTrigger Trigger(JsonObject body, ScheduleTrigger? current)
    {
        var kind = Text(body, "trigger") ?? current?.Kind;
        if (body["trigger_kwargs"] is not (null or JsonObject)) throw new BadInputException("trigger_kwargs", "must be an object");
        var arguments = body["trigger_kwargs"] as JsonObject ?? current?.Arguments;
        try
        {
            return ScheduleTrigger.Parse(kind, arguments);
        }
        catch (InvalidTriggerException e)
        {
            throw new BadInputException("trigger", e.Message);
        }
    }

    static JsonArray? UserInputs(JsonObject body) => body["user_inputs"] switch
    {
        null => null,
        JsonArray pages when pages.All(p => p is JsonObject) => pages.DeepClone().AsArray(),
        _ => throw new BadInputException("user_inputs", "must be an array of form pages (objects)"),
    };

    static bool? Flag(JsonObject body) => body["enabled"] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<bool>(out var enabled) => enabled,
        _ => throw new BadInputException("enabled", "must be true or false"),
    };

    static string? Text(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw new BadInputException(name, "must be a string"),
    };

    static JsonObject View(Schedule s, CatalogueSnapshot snapshot) => new()
    {
        ["schedule_id"] = s.ScheduleId.ToString(),
        ["name"] = s.Name,
        ["workflow_name"] = s.WorkflowName,
        ["workflow_id"] = snapshot.Workflow(s.WorkflowName)?.WorkflowId.ToString(),
        ["trigger"] = s.Trigger.Kind,
        ["trigger_kwargs"] = s.Trigger.Arguments.DeepClone(),
        ["user_inputs"] = s.UserInputs.DeepClone(),
        ["enabled"] = s.Enabled,
        ["next_run_at"] = s.NextRunAt,
        ["last_run_at"] = s.LastRunAt,
        ["last_process_id"] = s.LastProcessId?.ToString(),
        ["created_at"] = s.CreatedAt,
    };
}
