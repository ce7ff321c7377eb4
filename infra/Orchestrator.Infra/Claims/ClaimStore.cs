using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Orchestrator.Infra.Cosmos;

namespace Orchestrator.Infra.Claims;

/// <summary>
/// Create-if-absent claims on things only one process or subscription may hold: a NetBox device, an interface, a unique
/// name. A claim is one document whose id is the claimed key; creating it fails with 409 when someone holds it, which makes
/// the claim race-free across hosts without any lock.
/// </summary>
public sealed class ClaimStore(CosmosContainers containers, TimeProvider clock)
{
    Container Container => containers.Claims;

    /// <summary>Claims <paramref name="key"/> for a process; true when it now holds it (also when it already did).</summary>
    public async Task<ClaimResult> TryClaimAsync(string key, Guid processId, CancellationToken ct = default)
    {
        var id = DocumentId(key);
        var document = new JsonObject
        {
            ["id"] = id,
            ["key"] = key,
            ["owner_process_id"] = processId.ToString(),
            ["claimed_at"] = clock.GetUtcNow(),
        };
        using var response = await Container.CreateItemStreamAsync(CosmosJson.ToStream(document), new PartitionKey(id), cancellationToken: ct);
        if (response.IsSuccessStatusCode) return new ClaimResult(true, processId);
        if (response.StatusCode != HttpStatusCode.Conflict) response.EnsureSuccessStatusCode();
        var holder = await GetOwnerAsync(key, ct);
        return new ClaimResult(holder == processId, holder);
    }

    public async Task<Guid?> GetOwnerAsync(string key, CancellationToken ct = default)
    {
        var id = DocumentId(key);
        using var response = await Container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: ct);
        var document = await CosmosJson.ReadObjectAsync(response, ct);
        return Guid.TryParse(document?["owner_process_id"]?.GetValue<string>(), out var owner) ? owner : null;
    }

    /// <summary>Releases a claim whoever holds it (a terminate gives back what the subscription held). Releasing twice is fine.</summary>
    public async Task ReleaseAsync(string key, CancellationToken ct = default)
    {
        var id = DocumentId(key);
        using var response = await Container.DeleteItemStreamAsync(id, new PartitionKey(id), cancellationToken: ct);
        if (response.StatusCode != HttpStatusCode.NotFound) response.EnsureSuccessStatusCode();
    }

    /// <summary>Every claim a process holds (an aborted create gives these back).</summary>
    public async Task<IReadOnlyList<string>> KeysOwnedByAsync(Guid processId, CancellationToken ct = default)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.owner_process_id = @owner").WithParameter("@owner", processId.ToString());
        return (await CosmosJson.QueryAllAsync(Container, query, ct)).Select(d => d["key"]!.GetValue<string>()).ToList();
    }

    /// <summary>The claimed keys that start with <paramref name="prefix"/>, e.g. every claimed device for a form's choices.</summary>
    public async Task<IReadOnlySet<string>> KeysWithPrefixAsync(string prefix, CancellationToken ct = default)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE STARTSWITH(c.key, @prefix)").WithParameter("@prefix", prefix);
        return (await CosmosJson.QueryAllAsync(Container, query, ct)).Select(d => d["key"]!.GetValue<string>()).ToHashSet();
    }

    /// <summary>Cosmos ids may not contain / \ ? #; keys are kept readable and made safe.</summary>
    static string DocumentId(string key) =>
        key.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal)
            .Replace("\\", "%5C", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
}

/// <summary>Whether the caller holds the claim now, and who holds it.</summary>
public sealed record ClaimResult(bool Held, Guid? Holder);
