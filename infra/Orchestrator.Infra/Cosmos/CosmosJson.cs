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
        using var iterator = container.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { MaxItemCount = 500 });
        while (iterator.HasMoreResults && results.Count < max)
        {
            using var page = await iterator.ReadNextAsync(ct);
            page.EnsureSuccessStatusCode();
            results.AddRange(await DocumentsAsync(page, ct));
        }
        return results.Take(max).ToList();
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
