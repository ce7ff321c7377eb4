using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Api.Handlers;

namespace Orchestrator.Functions.Http;

public sealed class ScheduleFunctions(ScheduleHandlers schedules)
{
    [Function("ListSchedules")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schedules")] HttpRequest req) =>
        schedules.ListAsync(req).AsAction();

    [Function("CreateSchedule")]
    public Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "schedules")] HttpRequest req) =>
        schedules.CreateAsync(req).AsAction();

    [Function("UpdateSchedule")]
    public Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "schedules/{scheduleId}")] HttpRequest req, string scheduleId) =>
        schedules.UpdateAsync(req, scheduleId).AsAction();

    [Function("DeleteSchedule")]
    public Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "schedules/{scheduleId}")] HttpRequest req, string scheduleId) =>
        schedules.DeleteAsync(req, scheduleId).AsAction();
}
