using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Infra.Subscriptions;

/// <summary>A filtered, sorted page of subscriptions: either by offset (skip/take) or by continuation token.</summary>
public sealed record SubscriptionQuery
{
    public IReadOnlyList<SubscriptionLifecycle> Statuses { get; init; } = [];
    public IReadOnlyList<Guid> ProductIds { get; init; } = [];
    public IReadOnlyList<string> ProductNames { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> ProductTypes { get; init; } = [];
    public bool? Insync { get; init; }
    public string? CustomerId { get; init; }
    public string SortField { get; init; } = "start_date";
    public bool Descending { get; init; } = true;
    public int Skip { get; init; }
    public int Take { get; init; } = 100;
    public string? ContinuationToken { get; init; }

    /// <summary>Document paths a list may be sorted by, keyed by the API's field name.</summary>
    public static readonly IReadOnlyDictionary<string, string> SortableFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["start_date"] = "c.start_date",
        ["end_date"] = "c.end_date",
        ["description"] = "c.description",
        ["status"] = "c.status",
        ["insync"] = "c.insync",
        ["customer_id"] = "c.customer_id",
        ["note"] = "c.note",
        ["subscription_id"] = "c.id",
        ["product"] = "c.product_name",
        ["product_name"] = "c.product_name",
        ["tag"] = "c.product_tag",
    };
}

public sealed record SubscriptionPage(IReadOnlyList<StoredSubscription> Items, int Total, string? ContinuationToken);
