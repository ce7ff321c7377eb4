using Microsoft.Azure.Cosmos;

namespace Orchestrator.Infra.Cosmos;

/// <summary>
/// The containers and their partition keys (see the README's architecture section):
/// <c>catalog</c> is one small logical partition (<c>/pk</c>); <c>subscriptions</c> and <c>claims</c> are keyed by their own id,
/// so a subscription is one point read by its id alone; <c>relations</c> (which subscription uses which) is partitioned by
/// the used subscription's id (<c>/pk</c>), so the users of a subscription are one partition.
/// </summary>
public sealed class CosmosContainers(CosmosClient client, CosmosOptions options)
{
    public const string CatalogName = "catalog";
    public const string SubscriptionsName = "subscriptions";
    public const string ClaimsName = "claims";
    public const string RelationsName = "relations";
    public const string CatalogPartition = "catalog";

    public Container Catalog => client.GetContainer(options.Database, CatalogName);
    public Container Subscriptions => client.GetContainer(options.Database, SubscriptionsName);
    public Container Claims => client.GetContainer(options.Database, ClaimsName);
    public Container Relations => client.GetContainer(options.Database, RelationsName);

    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        Database database = await client.CreateDatabaseIfNotExistsAsync(options.Database, cancellationToken: ct);
        await database.CreateContainerIfNotExistsAsync(new ContainerProperties(CatalogName, "/pk"), cancellationToken: ct);
        await database.CreateContainerIfNotExistsAsync(new ContainerProperties(SubscriptionsName, "/id"), cancellationToken: ct);
        await database.CreateContainerIfNotExistsAsync(new ContainerProperties(ClaimsName, "/id"), cancellationToken: ct);
        await database.CreateContainerIfNotExistsAsync(new ContainerProperties(RelationsName, "/pk"), cancellationToken: ct);
    }
}
