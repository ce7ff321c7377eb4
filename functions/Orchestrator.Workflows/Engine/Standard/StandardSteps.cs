using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Processes;

namespace Orchestrator.Workflows.Engine.Standard;

/// <summary>The steps the standard wrappers inject, with orchestrator-core's exact names (spec §2.0).</summary>
public static class StandardSteps
{
    public static readonly Step Start = new ActionStep("start", "Start", _ => Task.FromResult(StepResult.Empty));

    public static readonly Step Done = new ActionStep("done", "Done", _ => Task.FromResult(StepResult.Done()));

    public static Step StoreProcessSubscription(WorkflowTarget target) =>
        new ActionStep("store_process_subscription", "Create Process Subscription relation", async context =>
        {
            var subscriptionId = SubscriptionId(context);
            var wireTarget = JsonSerializer.SerializeToNode(target, DomainJson.Options)!.GetValue<string>();
            await context.Services.GetRequiredService<ProcessLog>().LinkSubscriptionAsync(context.ProcessId, subscriptionId, wireTarget);
            return StepResult.Empty;
        });

    /// <summary>"Lock subscription" (unsync): takes the in-sync lock, or confirms the claim this process made when it started.</summary>
    public static readonly Step Lock = new ActionStep("unsync", "Lock subscription", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionId(context));
        if (!subscription.Insync && subscription.LockedByProcessId != context.ProcessId)
            throw new ProcessFailureException(subscription.LockedByProcessId is { } holder
                ? $"Subscription already has a running process or task ({holder})"
                : "Subscription is not in sync; set it in sync first");
        var backup = Backup(subscription);
        subscription.Lock(context.ProcessId);
        return StepResult.Saving(subscription, new JsonObject { ["__old_subscriptions__"] = backup });
    });

    /// <summary>"Lock subscription" for validate workflows: does not fail when the subscription is already out of sync.</summary>
    public static readonly Step LockUnchecked = new ActionStep("unsync_unchecked", "Lock subscription", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionId(context));
        if (subscription.LockedByProcessId is { } holder && holder != context.ProcessId && !subscription.Insync)
            return StepResult.Empty;
        subscription.Lock(context.ProcessId);
        return StepResult.Saving(subscription);
    });

    /// <summary>"Unlock subscription" (resync): sets the subscription in sync, releasing the lock only if this process holds it.</summary>
    public static readonly Step Unlock = new ActionStep("resync", "Unlock subscription", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionId(context));
        if (subscription.LockedByProcessId is { } holder && holder != context.ProcessId)
            return StepResult.With(new JsonObject { ["unlock_skipped"] = $"locked by process {holder}" });
        subscription.Unlock(context.ProcessId);
        return StepResult.Saving(subscription);
    });

    /// <summary>"Set subscription to '{status}'", checking the lifecycle rules (required fields, safe transitions).</summary>
    public static Step SetStatus(SubscriptionLifecycle status) =>
        new ActionStep($"set_status_{status.ToWire()}", $"Set subscription to '{status.ToWire()}'", async context =>
        {
            var id = SubscriptionId(context);
            var subscription = await context.LoadSubscriptionAsync(id);
            try
            {
                subscription.ChangeStatus(status, context.Catalogue, context.Now, await context.InUseByAsync(id));
            }
            catch (Domain.DomainException e)
            {
                throw new ProcessFailureException(e.Message);
            }
            return StepResult.Saving(subscription);
        });

    /// <summary>Gives back the claims a subscription held (a terminate frees its device or ports); releasing twice is fine.</summary>
    public static Step ReleaseClaims(string key, string name, Func<IStepContext, Task<IEnumerable<string>>> keys) =>
        new ActionStep(key, name, async context =>
        {
            var store = context.Services.GetRequiredService<Infra.Claims.ClaimStore>();
            var released = new JsonArray();
            foreach (var claim in await keys(context))
            {
                await store.ReleaseAsync(claim);
                released.Add(claim);
            }
            return StepResult.With(new JsonObject { ["released_claims"] = released });
        });

    public static Guid SubscriptionId(IStepContext context) =>
        context.State["subscription_id"]?.GetValue<string>() is { } value && Guid.TryParse(value, out var id)
            ? id
            : throw new ProcessFailureException("The state has no subscription_id");

    static JsonObject Backup(Subscription subscription) =>
        new() { [subscription.SubscriptionId.ToString()] = JsonSerializer.SerializeToNode(subscription, DomainJson.Options) };
}
