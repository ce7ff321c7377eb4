using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Api.Views;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Subscriptions;

namespace Orchestrator.Api.Handlers;

/// <summary><c>/api/subscriptions</c>: lists, the domain model, and the relations in both directions.</summary>
public sealed class SubscriptionHandlers(SubscriptionStore store, CatalogueStore catalogue, LastValidations validations, ILogger<SubscriptionHandlers> logger)
{
    public const string ContinuationHeader = "X-Continuation-Token";

    public Task<IResult> ListAsync(HttpRequest request) => Guarded.RunAsync(async () =>
    {
        var query = SubscriptionListParameters.Parse(request);
        var ct = request.HttpContext.RequestAborted;
        var page = await store.QueryAsync(query, ct);
        var snapshot = await catalogue.GetAsync(ct);
        var response = request.HttpContext.Response;
        var end = query.Skip + page.Items.Count;
        response.Headers["Content-Range"] = $"subscriptions {query.Skip}-{end}/{page.Total}";
        if (page.ContinuationToken is { } next) response.Headers[ContinuationHeader] = next;
        var last = await validations.ForManyAsync(page.Items.Select(s => s.Subscription.SubscriptionId), ct);
        return ApiResults.Json(new JsonArray(page.Items.Select(s => (JsonNode)WithLastValidation(SubscriptionViews.Summary(s.Subscription, snapshot),
            last.GetValueOrDefault(s.Subscription.SubscriptionId))).ToArray()));
    }, logger);

    static JsonObject WithLastValidation(JsonObject view, JsonObject? last)
    {
        view["last_validation"] = last?.DeepClone();
        return view;
    }

    public Task<IResult> DomainModelAsync(HttpRequest request, string subscriptionId) => Guarded.RunAsync(async () =>
    {
        var id = RequestParameters.Id(subscriptionId, "subscription_id");
        var filterOwner = RequestParameters.Bool(RequestParameters.Single(request, "filter_owner_relations"), "filter_owner_relations") ?? true;
        var ct = request.HttpContext.RequestAborted;
        if (await store.GetAsync(id, ct) is not { } stored) return ApiResults.NotFound($"Subscription {id} not found");

        var dependsOn = await store.GetManyAsync(stored.Subscription.DependsOnSubscriptionIds(), ct);
        var inUseBy = await store.InUseByAsync(id, ct);
        var related = dependsOn.Concat(inUseBy).DistinctBy(s => s.Subscription.SubscriptionId).ToList();
        var last = await validations.ForAsync(id, ct);
        var etag = LastValidations.WithValidation(SubscriptionStore.CombinedETag(related.Append(stored)), last);
        if (request.Headers.IfNoneMatch.Contains(etag)) return Results.StatusCode(StatusCodes.Status304NotModified).WithETag(etag);

        var model = DomainModelView.Render(stored.Subscription, await catalogue.GetAsync(ct),
            related.ToDictionary(s => s.Subscription.SubscriptionId, s => s.Subscription), filterOwner);
        return ApiResults.Json(WithLastValidation(model, last)).WithETag(etag);
    }, logger);

    public Task<IResult> InUseByAsync(HttpRequest request, string subscriptionId) => Guarded.RunAsync(async () =>
    {
        var (id, statuses) = RelationParameters(request, subscriptionId);
        var ct = request.HttpContext.RequestAborted;
        if (await store.GetAsync(id, ct) is null) return ApiResults.NotFound($"Subscription {id} not found");
        return await RelatedAsync(await store.InUseByAsync(id, ct), statuses, ct);
    }, logger);

    public Task<IResult> DependsOnAsync(HttpRequest request, string subscriptionId) => Guarded.RunAsync(async () =>
    {
        var (id, statuses) = RelationParameters(request, subscriptionId);
        var ct = request.HttpContext.RequestAborted;
        if (await store.GetAsync(id, ct) is not { } stored) return ApiResults.NotFound($"Subscription {id} not found");
        return await RelatedAsync(await store.GetManyAsync(stored.Subscription.DependsOnSubscriptionIds(), ct), statuses, ct);
    }, logger);

    static (Guid Id, IReadOnlyList<SubscriptionLifecycle>? Statuses) RelationParameters(HttpRequest request, string subscriptionId)
    {
        var id = RequestParameters.Id(subscriptionId, "subscription_id");
        var value = RequestParameters.Single(request, "filter_statuses");
        if (value is null) return (id, null);
        var statuses = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => SubscriptionLifecycleNames.TryParse(s, out var status)
                ? status
                : throw new BadInputException("filter_statuses", $"'{s}' is not one of {string.Join(", ", SubscriptionLifecycleNames.All)}"))
            .ToList();
        return (id, statuses);
    }

    async Task<IResult> RelatedAsync(IEnumerable<StoredSubscription> related, IReadOnlyList<SubscriptionLifecycle>? statuses, CancellationToken ct)
    {
        var snapshot = await catalogue.GetAsync(ct);
        var items = related.Select(s => s.Subscription)
            .Where(s => statuses is null || statuses.Contains(s.Status))
            .OrderBy(s => s.SubscriptionId)
            .Select(s => (JsonNode)SubscriptionViews.Summary(s, snapshot));
        return ApiResults.Json(new JsonArray(items.ToArray()));
    }
}
