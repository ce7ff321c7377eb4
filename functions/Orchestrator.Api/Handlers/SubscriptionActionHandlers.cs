using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Gating;

namespace Orchestrator.Api.Handlers;

/// <summary>The GUI's "Actions" tab (which workflows may run now, and why not) and the manual set-in-sync.</summary>
public sealed class SubscriptionActionHandlers(
    SubscriptionStore store, CatalogueStore catalogue, WorkflowGate gate, ProcessLog log, ILogger<SubscriptionActionHandlers> logger)
{
    public Task<IResult> WorkflowsAsync(HttpRequest request, string subscriptionId) => Guarded.RunAsync(async () =>
    {
        var id = RequestParameters.Id(subscriptionId, "subscription_id");
        var ct = request.HttpContext.RequestAborted;
        if (await store.GetAsync(id, ct) is not { } stored) return ApiResults.NotFound($"Subscription {id} not found");
        var snapshot = await catalogue.GetAsync(ct);
        var context = await gate.ContextAsync(stored, ct);
        var product = snapshot.ProductById(stored.Subscription.ProductId);
        var body = new JsonObject();
        if (!stored.Subscription.Insync)
        {
            body["reason"] = GateReason.NotInSync;
            body["locked_by_process_id"] = stored.Subscription.LockedByProcessId?.ToString();
        }
        foreach (var target in Enum.GetValues<WorkflowTarget>())
        {
            var items = new JsonArray();
            foreach (var workflow in product is null ? [] : snapshot.WorkflowsOf(product).Where(w => w.Target == target))
            {
                var item = new JsonObject { ["name"] = workflow.Name, ["description"] = workflow.Description };
                if (WorkflowGate.Check(workflow, context) is { } reason)
                {
                    item["reason"] = reason.Reason;
                    item["reason_text"] = reason.Text;
                    foreach (var (key, value) in reason.Details) item[key] = value?.DeepClone();
                }
                items.Add(item);
            }
            body[JsonSerializer.SerializeToNode(target, DomainJson.Options)!.GetValue<string>().ToLowerInvariant()] = items;
        }
        return ApiResults.Json(body);
    }, logger);

    /// <summary>Sets a subscription in sync by hand (after an abort); refused with 422 while an unfinished non-task process holds it.</summary>
    public Task<IResult> SetInSyncAsync(HttpRequest request, string subscriptionId) => Guarded.RunAsync(async () =>
    {
        var id = RequestParameters.Id(subscriptionId, "subscription_id");
        var ct = request.HttpContext.RequestAborted;
        if (await store.GetAsync(id, ct) is not { } stored) return ApiResults.NotFound($"Subscription {id} not found");
        var processes = await log.ListAsync(new ProcessQuery { SubscriptionId = id, Take = 1000 }, ct);
        var unfinished = processes.Items
            .Where(p => !p.IsTask && p.LastStatus is not (ProcessStatus.Completed or ProcessStatus.Aborted))
            .Select(p => p.ProcessId).ToList();
        if (stored.Subscription.LockedByProcessId is { } holder && !unfinished.Contains(holder)
            && await log.GetAsync(holder, ct) is { } holding && !holding.IsTask && holding.LastStatus is not (ProcessStatus.Completed or ProcessStatus.Aborted))
            unfinished.Add(holder);
        if (unfinished.Count > 0)
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity,
                $"Subscription {id} has unfinished processes: {string.Join(", ", unfinished)}; finish or abort them first");
        stored.Subscription.Unlock(null);
        var saved = await store.ReplaceAsync(stored.Subscription, (await catalogue.GetAsync(ct)).ProductById(stored.Subscription.ProductId)!, stored.ETag, ct);
        return ApiResults.Json(Views.SubscriptionViews.Summary(saved.Subscription, await catalogue.GetAsync(ct)));
    }, logger);
}
