using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Workflows.Workflows.Tasks.Validation;

/// <summary>The I/O of a validation run, one method per activity: list a batch, start children, wait for some, report back.</summary>
public sealed class ValidationRun(
    SubscriptionStore subscriptions, CatalogueStore catalogue, WorkflowRegistry registry, ProcessStarter starter, ProcessLog log,
    ProcessResumer resumer, DurableClientAccess durable)
{
    public const string ResultKey = "validation_summary";
    /// <summary>
    /// How often the running children's rows are read while waiting. A validation takes seconds; every poll reads one row per
    /// running child from the same storage the children write to, so polling faster only slows the children down.
    /// </summary>
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    static readonly TimeSpan FinishPollInterval = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    static readonly HashSet<string> Done =
    [
        ProcessStatus.Completed, ProcessStatus.InconsistentData, ProcessStatus.Failed, ProcessStatus.ApiUnavailable,
        ProcessStatus.Waiting, ProcessStatus.Aborted,
    ];

    /// <summary>A page of subscriptions; active, in-sync ones whose product has a validate workflow are candidates.</summary>
    public async Task<ValidationBatch> ListAsync(ValidationBatchRequest request, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var page = await subscriptions.QueryAsync(new SubscriptionQuery
        {
            Take = request.BatchSize, ContinuationToken = request.ContinuationToken, SortField = "subscription_id", Descending = false,
        }, ct);
        var candidates = new List<ValidationCandidate>();
        foreach (var stored in page.Items)
        {
            var subscription = stored.Subscription;
            if (subscription.Status == SubscriptionLifecycle.Active && subscription.Insync && ValidateWorkflow(snapshot, subscription) is { } workflow)
                candidates.Add(new ValidationCandidate(subscription.SubscriptionId, workflow));
        }
        return new ValidationBatch(candidates, page.Items.Count - candidates.Count, page.Items.Count == 0 ? null : page.ContinuationToken);
    }

    string? ValidateWorkflow(CatalogueSnapshot snapshot, Subscription subscription) =>
        snapshot.ProductById(subscription.ProductId) is { } product
            ? snapshot.WorkflowsOf(product).FirstOrDefault(w => w.Target == WorkflowTarget.Validate && registry.Latest(w.Name) is not null)?.Name
            : null;

    /// <summary>Starts each candidate's validate process under an id derived from (run, subscription): a repeat finds it.</summary>
    public async Task<List<StartedValidation>> StartAsync(StartValidationsRequest request, CancellationToken ct)
    {
        var starts = request.Candidates.Select(async candidate =>
        {
            var pages = new JsonArray(new JsonObject { ["subscription_id"] = candidate.SubscriptionId.ToString() });
            var processId = ChildId(request.RunProcessId, candidate.SubscriptionId);
            var outcome = await starter.StartAsync(new StartRequest(candidate.Workflow, () => Task.FromResult(pages), Scheduling.ScheduleTicker.User, processId),
                durable.Client, ct);
            return outcome switch
            {
                StartOutcome.Started or StartOutcome.AlreadyStarted => new StartedValidation(candidate, processId, false),
                StartOutcome.EnginePaused => new StartedValidation(candidate, null, true),
                _ => new StartedValidation(candidate, null, false),
            };
        });
        return [.. await Task.WhenAll(starts)];
    }

    public static Guid ChildId(Guid runProcessId, Guid subscriptionId) => DeterministicGuid.From($"validation:{runProcessId:N}:{subscriptionId:N}");

    /// <summary>The children that are done, as soon as one is (polling their rows), or none after a few seconds.</summary>
    public async Task<List<ValidationResult>> WaitAsync(List<ValidationChild> running, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + MaxWait;
        while (true)
        {
            var rows = await Task.WhenAll(running.Select(async child => (child, process: await log.GetAsync(child.ProcessId, ct))));
            var done = new List<ValidationResult>();
            foreach (var (child, process) in rows.Where(r => r.process is null || Done.Contains(r.process.LastStatus)))
                if (process is null || await ForgetFinishedOrchestrationAsync(process, ct))
                    done.Add(new ValidationResult(child.ProcessId, child.SubscriptionId, process?.LastStatus ?? ProcessStatus.Failed));
            if (done.Count > 0 || DateTimeOffset.UtcNow >= deadline) return done;
            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>
    /// A child that ended (completed, aborted) no longer needs its Durable history: the process log keeps its steps. Purging it
    /// keeps the task hub's history as small as the number of children running or parked, whatever the number of subscriptions
    /// (the emulator scans that table on every orchestration turn). False while the orchestration is still finishing its last
    /// turn after the row said so; the next poll purges it. A parked child (inconsistent, failed) keeps its orchestration.
    /// </summary>
    async Task<bool> ForgetFinishedOrchestrationAsync(ProcessRecord process, CancellationToken ct)
    {
        if (process.LastStatus is not (ProcessStatus.Completed or ProcessStatus.Aborted)) return true;
        var instanceId = process.ProcessId.ToString();
        var instance = await durable.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct);
        if (instance is null) return true;
        if (!instance.IsCompleted) return false;
        await durable.Client.PurgeInstanceAsync(instanceId, cancellation: ct);
        return true;
    }

    /// <summary>Posts the summary to the task's callback step, as a callback would; waits for the step to be awaiting it.</summary>
    public async Task<bool> FinishAsync(FinishValidationRequest request, CancellationToken ct)
    {
        var result = JsonSerializer.SerializeToNode(request.Summary, DomainJson.Options)!;
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var process = await log.GetAsync(request.ProcessId, ct);
            if (process is null || process.LastStatus is ProcessStatus.Completed or ProcessStatus.Aborted) return false;
            if (process is { LastStatus: ProcessStatus.AwaitingCallback, WaitToken: { } token })
            {
                var inputId = $"validation-{attempt}-{Guid.NewGuid():N}";
                await log.SaveInputAsync(request.ProcessId, inputId, [new JsonObject { [ResultKey] = result.DeepClone() }], ct);
                if (await resumer.MarkResumedAsync(process, ct))
                {
                    await durable.Client.RaiseEventAsync(request.ProcessId.ToString(), EngineEvents.Input(token), inputId, ct);
                    return true;
                }
            }
            await Task.Delay(FinishPollInterval, ct);
        }
        throw new TimeoutException($"Process {request.ProcessId} never waited for its validation summary");
    }
}
