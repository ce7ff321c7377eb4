using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Orchestrator.Domain.Json;

namespace Orchestrator.Infra.Cosmos;

/// <summary>Reads and writes documents through the SDK's stream API with System.Text.Json, the API's own serializer.</summary>
static class CosmosJson
{
    public static MemoryStream ToStream(JsonNode document) =>
        new(JsonSerializer.SerializeToUtf8Bytes(document, DomainJson.Options));

    public static JsonObject ToDocument<T>(T value) =>
        JsonSerializer.SerializeToNode(value, DomainJson.Options)!.AsObject();

    public static async Task<JsonObject?> ReadObjectAsync(ResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return (await JsonNode.ParseAsync(response.Content, cancellationToken: ct))!.AsObject();
    }

    /// <summary>Runs a query to the end, or to <paramref name="max"/> documents, following continuation tokens.</summary>
    public static async Task<List<JsonObject>> QueryAllAsync(Container container, QueryDefinition query, CancellationToken ct, int max = int.MaxValue)
    {
        var results = new List<JsonObject>();
        await foreach (var document in QueryAsync(container, query, ct))
        {
            if (results.Count >= max) break;
            results.Add(document);
        }
        return results;
    }

    /// <summary>The documents of a query, a page at a time, following continuation tokens; within one partition when given.</summary>
    public static async IAsyncEnumerable<JsonObject> QueryAsync(Container container, QueryDefinition query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, PartitionKey? partition = null, int pageSize = 500)
    {
        using var iterator = container.GetItemQueryStreamIterator(query,
            requestOptions: new QueryRequestOptions { MaxItemCount = pageSize, PartitionKey = partition });
        while (iterator.HasMoreResults)
        {
            using var page = await iterator.ReadNextAsync(ct);
            page.EnsureSuccessStatusCode();
            foreach (var document in await DocumentsAsync(page, ct)) yield return document;
        }
    }

    public static async Task<IEnumerable<JsonObject>> DocumentsAsync(ResponseMessage page, CancellationToken ct)
    {
        var body = (await JsonNode.ParseAsync(page.Content, cancellationToken: ct))!.AsObject();
        return body["Documents"]!.AsArray().Select(d => d!.AsObject());
    }

    public static async Task<JsonNode?> ScalarAsync(Container container, QueryDefinition query, CancellationToken ct)
    {
        using var iterator = container.GetItemQueryStreamIterator(query);
        var page = await iterator.ReadNextAsync(ct);
        page.EnsureSuccessStatusCode();
        var body = (await JsonNode.ParseAsync(page.Content, cancellationToken: ct))!.AsObject();
        return body["Documents"]!.AsArray().FirstOrDefault()?.DeepClone();
    }
}
