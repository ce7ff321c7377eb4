using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Api.Processes;

namespace Orchestrator.Api.Handlers;

/// <summary><c>/api/processes</c>: start, resume / retry, abort, and the process log.</summary>
public sealed class ProcessHandlers(ProcessCommands commands, ProcessQueries queries, ILogger<ProcessHandlers> logger)
{
    public Task<IResult> StartAsync(HttpRequest request, string workflowKey, DurableTaskClient client) =>
        Guarded.RunAsync(() => commands.StartAsync(request, workflowKey, client), logger);

    public Task<IResult> ResumeAsync(HttpRequest request, string processId, DurableTaskClient client) =>
        Guarded.RunAsync(() => commands.ResumeAsync(request, RequestParameters.Id(processId, "process_id"), client), logger);

    public Task<IResult> AbortAsync(HttpRequest request, string processId, DurableTaskClient client) =>
        Guarded.RunAsync(() => commands.AbortAsync(request, RequestParameters.Id(processId, "process_id"), client), logger);

    public Task<IResult> CallbackAsync(HttpRequest request, string processId, string token, DurableTaskClient client) =>
        Guarded.RunAsync(() => commands.CallbackAsync(request, RequestParameters.Id(processId, "process_id"), token, client), logger);

    public Task<IResult> ResumeAllAsync(HttpRequest request, DurableTaskClient client) =>
        Guarded.RunAsync(() => commands.ResumeAllAsync(request, client), logger);

    public Task<IResult> DeleteAsync(HttpRequest request, string processId, DurableTaskClient client) =>
        Guarded.RunAsync(() => commands.DeleteAsync(request, RequestParameters.Id(processId, "process_id"), client), logger);

    public Task<IResult> GetAsync(HttpRequest request, string processId) =>
        Guarded.RunAsync(() => queries.DetailAsync(request, RequestParameters.Id(processId, "process_id")), logger);

    public Task<IResult> ListAsync(HttpRequest request) => Guarded.RunAsync(() => queries.ListAsync(request), logger);

    public Task<IResult> StatusCountsAsync(HttpRequest request) => Guarded.RunAsync(() => queries.StatusCountsAsync(request), logger);

    public Task<IResult> BySubscriptionAsync(HttpRequest request, string subscriptionId) =>
        Guarded.RunAsync(() => queries.BySubscriptionAsync(request, RequestParameters.Id(subscriptionId, "subscription_id")), logger);

    public Task<IResult> StatusAsync(HttpRequest request, string processId, DurableTaskClient client) =>
        Guarded.RunAsync(() => ProcessQueries.DurableStatusAsync(request, RequestParameters.Id(processId, "process_id").ToString(), client), logger);
}
