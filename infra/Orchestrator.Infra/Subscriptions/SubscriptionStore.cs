using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Cosmos;

namespace Orchestrator.Infra.Subscriptions;

/// <summary>
/// Subscriptions in Cosmos DB: one document per subscription with its whole block tree, partitioned by its own id, so the
/// API's only key (the subscription id) is a point read. Every write is conditional: a create fails if the id exists, a
/// replace fails unless the ETag still matches. Either failure is a <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class SubscriptionStore(CosmosContainers containers)
{
    readonly SubscriptionRelations relations = new(containers);

    Container Container => containers.Subscriptions;

    public async Task<StoredSubscription?> GetAsync(Guid subscriptionId, CancellationToken ct = default)
    {
        using var response = await Container.ReadItemStreamAsync(subscriptionId.ToString(), new PartitionKey(subscriptionId.ToString()), cancellationToken: ct);
        var document = await CosmosJson.ReadObjectAsync(response, ct);
        return document is null ? null : FromDocument(document);
    }

    public async Task<IReadOnlyList<StoredSubscription>> GetManyAsync(IEnumerable<Guid> subscriptionIds, CancellationToken ct = default)
    {
        var found = new List<StoredSubscription>();
        foreach (var id in subscriptionIds.Distinct())
            if (await GetAsync(id, ct) is { } stored) found.Add(stored);
        return found;
    }

    public async Task<StoredSubscription> CreateAsync(Subscription subscription, Product product, CancellationToken ct = default)
    {
        await relations.AddAsync(subscription, ct);
        subscription.Version = 1;
        using var response = await Container.CreateItemStreamAsync(
            CosmosJson.ToStream(ToDocument(subscription, product)), new PartitionKey(subscription.SubscriptionId.ToString()), cancellationToken: ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
            throw new ConcurrencyConflictException($"Subscription {subscription.SubscriptionId} already exists");
        return await StoredFromResponseAsync(response, ct);
    }

    public async Task<StoredSubscription> ReplaceAsync(Subscription subscription, Product product, string ifMatch, CancellationToken ct = default)
    {
        await relations.AddAsync(subscription, ct);
        var previousVersion = subscription.Version;
        subscription.Version = previousVersion + 1;
        using var response = await Container.ReplaceItemStreamAsync(
            CosmosJson.ToStream(ToDocument(subscription, product)), subscription.SubscriptionId.ToString(),
            new PartitionKey(subscription.SubscriptionId.ToString()), new ItemRequestOptions { IfMatchEtag = ifMatch }, ct);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            subscription.Version = previousVersion;
            throw new ConcurrencyConflictException(
                $"Subscription {subscription.SubscriptionId} was changed by someone else since it was read; nothing was written");
        }
        return await StoredFromResponseAsync(response, ct);
    }

    /// <summary>The subscriptions whose trees reference a block of this one (this one is in use by them).</summary>
    public async Task<IReadOnlyList<StoredSubscription>> InUseByAsync(Guid subscriptionId, CancellationToken ct = default)
    {
        var users = await GetManyAsync(await relations.UsersOfAsync(subscriptionId, ct), ct);
        return users.Where(u => u.Subscription.DependsOnSubscriptionIds().Contains(subscriptionId))
            .OrderBy(u => u.Subscription.SubscriptionId).ToList();
    }

    /// <summary>
    /// Writes the relations of every stored subscription (idempotent): for subscriptions stored before the relations
    /// container existed. The migration tool runs it; it reads every subscription once. Returns how many it read.
    /// </summary>
    public async Task<int> BackfillRelationsAsync(CancellationToken ct = default)
    {
        var count = 0;
        await foreach (var document in CosmosJson.QueryAsync(Container, new QueryDefinition("SELECT * FROM c"), ct, pageSize: 200))
        {
            await relations.AddAsync(FromDocument(document).Subscription, ct);
            count++;
        }
        return count;
    }

    public async Task<SubscriptionPage> QueryAsync(SubscriptionQuery query, CancellationToken ct = default)
    {
        var (where, parameters) = BuildWhere(query);
        var order = SubscriptionQuery.SortableFields[query.SortField];
        var select = new QueryDefinition($"SELECT * FROM c{where} ORDER BY {order} {(query.Descending ? "DESC" : "ASC")}");
        var count = new QueryDefinition($"SELECT VALUE COUNT(1) FROM c{where}");
        foreach (var (name, value) in parameters)
        {
            select = select.WithParameter(name, value);
            count = count.WithParameter(name, value);
        }
        var total = (await CosmosJson.ScalarAsync(Container, count, ct))?.GetValue<int>() ?? 0;
        var (items, next) = await ReadPageAsync(select, query, ct);
        return new SubscriptionPage(items.Select(FromDocument).ToList(), total, next);
    }

    async Task<(List<JsonObject> Items, string? Next)> ReadPageAsync(QueryDefinition select, SubscriptionQuery query, CancellationToken ct)
    {
        try
        {
            return await ReadPageUncheckedAsync(select, query, ct);
        }
        catch (Exception e) when (query.ContinuationToken is not null && e is not OperationCanceledException)
        {
            throw new Domain.DomainException("continuation_token: not a token this list handed out, or not for these filters and this sort");
        }
    }

    async Task<(List<JsonObject> Items, string? Next)> ReadPageUncheckedAsync(QueryDefinition select, SubscriptionQuery query, CancellationToken ct)
    {
        var items = new List<JsonObject>();
        var toSkip = query.ContinuationToken is null ? query.Skip : 0;
        var options = new QueryRequestOptions { MaxItemCount = Math.Max(1, Math.Min(query.Take, 1000)) };
        using var iterator = Container.GetItemQueryStreamIterator(select, query.ContinuationToken, options);
        string? next = null;
        while (iterator.HasMoreResults && items.Count < query.Take)
        {
            using var page = await iterator.ReadNextAsync(ct);
            page.EnsureSuccessStatusCode();
            foreach (var document in await CosmosJson.DocumentsAsync(page, ct))
            {
                if (toSkip > 0) { toSkip--; continue; }
                if (items.Count < query.Take) items.Add(document);
            }
            next = page.ContinuationToken;
        }
        // A token is only exact where pages line up with the offset; otherwise it would skip the rest of a partly read page.
        var aligned = query.ContinuationToken is not null || query.Skip % options.MaxItemCount == 0;
        return (items, items.Count == query.Take && aligned ? next : null);
    }

    static (string Where, List<(string, object)> Parameters) BuildWhere(SubscriptionQuery query)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object)>();
        void In(string path, IEnumerable<string> values, string prefix)
        {
            var names = new List<string>();
            foreach (var value in values)
            {
                var name = $"@{prefix}{names.Count}";
                names.Add(name);
                parameters.Add((name, value));
            }
            if (names.Count > 0) clauses.Add($"{path} IN ({string.Join(", ", names)})");
        }
        In("c.status", query.Statuses.Select(s => s.ToWire()), "status");
        In("c.product_id", query.ProductIds.Select(p => p.ToString()), "pid");
        In("c.product_name", query.ProductNames, "pname");
        In("c.product_tag", query.Tags, "tag");
        In("c.product_type", query.ProductTypes, "ptype");
        if (query.Insync is { } insync)
        {
            clauses.Add("c.insync = @insync");
            parameters.Add(("@insync", insync));
        }
        if (query.CustomerId is { } customer)
        {
            clauses.Add("c.customer_id = @customer");
            parameters.Add(("@customer", customer));
        }
        return (clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", clauses), parameters);
    }

    static JsonObject ToDocument(Subscription subscription, Product product)
    {
        var document = CosmosJson.ToDocument(subscription);
        document["id"] = subscription.SubscriptionId.ToString();
        document["product_name"] = product.Name;
        document["product_tag"] = product.Tag;
        document["product_type"] = product.ProductType;
        document["depends_on_ids"] = new JsonArray(subscription.DependsOnSubscriptionIds().Select(id => (JsonNode)id.ToString()).ToArray());
        return document;
    }

    static StoredSubscription FromDocument(JsonObject document) =>
        new(document.Deserialize<Subscription>(DomainJson.Options)!, document["_etag"]!.GetValue<string>());

    static async Task<StoredSubscription> StoredFromResponseAsync(ResponseMessage response, CancellationToken ct)
    {
        response.EnsureSuccessStatusCode();
        var document = await CosmosJson.ReadObjectAsync(response, ct)
            ?? throw new InvalidOperationException("Cosmos returned no document for a successful write");
        return FromDocument(document);
    }

    /// <summary>An ETag over several documents: it changes when any one of them changes.</summary>
    public static string CombinedETag(IEnumerable<StoredSubscription> documents)
    {
        var joined = string.Join("|", documents.OrderBy(d => d.Subscription.SubscriptionId).Select(d => $"{d.Subscription.SubscriptionId}:{d.ETag}"));
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return $"\"{Convert.ToHexString(hash, 0, 16).ToLowerInvariant()}\"";
    }
}
