using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Claims;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Settings;
using Orchestrator.Infra.Subscriptions;

namespace Orchestrator.Workflows.Engine;

/// <summary>
/// Runs one step of a process, idempotently, because Durable Task runs an activity at least once: a step already logged for
/// this (index, attempt) is reported again, not re-run; a body's result goes to the step's outbox before its subscriptions
/// are saved (stamped), so a crash between the two never applies a result twice. Every I/O of a process happens here.
/// </summary>
public sealed class StepRunner(
    ProcessLog log, WorkflowRegistry registry, SubscriptionStore subscriptions, SubscriptionWriter writer,
    CatalogueStore catalogue, ClaimStore claims, EngineSettingsStore settings, IServiceProvider services, TimeProvider clock,
    ILogger<StepRunner> logger)
{
    /// <summary>Transient failures are retried this many times (1, 2, 4 s apart) before the process parks as api_unavailable.</summary>
    public const int MaxTransientTries = 3;

    public async Task<StepOutcome> RunAsync(StepRequest request, CancellationToken ct)
    {
        var process = await log.GetAsync(request.ProcessId, ct)
            ?? throw new InvalidOperationException($"Process {request.ProcessId} has no row in the process log");
        var definition = registry.Required(process.WorkflowName, process.WorkflowVersion);
        var step = definition.StepAt(request.Index);
        if (process.LastStatus == ProcessStatus.Completed) return new(StepOutcomeKind.Completed, ProcessStatus.Completed, request.Index, step.Name);
        if (process.LastStatus == ProcessStatus.Aborted) return new(StepOutcomeKind.Aborted, ProcessStatus.Aborted, request.Index, step.Name);
        if (request.Abort || process.AbortRequested) return await AbortAsync(process, definition, request, ct);

        if (await ReplayAsync(process, definition, step, request, ct) is { } replayed) return replayed;
        if (await settings.GetAsync(ct) is { GlobalLock: true } paused) return await PauseAsync(process, step, request, paused.PauseEpoch, ct);

        var state = await log.GetCurrentStateAsync(request.ProcessId, ct);
        if (step.Condition is { } condition && !condition(state))
            return await SucceedAsync(process, definition, step, request, state, StepStatus.Skipped, ct);
        return step switch
        {
            InputStep input when request.InputId is null => await SuspendAsync(process, input, request, state, ct),
            InputStep => await MergeInputAsync(process, definition, step, request, state, ct),
            CallbackStep callback when request.CallbackTimedOut => await CallbackTimedOutAsync(process, callback, request, state, ct),
            CallbackStep callback when request.InputId is null => await AwaitCallbackAsync(process, callback, request, state, ct),
            CallbackStep => await MergeInputAsync(process, definition, step, request, state, ct),
            StepGroup group => await RunGroupAsync(process, definition, group, request, state, ct),
            ActionStep action => await RunActionAsync(process, definition, action, request, state, ct),
            _ => throw new InvalidOperationException($"Step kind {step.GetType().Name} is not supported"),
        };
    }

    /// <summary>The outcome an earlier run of this same (index, attempt) already reached, if any.</summary>
    async Task<StepOutcome?> ReplayAsync(ProcessRecord process, WorkflowDefinition definition, Step step, StepRequest request, CancellationToken ct)
    {
        if (process.WaitToken is { } token && token.StartsWith(TokenPrefix(request), StringComparison.Ordinal) && !request.CallbackTimedOut)
            return process.LastStatus switch
            {
                ProcessStatus.Suspended => new(StepOutcomeKind.Suspended, process.LastStatus, request.Index, step.Name, WaitToken: token),
                ProcessStatus.AwaitingCallback when step is CallbackStep callback =>
                    new(StepOutcomeKind.AwaitingCallback, process.LastStatus, request.Index, step.Name, WaitToken: token, TimeoutSeconds: callback.Timeout.TotalSeconds),
                _ => new(StepOutcomeKind.Parked, process.LastStatus, request.Index, step.Name, WaitToken: token),
            };
        var logged = await log.GetStepAsync(request.ProcessId, request.Index, request.Attempt, ct);
        if (logged is null || !StepStatus.IsCleared(logged.Status)) return null;
        if (logged.Status != StepStatus.Complete && request.Index + 1 < definition.Steps.Count)
            return new(StepOutcomeKind.Next, ProcessStatus.Running, request.Index, step.Name, request.Index + 1);
        // the last step was logged, but the run that logged it may have died before the process row said completed
        await UpdateProcessAsync(process, p => p with
        {
            LastStatus = ProcessStatus.Completed, LastStep = step.Name, CurrentIndex = request.Index + 1, WaitToken = null,
            FailedReason = null, Traceback = null, LastModifiedAt = clock.GetUtcNow(),
        }, ct);
        return new(StepOutcomeKind.Completed, ProcessStatus.Completed, request.Index, step.Name);
    }

    async Task<StepOutcome> RunActionAsync(ProcessRecord process, WorkflowDefinition definition, ActionStep step, StepRequest request, JsonObject state, CancellationToken ct)
    {
        var (outbox, failure) = await ApplyBodyAsync(process, step, step.Key, step.Body, request, state, StepOutbox.InputId(request.Index, request.Attempt), ct);
        if (failure is not null) return failure;
        var status = outbox.Kind == StepResultKind.Complete ? StepStatus.Complete : StepStatus.Success;
        return await SucceedAsync(process, definition, step, request, JsonMerge.Shallow(state, outbox.Updates), status, ct);
    }

    /// <summary>
    /// Runs a body once per outbox id and applies its subscriptions; on failure, the outcome FailAsync decided (logged and
    /// parked, or transient). A second run finds the outbox and only re-applies, stamped, what the first decided.
    /// </summary>
    async Task<(StepOutbox Outbox, StepOutcome? Failure)> ApplyBodyAsync(ProcessRecord process, ActionStep failingStep, string stepKey, StepBody body, StepRequest request,
        JsonObject state, string outboxId, CancellationToken ct, int subStep = 0)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var outbox = await log.GetInputAsync(request.ProcessId, outboxId, ct) is { } saved ? StepOutbox.FromJson(saved) : null;
        if (outbox is null)
        {
            var context = new StepContext(request, stepKey, process.CreatedBy, state.DeepClone().AsObject(), snapshot, clock.GetUtcNow(), services, subscriptions);
            StepResult result;
            try
            {
                result = await body(context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (null!, await FailAsync(process, failingStep, request, state, e, ct));
            }
            outbox = new StepOutbox(result.Updates, result.Kind,
                result.Subscriptions.Select(s => (s, context.ETagsRead.TryGetValue(s.SubscriptionId, out var etag) ? etag : null)).ToList());
            await log.SaveInputAsync(request.ProcessId, outboxId, outbox.ToJson(), ct);
        }
        try
        {
            var stamp = new WriteStamp(request.ProcessId, request.Index, request.Attempt * 1000 + subStep);
            foreach (var (subscription, etag) in outbox.Subscriptions)
                await writer.SaveAsync(subscription, etag, stamp, snapshot, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (outbox, await FailAsync(process, failingStep, request, state, e, ct));
        }
        return (outbox, null);
    }

    /// <summary>Runs the sub-steps from the one that was running; each sub-step's state is kept, so a retry goes on from there.</summary>
    async Task<StepOutcome> RunGroupAsync(ProcessRecord process, WorkflowDefinition definition, StepGroup group, StepRequest request, JsonObject state, CancellationToken ct)
    {
        var start = state["__step_group"]?.GetValue<string>() == group.Key ? state["__sub_step"]?.GetValue<int>() ?? 0 : 0;
        var current = state;
        for (var i = start; i < group.Steps.Count; i++)
        {
            var sub = group.Steps[i];
            var failing = sub with { Name = group.Name, IsRetryStep = sub.IsRetryStep };
            var (outbox, failure) = await ApplyBodyAsync(process, failing, $"{group.Key}.{sub.Key}", sub.Body, request,
                current, $"{StepOutbox.InputId(request.Index, request.Attempt)}-{i:D3}", ct, subStep: i);
            if (failure is not null) return failure;
            current = JsonMerge.Shallow(current, outbox.Updates);
            current["__step_group"] = group.Key;
            current["__sub_step"] = i + 1;
            await log.SetCurrentStateAsync(request.ProcessId, current, ct);
        }
        current.Remove("__step_group");
        current.Remove("__sub_step");
        return await SucceedAsync(process, definition, group, request, current, StepStatus.Success, ct);
    }

    /// <summary>Issues a one-time callback URL (only its hash is kept), runs the action with it, and waits.</summary>
    async Task<StepOutcome> AwaitCallbackAsync(ProcessRecord process, CallbackStep step, StepRequest request, JsonObject state, CancellationToken ct)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var token = TokenPrefix(request) + CallbackTokens.Hash(secret);
        var route = $"/api/processes/{request.ProcessId}/callback/{secret}";
        var withRoute = JsonMerge.Shallow(state, new JsonObject { ["callback_route"] = route });
        var action = new ActionStep(step.Key, step.Name, step.Action);
        var (outbox, failure) = await ApplyBodyAsync(process, action, step.Key, step.Action, request, withRoute, StepOutbox.InputId(request.Index, request.Attempt), ct);
        if (failure is not null) return failure;
        var waiting = JsonMerge.Shallow(state, outbox.Updates);
        waiting.Remove("callback_route");
        var now = clock.GetUtcNow();
        await log.LogStepAsync(request.ProcessId, Row(step, request, StepStatus.AwaitingCallback, waiting, process.CreatedBy, now), ct);
        await log.SetCurrentStateAsync(request.ProcessId, waiting, ct);
        await UpdateProcessAsync(process, p => p with
        {
            LastStatus = ProcessStatus.AwaitingCallback, LastStep = step.Name, CurrentIndex = request.Index, WaitToken = token, LastModifiedAt = now,
        }, ct);
        return new(StepOutcomeKind.AwaitingCallback, ProcessStatus.AwaitingCallback, request.Index, step.Name, WaitToken: token, TimeoutSeconds: step.Timeout.TotalSeconds);
    }

    async Task<StepOutcome> CallbackTimedOutAsync(ProcessRecord process, CallbackStep step, StepRequest request, JsonObject state, CancellationToken ct)
    {
        // The callback won the race with the timer: its event is waiting for the orchestration, so wait for it again.
        if (process.LastStatus != ProcessStatus.AwaitingCallback && process.WaitToken is { } token)
            return new(StepOutcomeKind.AwaitingCallback, process.LastStatus, request.Index, step.Name, WaitToken: token, TimeoutSeconds: 1);
        var error = new ProcessFailureException($"No callback arrived within {step.Timeout}; retry the step to issue a new callback URL, or abort");
        return await FailAsync(process, new ActionStep(step.Key, step.Name, step.Action), request with { CallbackTimedOut = false, Attempt = request.Attempt }, state, error, ct);
    }

    async Task<StepOutcome> SucceedAsync(ProcessRecord process, WorkflowDefinition definition, Step step, StepRequest request, JsonObject newState, string stepStatus, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await log.LogStepAsync(request.ProcessId, Row(step, request, stepStatus, newState, process.CreatedBy, now), ct);
        await log.SetCurrentStateAsync(request.ProcessId, newState, ct);
        var completed = stepStatus == StepStatus.Complete || request.Index + 1 >= definition.Steps.Count;
        var processStatus = completed ? ProcessStatus.Completed : ProcessStatus.Running;
        await UpdateProcessAsync(process, p => p with
        {
            LastStatus = processStatus, LastStep = step.Name, CurrentIndex = request.Index + 1, WaitToken = null,
            FailedReason = null, Traceback = null, LastModifiedAt = now,
        }, ct);
        return completed
            ? new(StepOutcomeKind.Completed, processStatus, request.Index, step.Name)
            : new(StepOutcomeKind.Next, processStatus, request.Index, step.Name, request.Index + 1);
    }

    async Task<StepOutcome> SuspendAsync(ProcessRecord process, InputStep step, StepRequest request, JsonObject state, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var token = NewToken(request);
        await log.LogStepAsync(request.ProcessId, Row(step, request, StepStatus.Suspend, state, process.CreatedBy, now), ct);
        await UpdateProcessAsync(process, p => p with
        {
            LastStatus = ProcessStatus.Suspended, LastStep = step.Name, Assignee = step.Assignee, CurrentIndex = request.Index,
            WaitToken = token, LastModifiedAt = now,
        }, ct);
        return new(StepOutcomeKind.Suspended, ProcessStatus.Suspended, request.Index, step.Name, WaitToken: token);
    }

    async Task<StepOutcome> MergeInputAsync(ProcessRecord process, WorkflowDefinition definition, Step step, StepRequest request, JsonObject state, CancellationToken ct)
    {
        var input = await log.GetInputAsync(request.ProcessId, request.InputId!, ct)
            ?? throw new InvalidOperationException($"Process {request.ProcessId} has no input {request.InputId}");
        var answer = input[0]?.AsObject() ?? new JsonObject();
        return await SucceedAsync(process, definition, step, request, JsonMerge.Deep(state, answer), StepStatus.Success, ct);
    }

    async Task<StepOutcome> FailAsync(ProcessRecord process, ActionStep step, StepRequest request, JsonObject state, Exception error, CancellationToken ct)
    {
        var status = FailureClassifier.StatusFor(error, step.IsRetryStep);
        if (status == ProcessStatus.ApiUnavailable && request.TransientTry < MaxTransientTries)
        {
            logger.LogWarning("Step {Step} of process {Process} met a transient error (try {Try}): {Error}", step.Name, request.ProcessId, request.TransientTry + 1, error.Message);
            return new(StepOutcomeKind.Transient, ProcessStatus.Running, request.Index, step.Name);
        }
        var now = clock.GetUtcNow();
        var token = NewToken(request);
        var failedState = JsonMerge.Shallow(state, new JsonObject { ["error"] = error.Message, ["class"] = error.GetType().Name });
        var row = Row(step, request, status == ProcessStatus.Waiting ? StepStatus.Waiting : StepStatus.Failed, failedState, process.CreatedBy, now) with
        {
            Error = error.Message,
            Traceback = error.ToString(),
        };
        await log.LogFailureAsync(request.ProcessId, row, ct);
        await UpdateProcessAsync(process, p => p with
        {
            LastStatus = status, LastStep = step.Name, CurrentIndex = request.Index, WaitToken = token, FailedReason = error.Message,
            Traceback = error.ToString(), Assignee = status == ProcessStatus.InconsistentData ? Assignees.Noc : Assignees.System, LastModifiedAt = now,
        }, ct);
        return new(StepOutcomeKind.Parked, status, request.Index, step.Name, WaitToken: token);
    }

    /// <summary>
    /// "User Aborted": the process ends and gives back what its start claimed (a device, a new name); the subscription stays
    /// out of sync, as in orchestrator-core, until someone sets it in sync.
    /// </summary>
    async Task<StepOutcome> AbortAsync(ProcessRecord process, WorkflowDefinition definition, StepRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var key in await claims.KeysOwnedByAsync(process.ProcessId, ct)) await claims.ReleaseAsync(key, ct);
        var state = await log.GetCurrentStateAsync(request.ProcessId, ct);
        var row = new StepRecord
        {
            StepId = Guid.NewGuid(), Index = request.Index, Key = "abort", Name = "User Aborted", Status = StepStatus.Abort,
            Attempt = request.Attempt + 1, State = state, Started = now, Completed = now, CreatedBy = process.CreatedBy, ExecutedAt = [now],
        };
        await log.LogStepAsync(request.ProcessId, row, ct);
        await UpdateProcessAsync(process, p => p with
        {
            LastStatus = ProcessStatus.Aborted, LastStep = "User Aborted", WaitToken = null, AbortRequested = false, LastModifiedAt = now,
        }, ct);
        return new(StepOutcomeKind.Aborted, ProcessStatus.Aborted, request.Index, "User Aborted");
    }

    /// <summary>The engine is paused: the process stops at this step boundary, stays running, and waits for the unpause.</summary>
    async Task<StepOutcome> PauseAsync(ProcessRecord process, Step step, StepRequest request, string epoch, CancellationToken ct)
    {
        await UpdateProcessAsync(process, p => p with { WaitToken = EngineEvents.PausedMarker + epoch }, ct);
        return new(StepOutcomeKind.Paused, ProcessStatus.Running, request.Index, step.Name, WaitToken: epoch);
    }

    /// <summary>
    /// Read-modify-write of the process row, starting from the row as this run read it; an HTTP request (abort, resume) or a
    /// step's own link may have changed it since, and then the ETag refuses the write and the row is read again.
    /// </summary>
    async Task UpdateProcessAsync(ProcessRecord asRead, Func<ProcessRecord, ProcessRecord> change, CancellationToken ct)
    {
        var current = asRead;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await log.UpdateAsync(change(current), current, ct);
                return;
            }
            catch (ProcessConflictException) when (attempt < 10)
            {
                if (attempt > 1) await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), ct);
                current = await log.GetAsync(asRead.ProcessId, ct) ?? throw new InvalidOperationException($"Process {asRead.ProcessId} disappeared");
            }
        }
    }

    static StepRecord Row(Step step, StepRequest request, string status, JsonObject state, string createdBy, DateTimeOffset now) => new()
    {
        StepId = Guid.NewGuid(), Index = request.Index, Key = step.Key, Name = step.Name, Status = status, Attempt = request.Attempt,
        State = state, Started = now, Completed = now, CreatedBy = createdBy, ExecutedAt = [now],
    };

    static string TokenPrefix(StepRequest request) => $"{request.Index}.{request.Attempt}.";

    /// <summary>A wait token names the step and attempt it belongs to, so a re-run of the activity reports the same wait.</summary>
    static string NewToken(StepRequest request) => TokenPrefix(request) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
