using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Infra.Processes;

namespace Orchestrator.Api.Views;

/// <summary>
/// The last validation of a subscription, looked up in the process log (its newest VALIDATE process through the subscription
/// index), so it is always the live status of that process: <c>{process_id, workflow_name, status, started_at, at}</c>.
/// </summary>
public sealed class LastValidations(ProcessLog log)
{
    const int Parallelism = 16;

    public async Task<JsonObject?> ForAsync(Guid subscriptionId, CancellationToken ct)
    {
        var page = await log.ListAsync(new ProcessQuery { SubscriptionId = subscriptionId, Target = "VALIDATE", Take = 1 }, ct);
        return page.Items.FirstOrDefault() is { } process
            ? new JsonObject
            {
                ["process_id"] = process.ProcessId.ToString(),
                ["workflow_name"] = process.WorkflowName,
                ["status"] = process.LastStatus,
                ["started_at"] = process.StartedAt,
                ["at"] = process.LastModifiedAt,
            }
            : null;
    }

    public async Task<Dictionary<Guid, JsonObject?>> ForManyAsync(IEnumerable<Guid> subscriptionIds, CancellationToken ct)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<Guid, JsonObject?>();
        await Parallel.ForEachAsync(subscriptionIds.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (id, token) => found[id] = await ForAsync(id, token));
        return new Dictionary<Guid, JsonObject?>(found);
    }

    /// <summary>An ETag that also changes when the last validation does.</summary>
    public static string WithValidation(string etag, JsonObject? last)
    {
        if (last is null) return etag;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{etag}|{last["process_id"]}|{last["status"]}|{last["at"]}"));
        return $"\"{Convert.ToHexString(hash, 0, 16).ToLowerInvariant()}\"";
    }
}
