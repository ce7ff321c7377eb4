using System.Text.Json.Nodes;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.UserGroup;

/// <summary>Steps and helpers the user and user group workflows share.</summary>
public static class SubscriptionSteps
{
    /// <summary>"Create subscription": an empty subscription of the chosen product for a new customer id (from_product_id).</summary>
    public static readonly Step CreateSubscription = new ActionStep("create_subscription", "Create subscription", context =>
    {
        var product = Product(context);
        var subscription = Subscription.Create(context.Catalogue, product, Guid.NewGuid().ToString(), Guid.NewGuid(), Guid.NewGuid);
        return Task.FromResult(StepResult.Saving(subscription));
    });

    public static Product Product(IStepContext context) =>
        Guid.TryParse(context.State["product"]?.GetValue<string>(), out var id) && context.Catalogue.ProductById(id) is { } product
            ? product
            : throw new ProcessFailureException("The state has no known product");

    public static string Text(IStepContext context, string key) =>
        context.State[key]?.GetValue<string>() ?? throw new ProcessFailureException($"The state has no {key}");

    /// <summary>Moves the subscription to <paramref name="status"/>; a lifecycle rule that refuses fails the step with its message.</summary>
    public static async Task ChangeStatusAsync(IStepContext context, Subscription subscription, SubscriptionLifecycle status)
    {
        try
        {
            subscription.ChangeStatus(status, context.Catalogue, context.Now, await context.InUseByAsync(subscription.SubscriptionId));
        }
        catch (DomainException e)
        {
            throw new ProcessFailureException(e.Message);
        }
    }

    public static Guid SubscriptionId(JsonObject initial) => Guid.Parse(initial["subscription_id"]!.GetValue<string>());

    public static Guid SubscriptionId(IStepContext context) => StandardSteps.SubscriptionId(context);
}
