using Microsoft.AspNetCore.Http;
using Orchestrator.Api.Http;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Subscriptions;

namespace Orchestrator.Api.Handlers;

/// <summary>Reads <c>GET /api/subscriptions/</c>'s range, sort, filter and plain filter parameters into a query.</summary>
static class SubscriptionListParameters
{
    static readonly string[] FilterFields = ["status", "statuses", "product", "tag", "tags", "product_type", "insync", "customer", "customer_id"];

    public static SubscriptionQuery Parse(HttpRequest request)
    {
        var (start, end) = RequestParameters.Range(request);
        var sort = RequestParameters.Sort(request);
        if (sort is { } s && !SubscriptionQuery.SortableFields.ContainsKey(s.Field))
            throw new BadInputException("sort", $"cannot sort by '{s.Field}'; sortable: {string.Join(", ", SubscriptionQuery.SortableFields.Keys)}");
        var filters = RequestParameters.Filters(request, FilterFields);
        foreach (var unknown in filters.Select(g => g.Key).Where(k => !FilterFields.Contains(k)))
            throw new BadInputException("filter", $"unknown field '{unknown}'; known: {string.Join(", ", FilterFields)}");

        var products = Values(filters, "product");
        return new SubscriptionQuery
        {
            Statuses = Values(filters, "status", "statuses").Select(ParseStatus).ToList(),
            ProductIds = products.Where(p => Guid.TryParse(p, out _)).Select(Guid.Parse).ToList(),
            ProductNames = products.Where(p => !Guid.TryParse(p, out _)).ToList(),
            Tags = Values(filters, "tag", "tags"),
            ProductTypes = Values(filters, "product_type"),
            Insync = RequestParameters.Bool(filters["insync"].LastOrDefault(), "insync"),
            CustomerId = filters["customer"].Concat(filters["customer_id"]).LastOrDefault(),
            SortField = sort?.Field.ToLowerInvariant() ?? "start_date",
            Descending = sort?.Descending ?? true,
            Skip = start,
            Take = end - start,
            ContinuationToken = RequestParameters.Single(request, "continuation_token"),
        };
    }

    /// <summary>orchestrator-core joins several values of one filter with '-' (<c>statuses,active-provisioning</c>).</summary>
    static List<string> Values(ILookup<string, string> filters, params string[] names) =>
        names.SelectMany(n => filters[n]).SelectMany(v => v.Split('-', StringSplitOptions.RemoveEmptyEntries)).ToList();

    static SubscriptionLifecycle ParseStatus(string value) =>
        SubscriptionLifecycleNames.TryParse(value, out var status)
            ? status
            : throw new BadInputException("status", $"'{value}' is not one of {string.Join(", ", SubscriptionLifecycleNames.All)}");
}
