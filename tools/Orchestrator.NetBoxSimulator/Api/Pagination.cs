using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>NetBox's limit/offset pages: <c>{count, next, previous, results}</c> with absolute links.</summary>
public static class Pagination
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static JsonObject Page<T>(HttpRequest request, IReadOnlyList<T> rows, Func<T, JsonNode> render)
    {
        var limit = ReadInt(request, "limit") is { } l ? (l <= 0 || l > MaxLimit ? MaxLimit : l) : DefaultLimit;
        var offset = Math.Max(0, ReadInt(request, "offset") ?? 0);
        var page = rows.Skip(offset).Take(limit).Select(render).ToArray();
        return new JsonObject
        {
            ["count"] = rows.Count,
            ["next"] = offset + limit < rows.Count ? Link(request, limit, offset + limit) : null,
            ["previous"] = offset > 0 ? Link(request, limit, Math.Max(0, offset - limit)) : null,
            ["results"] = new JsonArray(page),
        };
    }

    public static int? ReadInt(HttpRequest request, string name) =>
        int.TryParse(request.Query[name].FirstOrDefault(), out var value) ? value : null;

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static string Link(HttpRequest request, int limit, int offset)
    {
        var query = request.Query
            .Where(q => q.Key is not ("limit" or "offset"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (offset > 0) query = query.Append(new("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(BaseUrl(request) + request.Path, query);
    }
}
