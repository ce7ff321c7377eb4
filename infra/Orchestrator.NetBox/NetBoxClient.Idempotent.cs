using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.NetBox.Filters;
using Orchestrator.NetBox.Http;
using Orchestrator.NetBox.Models;
using Orchestrator.NetBox.Requests;
using P = Orchestrator.NetBox.Http.NetBoxPaths;

namespace Orchestrator.NetBox;

/// <summary>
/// Creates that are safe to run again: look up by marker tag, create only when absent, and after a
/// transient failure of the create look again before giving up ("did it happen?" is answered by reading).
/// </summary>
public sealed partial class NetBoxClient
{
    public Task<Cable> EnsureCableAsync(IdempotencyMarker marker, CableCreate cable, CancellationToken ct = default) =>
        EnsureCreatedAsync(marker, P.Cables, cable,
            () => ListCablesAsync(new CableFilter(Tag: marker.Slug), ct), c => c.Id, ct);

    public Task<IpPrefix> EnsureAvailablePrefixAsync(int parentPrefixId, IdempotencyMarker marker, AvailablePrefixRequest request, CancellationToken ct = default) =>
        EnsureCreatedAsync(marker, P.AvailablePrefixes(parentPrefixId), request,
            () => ListPrefixesAsync(new PrefixFilter(Tag: marker.Slug), ct), p => p.Id, ct);

    public Task<IpAddress> EnsureAvailableIpAsync(int prefixId, IdempotencyMarker marker, AvailableIpRequest request, CancellationToken ct = default) =>
        EnsureCreatedAsync(marker, P.AvailableIps(prefixId), request,
            () => ListIpAddressesAsync(new IpAddressFilter(Tag: marker.Slug), ct), ip => ip.Id, ct);

    public async Task<Tag> EnsureTagAsync(IdempotencyMarker marker, CancellationToken ct = default)
    {
        if (await FindTagAsync(marker, ct) is { } existing) return existing;
        var tag = new { name = marker.Slug, slug = marker.Slug, description = marker.Description };
        try
        {
            return await _transport.SendAsync<Tag>(HttpMethod.Post, P.Tags, tag, ct);
        }
        catch (Exception e) when (e is NetBoxTransientException or NetBoxRequestException { StatusCode: System.Net.HttpStatusCode.BadRequest })
        {
            // Lost the response, or another run created it first (slug is unique): either way it may exist now.
            if (await FindTagAsync(marker, ct) is { } created) return created;
            throw;
        }
    }

    private async Task<Tag?> FindTagAsync(IdempotencyMarker marker, CancellationToken ct) =>
        (await _transport.ListAsync<Tag>(P.Tags, new NameFilter(Slug: marker.Slug).ToQuery(), ct)).FirstOrDefault();

    private async Task<T> EnsureCreatedAsync<T>(
        IdempotencyMarker marker,
        string createPath,
        object payload,
        Func<Task<IReadOnlyList<T>>> findByMarker,
        Func<T, int> idOf,
        CancellationToken ct)
    {
        await EnsureTagAsync(marker, ct);
        if (await FindOneAsync(findByMarker, idOf, marker) is { } existing) return existing;

        try
        {
            return await _transport.SendAsync<T>(HttpMethod.Post, createPath, WithMarker(payload, marker), ct);
        }
        catch (NetBoxTransientException failure)
        {
            if (await FindOneAsync(findByMarker, idOf, marker) is { } created)
            {
                LogRecoveredWrite(marker.Slug, createPath, failure.Message);
                return created;
            }
            throw;
        }
    }

    private async Task<T?> FindOneAsync<T>(Func<Task<IReadOnlyList<T>>> findByMarker, Func<T, int> idOf, IdempotencyMarker marker)
    {
        var found = await findByMarker();
        if (found.Count > 1) LogDuplicateMarker(marker.Slug, found.Count);
        return found.OrderBy(idOf).FirstOrDefault();
    }

    private static JsonObject WithMarker(object payload, IdempotencyMarker marker)
    {
        var body = JsonSerializer.SerializeToNode(payload, payload.GetType(), NetBoxJson.Options)!.AsObject();
        body["tags"] = new JsonArray(new JsonObject { ["slug"] = marker.Slug });
        return body;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NetBox create {Path} failed transiently ({Reason}) but had been applied; found it by marker {Marker}")]
    private partial void LogRecoveredWrite(string marker, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "NetBox holds {Count} objects with marker {Marker}; using the oldest")]
    private partial void LogDuplicateMarker(string marker, int count);
}
