using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Domain.Workflows;

/// <summary>What a step body sees: the state, the catalogue, the clock, and the subscriptions it loads.</summary>
public interface IStepContext
{
    Guid ProcessId { get; }
    string WorkflowName { get; }
    string StepKey { get; }
    int Attempt { get; }
    string UserName { get; }
    JsonObject State { get; }
    CatalogueSnapshot Catalogue { get; }
    DateTimeOffset Now { get; }
    IServiceProvider Services { get; }

    /// <summary>Loads a subscription; returning it in the step result saves it under the ETag read here.</summary>
    Task<Subscription> LoadSubscriptionAsync(Guid subscriptionId);

    /// <summary>The status of every subscription that uses the given one (for the safe status-change rules).</summary>
    Task<IReadOnlyCollection<(Guid SubscriptionId, SubscriptionLifecycle Status)>> InUseByAsync(Guid subscriptionId);

    /// <summary>A stable marker for objects this step creates in external systems (process, step, item).</summary>
    string IdempotencyKey(string item = "");
}

/// <summary>What a form generator sees: the catalogue, the services it reads choices from, and the user.</summary>
public interface IFormContext
{
    CatalogueSnapshot Catalogue { get; }
    IServiceProvider Services { get; }
    string UserName { get; }
}
