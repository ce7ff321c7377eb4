using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Settings;
using Orchestrator.Workflows.Engine.Gating;

namespace Orchestrator.Workflows.Engine;

/// <summary>What a start asks for: the workflow, its form pages (read only once the start may go on), who starts it, and
/// optionally the process id (a schedule's occurrence or a validation run's child derive theirs, so a repeat finds it).</summary>
public sealed record StartRequest(string WorkflowKey, Func<Task<JsonArray>> Pages, string User, Guid? ProcessId = null);

public abstract record StartOutcome
{
    public sealed record Started(Guid ProcessId) : StartOutcome;
    /// <summary>A process with the requested id exists already; nothing was written.</summary>
    public sealed record AlreadyStarted(Guid ProcessId) : StartOutcome;
    public sealed record UnknownWorkflow : StartOutcome;
    public sealed record EnginePaused : StartOutcome;
    public sealed record FormNotDone(FormOutcome Outcome) : StartOutcome;
    public sealed record Refused(StartRefusal Refusal) : StartOutcome;
}

/// <summary>
/// Starts a process: runs the start form over the pages, takes the start claims, writes the process row, its initial state
/// and input, and schedules the orchestration with instance id = process id. The one path for POST /processes/{key}, the
/// schedule tick and task_validate_subscriptions. A start that fails after claiming leaves nothing behind.
/// </summary>
public sealed class ProcessStarter(
    WorkflowRegistry registry, CatalogueStore catalogue, ProcessLog log, StartClaims claims, EngineSettingsStore settings,
    IServiceProvider services, TimeProvider clock)
{
    public async Task<StartOutcome> StartAsync(StartRequest request, DurableTaskClient client, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var definition = registry.Latest(request.WorkflowKey);
        var registration = snapshot.Workflow(request.WorkflowKey);
        if (definition is null || registration is null) return new StartOutcome.UnknownWorkflow();
        if ((await settings.GetAsync(ct)).GlobalLock) return new StartOutcome.EnginePaused();
        if (request.ProcessId is { } requested && await log.GetAsync(requested, ct) is not null) return new StartOutcome.AlreadyStarted(requested);
        var pages = await request.Pages();

        var outcome = await RunFormAsync(session => definition.Form(session, new FormContext(snapshot, services, request.User)), pages);
        if (outcome is not FormOutcome.Complete complete) return new StartOutcome.FormNotDone(outcome);
        var values = complete.Values;

        var processId = request.ProcessId ?? Guid.NewGuid();
        if (await claims.ClaimAsync(definition, registration, values, processId, ct) is { } refusal) return new StartOutcome.Refused(refusal);
        try
        {
            if (!await CreateRowAsync(definition, values, pages, request.User, processId)) return new StartOutcome.AlreadyStarted(processId);
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ProcessOrchestrator),
                new ProcessInput(processId, definition.Name, definition.Version), new StartOrchestrationOptions(processId.ToString()), CancellationToken.None);
        }
        catch
        {
            // Nothing half-written stays behind: the row goes, and so do the claims, so the device or name is free again.
            try { await log.DeleteAsync(processId, CancellationToken.None); } catch (Exception) { }
            await claims.ReleaseAllAsync(definition, values, processId);
            throw;
        }
        return new StartOutcome.Started(processId);
    }

    async Task<bool> CreateRowAsync(WorkflowDefinition definition, JsonObject values, JsonArray pages, string user, Guid processId)
    {
        var state = new JsonObject
        {
            ["process_id"] = processId.ToString(),
            ["reporter"] = user,
            ["workflow_name"] = definition.Name,
            ["workflow_target"] = Target(definition.Target),
        };
        foreach (var (key, value) in values) state[key] = value?.DeepClone();
        var now = clock.GetUtcNow();
        var created = await log.CreateIfAbsentAsync(new ProcessRecord
        {
            ProcessId = processId,
            WorkflowName = definition.Name,
            WorkflowTarget = Target(definition.Target),
            IsTask = definition.IsTask,
            WorkflowVersion = definition.Version,
            LastStatus = ProcessStatus.Created,
            CreatedBy = user,
            StartedAt = now,
            LastModifiedAt = now,
            SubscriptionIds = Guid.TryParse(values["subscription_id"]?.GetValue<string>(), out var subscriptionId) ? [subscriptionId] : [],
            ProductId = Guid.TryParse(values["product"]?.GetValue<string>(), out var productId) ? productId : null,
            CustomerId = values["organisation"]?.GetValue<string>(),
        }, state, CancellationToken.None);
        if (created) await log.SaveInputAsync(processId, "initial", pages.DeepClone().AsArray(), CancellationToken.None);
        return created;
    }

    static string Target(WorkflowTarget target) =>
        System.Text.Json.JsonSerializer.SerializeToNode(target, Domain.Json.DomainJson.Options)!.GetValue<string>();

    /// <summary>
    /// Runs a form over the submitted pages. Empty pages after the last one the form asks for are ignored: orchestrator-ui
    /// posts <c>[{}]</c> to start a task that has no form.
    /// </summary>
    public static async Task<FormOutcome> RunFormAsync(FormGenerator generator, JsonArray pages)
    {
        var outcome = await FormRunner.RunAsync(generator, pages.ToList());
        if (outcome is FormOutcome.TooManyPages extra && pages.Skip(extra.Consumed).All(p => p is JsonObject { Count: 0 }))
            return await FormRunner.RunAsync(generator, pages.Take(extra.Consumed).ToList());
        return outcome;
    }
}
