using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Api.Views;

public static class SubscriptionViews
{
    /// <summary>A subscription as lists show it: its own fields and its product, without the block tree.</summary>
    public static JsonObject Summary(Subscription subscription, CatalogueSnapshot catalogue)
    {
        var product = catalogue.ProductById(subscription.ProductId);
        return new JsonObject
        {
            ["subscription_id"] = subscription.SubscriptionId,
            ["description"] = subscription.Description,
            ["status"] = subscription.Status.ToWire(),
            ["insync"] = subscription.Insync,
            ["customer_id"] = subscription.CustomerId,
            ["product_id"] = subscription.ProductId,
            ["start_date"] = subscription.StartDate,
            ["end_date"] = subscription.EndDate,
            ["note"] = subscription.Note,
            ["version"] = subscription.Version,
            ["locked_by_process_id"] = subscription.LockedByProcessId,
            ["product"] = product is null ? null : DomainModelView.ProductJson(product),
            ["customer_descriptions"] = new JsonArray(),
            ["metadata"] = new JsonObject(),
        };
    }
}
