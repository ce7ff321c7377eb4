using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Orchestrator.Api.Http;
using Orchestrator.Api.Views;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Api.Processes;

/// <summary>The read side of processes: detail, lists, counts, and the Durable Functions status shape.</summary>
public sealed class ProcessQueries(WorkflowRegistry registry, CatalogueStore catalogue, ProcessLog log, SubscriptionStore subscriptions, IServiceProvider services)
{
    static readonly string[] FilterFields = ["status", "workflow", "workflow_name", "target", "workflow_target", "is_task", "subscription", "subscription_id", "created_by"];

    public async Task<IResult> DetailAsync(HttpRequest request, Guid processId)
    {
        var ct = request.HttpContext.RequestAborted;
        var process = await log.GetAsync(processId, ct);
        if (process is null) return ApiResults.NotFound($"Process {processId} not found");
        var steps = await log.GetStepsAsync(processId, ct);
        var state = await log.GetCurrentStateAsync(processId, ct);
        var snapshot = await catalogue.GetAsync(ct);
        var definition = registry.Get(process.WorkflowName, process.WorkflowVersion);

        var detail = ProcessViews.Summary(process);
        var related = await subscriptions.GetManyAsync(process.SubscriptionIds, ct);
        detail["subscriptions"] = new JsonArray(related.Select(s => (JsonNode)SubscriptionViews.Summary(s.Subscription, snapshot)).ToArray());
        var logged = steps.Select(s => (JsonNode)ProcessViews.Step(s));
        var pending = PendingSteps(process, steps, definition).Select(s => (JsonNode)new JsonObject
        {
            ["key"] = s.Key,
            ["name"] = s.Name,
            ["status"] = "pending",
        });
        detail["steps"] = new JsonArray(logged.Concat(pending).ToArray());
        detail["current_state"] = state;
        detail["form"] = await PendingFormAsync(process, definition, state, new FormContext(snapshot, services, AccessSeam.UserName(request.HttpContext)));
        return ApiResults.Json(detail);
    }

    static IEnumerable<Step> PendingSteps(ProcessRecord process, IReadOnlyList<StepRecord> steps, WorkflowDefinition? definition)
    {
        if (definition is null || process.LastStatus is ProcessStatus.Completed or ProcessStatus.Aborted) return [];
        var firstPending = steps.Where(s => s.Key != "abort").Select(s => s.Index + 1).DefaultIfEmpty(0).Max();
        return definition.Steps.Skip(firstPending);
    }

    static async Task<JsonNode?> PendingFormAsync(ProcessRecord process, WorkflowDefinition? definition, JsonObject state, IFormContext context)
    {
        if (process.LastStatus != ProcessStatus.Suspended || definition?.StepAt(process.CurrentIndex) is not InputStep step) return null;
        var outcome = await FormRunner.RunAsync(session => step.Form(session, state, context), []);
        return outcome is FormOutcome.NotComplete notComplete ? FormSchema.ToJsonSchema(notComplete.Page) : null;
    }

    public async Task<IResult> ListAsync(HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        var (start, end) = RequestParameters.Range(request);
        if (RequestParameters.Sort(request) is { } sort && !(sort.Field is "started_at" or "started" && sort.Descending))
            throw new BadInputException("sort", "processes are listed newest first: only 'started_at,DESC' is supported");
        var filters = RequestParameters.Filters(request, FilterFields);
        foreach (var unknown in filters.Select(g => g.Key).Where(k => !FilterFields.Contains(k)))
            throw new BadInputException("filter", $"unknown field '{unknown}'; known: {string.Join(", ", FilterFields)}");
        string? One(params string[] names) => names.SelectMany(n => filters[n]).LastOrDefault();
        var status = One("status");
        if (status is not null && !ProcessStatus.All.Contains(status))
            throw new BadInputException("status", $"'{status}' is not one of {string.Join(", ", ProcessStatus.All)}");
        var subscription = One("subscription", "subscription_id");
        var query = new ProcessQuery
        {
            Status = status,
            Workflow = One("workflow", "workflow_name"),
            Target = One("target", "workflow_target")?.ToUpperInvariant(),
            IsTask = RequestParameters.Bool(One("is_task"), "is_task"),
            SubscriptionId = subscription is null ? null : RequestParameters.Id(subscription, "subscription"),
            CreatedBy = One("created_by"),
            Take = end - start,
            ContinuationToken = RequestParameters.Single(request, "continuation_token"),
        };
        var (items, next) = await PageAsync(query, query.ContinuationToken is null ? start : 0, ct);
        var response = request.HttpContext.Response;
        response.Headers["Content-Range"] = $"processes {start}-{start + items.Count}/{(next is null ? (start + items.Count).ToString() : "*")}";
        if (next is not null) response.Headers[Handlers.SubscriptionHandlers.ContinuationHeader] = next;
        return ApiResults.Json(new JsonArray(items.Select(p => (JsonNode)ProcessViews.Summary(p)).ToArray()));
    }

    async Task<(List<ProcessRecord> Items, string? Next)> PageAsync(ProcessQuery query, int skip, CancellationToken ct)
    {
        var items = new List<ProcessRecord>();
        var token = query.ContinuationToken;
        while (true)
        {
            ProcessPage page;
            try
            {
                page = await log.ListAsync(query with { ContinuationToken = token, Take = Math.Min(1000, skip + query.Take - items.Count) }, ct);
            }
            catch (Exception e) when (token is not null && e is not OperationCanceledException)
            {
                throw new BadInputException("continuation_token", "not a token this list handed out, or not for these filters");
            }
            foreach (var item in page.Items)
            {
                if (skip > 0) { skip--; continue; }
                if (items.Count < query.Take) items.Add(item);
            }
            token = page.ContinuationToken;
            if (token is null || items.Count >= query.Take) return (items, token);
        }
    }

    public async Task<IResult> StatusCountsAsync(HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        JsonObject Counts(IReadOnlyDictionary<string, int> counts) =>
            new(counts.Where(c => c.Value > 0).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));
        return ApiResults.Json(new JsonObject
        {
            ["process_counts"] = Counts(await log.CountByStatusAsync(false, ct)),
            ["task_counts"] = Counts(await log.CountByStatusAsync(true, ct)),
        });
    }

    public async Task<IResult> BySubscriptionAsync(HttpRequest request, Guid subscriptionId)
    {
        var ct = request.HttpContext.RequestAborted;
        var page = await log.ListAsync(new ProcessQuery { SubscriptionId = subscriptionId, Take = 1000 }, ct);
        var links = page.Items.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = $"{p.ProcessId}:{subscriptionId}",
            ["process_id"] = p.ProcessId,
            ["pid"] = p.ProcessId,
            ["subscription_id"] = subscriptionId,
            ["workflow_target"] = p.WorkflowTarget,
            ["created_at"] = p.StartedAt,
            ["process"] = ProcessViews.Summary(p),
        });
        return ApiResults.Json(new JsonArray(links.ToArray()));
    }

    /// <summary>The Durable Functions status shape: 202 while the orchestration runs, 200 once it has ended.</summary>
    public static async Task<IResult> DurableStatusAsync(HttpRequest request, string instanceId, DurableTaskClient client)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        if (instance is null) return ApiResults.NotFound($"Process {instanceId} not found");
        static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
        var body = new JsonObject
        {
            ["name"] = instance.Name,
            ["instanceId"] = instance.InstanceId,
            ["runtimeStatus"] = instance.RuntimeStatus.ToString(),
            ["input"] = Parse(instance.SerializedInput),
            ["customStatus"] = Parse(instance.SerializedCustomStatus),
            ["output"] = Parse(instance.SerializedOutput),
            ["createdTime"] = instance.CreatedAt.ToString("O"),
            ["lastUpdatedTime"] = instance.LastUpdatedAt.ToString("O"),
        };
        var running = instance.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;
        return ApiResults.Json(body, running ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }
}
