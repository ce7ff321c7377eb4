using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Domain.Workflows;

public enum StepResultKind
{
    Success,
    Complete,
}

/// <summary>What a step returns: the state keys it changes and the subscriptions the engine must save.</summary>
public sealed record StepResult(JsonObject Updates, IReadOnlyList<Subscription> Subscriptions, StepResultKind Kind = StepResultKind.Success)
{
    public static StepResult Empty => new(new JsonObject(), []);

    public static StepResult With(JsonObject updates, params Subscription[] subscriptions) => new(updates, subscriptions);

    public static StepResult Done() => new(new JsonObject(), [], StepResultKind.Complete);

    /// <summary>Saves the subscription and puts it in the state under <c>subscription</c> (the convention), with <c>subscription_id</c>.</summary>
    public static StepResult Saving(Subscription subscription, JsonObject? updates = null)
    {
        var state = updates ?? new JsonObject();
        state["subscription"] = JsonSerializer.SerializeToNode(subscription, DomainJson.Options);
        state["subscription_id"] = subscription.SubscriptionId.ToString();
        return new StepResult(state, [subscription]);
    }
}
