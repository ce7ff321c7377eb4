using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Orchestrator.Api.Http;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Claims;
using Orchestrator.Infra.Processes;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Api.Processes;

/// <summary>
/// Starting, resuming, retrying and aborting processes from HTTP. These only validate forms, write the process row and talk
/// to Durable Task; the steps themselves run in the orchestration.
/// </summary>
public sealed class ProcessCommands(
    WorkflowRegistry registry, CatalogueStore catalogue, ProcessLog log, ProcessStarter starter, EngineLockGuard engineLock,
    ProcessResumer resumer, IServiceProvider services, TimeProvider clock)
{
    public async Task<IResult> StartAsync(HttpRequest request, string workflowKey, DurableTaskClient client)
    {
        var user = AccessSeam.UserName(request.HttpContext);
        var outcome = await starter.StartAsync(
            new StartRequest(workflowKey, async () => RequestBody.Pages(await RequestBody.ReadJsonAsync(request)), user), client, request.HttpContext.RequestAborted);
        switch (outcome)
        {
            case StartOutcome.UnknownWorkflow: return ApiResults.NotFound("Workflow does not exist");
            case StartOutcome.EnginePaused: return EngineLockGuard.Paused;
            case StartOutcome.FormNotDone notDone: return FormResults.ForIncomplete(notDone.Outcome)!;
            case StartOutcome.Refused refused: return FormResults.Refused(refused.Refusal);
        }
        var processId = outcome is StartOutcome.Started started ? started.ProcessId : ((StartOutcome.AlreadyStarted)outcome).ProcessId;
        var location = ProcessLinks.Detail(request, processId);
        return ApiResults.Json(new JsonObject { ["id"] = processId.ToString(), ["statusQueryGetUri"] = ProcessLinks.Status(request, processId) },
            StatusCodes.Status201Created).WithHeader("Location", location);
    }

    public async Task<IResult> ResumeAsync(HttpRequest request, Guid processId, DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var process = await log.GetAsync(processId, ct);
        if (process is null) return ApiResults.NotFound($"Process {processId} not found");
        if (await engineLock.RefuseWhilePausedAsync(ct) is { } paused) return paused;
        var body = await RequestBody.ReadJsonAsync(request);
        if (process.LastStatus == ProcessStatus.Suspended) return await SubmitInputAsync(request, process, body, client, ct);
        if (!ProcessResumer.Retryable.Contains(process.LastStatus) || process.WaitToken is null)
            return ApiResults.Conflict($"Resuming a {process.LastStatus} workflow is not possible");

        using var _ = DurableClientAccess.Use(client);
        return await resumer.RetryAsync(process, ct) ? Results.NoContent() : AlreadyResumed(processId);
    }

    async Task<IResult> SubmitInputAsync(HttpRequest request, ProcessRecord process, JsonNode? body, DurableTaskClient client, CancellationToken ct)
    {
        var definition = registry.Required(process.WorkflowName, process.WorkflowVersion);
        if (definition.StepAt(process.CurrentIndex) is not InputStep step || process.WaitToken is null)
            return ApiResults.Conflict($"Process {process.ProcessId} is not waiting for input");
        var state = await log.GetCurrentStateAsync(process.ProcessId, ct);
        var context = new FormContext(await catalogue.GetAsync(ct), services, AccessSeam.UserName(request.HttpContext));
        var outcome = await ProcessStarter.RunFormAsync(session => step.Form(session, state, context), RequestBody.Pages(body));
        if (FormResults.ForIncomplete(outcome) is { } incomplete) return incomplete;

        var token = process.WaitToken;
        var inputId = Guid.NewGuid().ToString("N");
        await log.SaveInputAsync(process.ProcessId, inputId, [((FormOutcome.Complete)outcome).Values.DeepClone()], ct);
        if (!await resumer.MarkResumedAsync(process, ct)) return AlreadyResumed(process.ProcessId);
        await client.RaiseEventAsync(process.ProcessId.ToString(), EngineEvents.Input(token), inputId, ct);
        return Results.NoContent();
    }

    static IResult AlreadyResumed(Guid processId) =>
        ApiResults.Conflict($"Process {processId} was resumed by another request; this one changed nothing");

    /// <summary>
    /// POST /processes/{id}/callback/{token}: an external system posts the result a callback step waits for. The token works
    /// once: a wrong token is 404, a used one (or a process no longer waiting) 409.
    /// </summary>
    public async Task<IResult> CallbackAsync(HttpRequest request, Guid processId, string secret, DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var process = await log.GetAsync(processId, ct);
        if (process?.WaitToken is not { } token || !CallbackTokens.Matches(token, secret)) return ApiResults.NotFound("Unknown callback");
        if (await engineLock.RefuseWhilePausedAsync(ct) is { } paused) return paused;
        if (process.LastStatus != ProcessStatus.AwaitingCallback)
            return ApiResults.Conflict($"This callback was already used; the process is {process.LastStatus}");
        var body = await RequestBody.ReadJsonAsync(request) ?? new JsonObject();
        if (body is not JsonObject result) throw new BadInputException("body", "must be a JSON object");
        var resultKey = registry.Get(process.WorkflowName, process.WorkflowVersion)?.StepAt(process.CurrentIndex) is CallbackStep step
            ? step.ResultKey : "callback_result";
        var inputId = Guid.NewGuid().ToString("N");
        await log.SaveInputAsync(processId, inputId, [new JsonObject { [resultKey] = result.DeepClone() }], ct);
        if (!await resumer.MarkResumedAsync(process, ct)) return ApiResults.Conflict("This callback was already used");
        await client.RaiseEventAsync(processId.ToString(), EngineEvents.Input(token), inputId, ct);
        return ApiResults.Json(new JsonObject());
    }

    /// <summary>PUT /processes/resume-all: retries every parked task; one resume-all at a time (a claim, released at the end).</summary>
    public async Task<IResult> ResumeAllAsync(HttpRequest request, DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        if (await engineLock.RefuseWhilePausedAsync(ct) is { } paused) return paused;
        var claimStore = services.GetRequiredService<ClaimStore>();
        var runId = Guid.NewGuid();
        if (!(await claimStore.TryClaimAsync(ResumeAllClaim, runId, ct)).Held)
            return ApiResults.Conflict("Another resume-all is running; try again when it has finished");
        try
        {
            using var _ = DurableClientAccess.Use(client);
            var count = 0;
            foreach (var process in await resumer.FindAsync(ProcessResumer.Retryable, isTask: true, ct))
                if (await resumer.RetryAsync(process, ct)) count++;
            return ApiResults.Json(new JsonObject { ["count"] = count });
        }
        finally
        {
            await claimStore.ReleaseAsync(ResumeAllClaim, CancellationToken.None);
        }
    }

    const string ResumeAllClaim = "engine:resume-all";

    /// <summary>DELETE /processes/{id}: tasks only, as in orchestrator-core HEAD; the process log and the Durable history go.</summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, Guid processId, DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        var process = await log.GetAsync(processId, ct);
        if (process is null) return ApiResults.NotFound($"Process {processId} not found");
        if (!process.IsTask) return ApiResults.BadRequest($"Process {processId} is a workflow; only tasks can be deleted");
        if (process.LastStatus is not (ProcessStatus.Completed or ProcessStatus.Aborted))
            await client.TerminateInstanceAsync(processId.ToString(), "deleted", ct);
        await client.PurgeInstanceAsync(processId.ToString(), ct);
        await log.DeleteAsync(processId, ct);
        return Results.NoContent();
    }

    public async Task<IResult> AbortAsync(HttpRequest request, Guid processId, DurableTaskClient client)
    {
        var ct = request.HttpContext.RequestAborted;
        for (var attempt = 1; ; attempt++)
        {
            var process = await log.GetAsync(processId, ct);
            if (process is null) return ApiResults.NotFound($"Process {processId} not found");
            if (process.LastStatus is ProcessStatus.Completed or ProcessStatus.Aborted)
                return ApiResults.Conflict($"Aborting a {process.LastStatus} process is not possible");
            try
            {
                await log.UpdateAsync(process with { AbortRequested = true, LastModifiedAt = clock.GetUtcNow() }, ct);
                break;
            }
            catch (ProcessConflictException) when (attempt < 5)
            {
                await Task.Delay(20 * attempt, ct);
            }
        }
        await client.RaiseEventAsync(processId.ToString(), EngineEvents.Abort, "", ct);
        return Results.NoContent();
    }
}
