using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Cosmos;

namespace Orchestrator.Infra.Subscriptions;

/// <summary>
/// Which subscriptions use a subscription, kept beside the subscriptions: one small document per (used, user) pair in the
/// container <c>relations</c>, partitioned by the used subscription's id, so "in use by" is a query within one partition
/// instead of one across every subscription (every start of a workflow on a subscription asks it). The pairs of a user are
/// written before the user itself, so they list every real use; a pair left by a write that then failed, or by a dependency
/// a later write dropped, is ignored on read, where the user's own references decide.
/// </summary>
sealed class SubscriptionRelations(CosmosContainers containers)
{
    Container Container => containers.Relations;

    public async Task AddAsync(Subscription user, CancellationToken ct)
    {
        foreach (var used in user.DependsOnSubscriptionIds())
        {
            var document = new JsonObject
            {
                ["id"] = $"{used:D}:{user.SubscriptionId:D}",
                ["pk"] = used.ToString("D"),
                ["user_id"] = user.SubscriptionId.ToString("D"),
            };
            using var response = await Container.UpsertItemStreamAsync(CosmosJson.ToStream(document), new PartitionKey(used.ToString("D")), cancellationToken: ct);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The ids of the subscriptions that have (or once had) a pair with this one.</summary>
    public async Task<IReadOnlyList<Guid>> UsersOfAsync(Guid used, CancellationToken ct)
    {
        var query = new QueryDefinition("SELECT c.user_id FROM c WHERE c.pk = @pk").WithParameter("@pk", used.ToString("D"));
        var users = new List<Guid>();
        await foreach (var document in CosmosJson.QueryAsync(Container, query, ct, new PartitionKey(used.ToString("D"))))
            users.Add(Guid.Parse(document["user_id"]!.GetValue<string>()));
        return users;
    }
}
