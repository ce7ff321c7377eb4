using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Orchestrator.Api.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>Thin HTTP triggers over the shared process handlers; the Durable client comes from the Functions binding.</summary>
public sealed class ProcessFunctions(ProcessHandlers processes)
{
    [Function("ListProcesses")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes")] HttpRequest req) =>
        processes.ListAsync(req).AsAction();

    [Function("ProcessStatusCounts")]
    public Task<IActionResult> StatusCounts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes/status-counts")] HttpRequest req) =>
        processes.StatusCountsAsync(req).AsAction();

    [Function("ProcessesBySubscription")]
    public Task<IActionResult> BySubscription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes/process-subscriptions-by-subscription-id/{subscriptionId}")] HttpRequest req,
        string subscriptionId) =>
        processes.BySubscriptionAsync(req, subscriptionId).AsAction();

    [Function("ProcessCallback")]
    public Task<IActionResult> Callback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "processes/{processId}/callback/{token}")] HttpRequest req, string processId, string token,
        [DurableClient] DurableTaskClient client) =>
        processes.CallbackAsync(req, processId, token, client).AsAction();

    [Function("ResumeAllProcesses")]
    public Task<IActionResult> ResumeAll([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "processes/resume-all")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        processes.ResumeAllAsync(req, client).AsAction();

    [Function("DeleteProcess")]
    public Task<IActionResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "processes/{processId}")] HttpRequest req, string processId,
        [DurableClient] DurableTaskClient client) =>
        processes.DeleteAsync(req, processId, client).AsAction();

    [Function("StartProcess")]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "processes/{workflowKey}")] HttpRequest req, string workflowKey,
        [DurableClient] DurableTaskClient client) =>
        processes.StartAsync(req, workflowKey, client).AsAction();

    [Function("GetProcess")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes/{processId}")] HttpRequest req, string processId) =>
        processes.GetAsync(req, processId).AsAction();

    [Function("ProcessStatus")]
    public Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "processes/{processId}/status")] HttpRequest req, string processId,
        [DurableClient] DurableTaskClient client) =>
        processes.StatusAsync(req, processId, client).AsAction();

    [Function("ResumeProcess")]
    public Task<IActionResult> Resume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "processes/{processId}/resume")] HttpRequest req, string processId,
        [DurableClient] DurableTaskClient client) =>
        processes.ResumeAsync(req, processId, client).AsAction();

    [Function("AbortProcess")]
    public Task<IActionResult> Abort(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "processes/{processId}/abort")] HttpRequest req, string processId,
        [DurableClient] DurableTaskClient client) =>
        processes.AbortAsync(req, processId, client).AsAction();
}
