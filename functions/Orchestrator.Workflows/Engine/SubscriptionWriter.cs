using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Subscriptions;

namespace Orchestrator.Workflows.Engine;

/// <summary>
/// Saves the subscriptions a step returned, each stamped with (process, step, attempt) and conditional on the ETag the step
/// read. A conflict on a document that already carries this step's stamp means an earlier run of the same step saved it:
/// that counts as done. Any other conflict means another process changed it: the step fails.
/// </summary>
public sealed class SubscriptionWriter(SubscriptionStore store)
{
    public async Task SaveAsync(Subscription subscription, string? etag, WriteStamp stamp, CatalogueSnapshot catalogue, CancellationToken ct)
    {
        var product = catalogue.ProductById(subscription.ProductId)
            ?? throw new ProcessFailureException($"Product {subscription.ProductId} of subscription {subscription.SubscriptionId} is not in the catalogue");
        subscription.LastWrite = stamp;
        try
        {
            if (etag is null) await store.CreateAsync(subscription, product, ct);
            else await store.ReplaceAsync(subscription, product, etag, ct);
        }
        catch (ConcurrencyConflictException)
        {
            var current = await store.GetAsync(subscription.SubscriptionId, ct);
            if (current?.Subscription.LastWrite == stamp) return;
            throw new ProcessFailureException(
                $"Subscription {subscription.SubscriptionId} was changed by another process while this step ran; nothing was saved. Retry the step.");
        }
    }
}
