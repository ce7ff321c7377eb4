using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.UserGroup;

/// <summary>The confirmation page and the deprovision step the terminate workflows of users and groups share.</summary>
public static class TerminateSteps
{
    /// <summary>"Are you sure you want to remove {description}?" as a label; nothing to fill in.</summary>
    public static readonly WorkflowForm ConfirmPage = async (session, context, initial) =>
    {
        var stored = await context.Services.GetRequiredService<SubscriptionStore>().GetAsync(SubscriptionSteps.SubscriptionId(initial));
        var subscription = stored!.Subscription;
        var title = context.Catalogue.ProductById(subscription.ProductId)?.Name ?? "Terminate";
        await session.AskAsync(new FormPage(title,
            [new LabelField("are_you_sure") { Text = $"Are you sure you want to remove {subscription.Description}?" }], HasNext: false));
        return new JsonObject();
    };

    /// <summary>
    /// Deprovisioning: nothing outside to remove; checks again that nothing not terminated uses the subscription (a user may have
    /// been created on a group after the start), then gives the name back.
    /// </summary>
    public static Step Deprovision(UniqueNames names, string key, string name, Func<Subscription, string> currentName) =>
        StandardSteps.ReleaseClaims(key, name, async context =>
        {
            var subscription = await context.LoadSubscriptionAsync(SubscriptionSteps.SubscriptionId(context));
            var users = (await context.InUseByAsync(subscription.SubscriptionId))
                .Where(u => u.SubscriptionId != subscription.SubscriptionId && u.Status != SubscriptionLifecycle.Terminated)
                .Select(u => u.SubscriptionId).ToList();
            if (users.Count > 0)
                throw new ProcessFailureException(
                    $"Subscription is in use by subscriptions that are not terminated: {string.Join(", ", users)}");
            return [names.ClaimKey(currentName(subscription))];
        });
}
