using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Infra.Cosmos;

namespace Orchestrator.Infra.Catalogue;

/// <summary>
/// Applies catalogue versions in order and records each one. A recorded version is skipped; an item whose stored content
/// already equals the version's is not written, so a second run (or a run after a crash half-way) changes nothing.
/// </summary>
public sealed class CatalogueMigrator(CosmosContainers containers, TimeProvider clock)
{
    public async Task<IReadOnlyList<int>> ApplyAsync(IEnumerable<CatalogueMigration> migrations, CancellationToken ct = default)
    {
        await containers.EnsureCreatedAsync(ct);
        var applied = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            var recordId = $"{CatalogueDocuments.Migration}:{migration.Version}";
            if (await ExistsAsync(recordId, ct)) continue;
            foreach (var item in CatalogueDocuments.ItemsOf(migration))
                await WriteIfChangedAsync(item, ct);
            await RecordAsync(recordId, migration, ct);
            applied.Add(migration.Version);
        }
        return applied;
    }

    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken ct = default)
    {
        var query = new QueryDefinition("SELECT VALUE c.version FROM c WHERE c.pk = @pk AND c.kind = @kind")
            .WithParameter("@pk", CosmosContainers.CatalogPartition).WithParameter("@kind", CatalogueDocuments.Migration);
        var versions = new List<int>();
        using var iterator = containers.Catalog.GetItemQueryIterator<int>(query);
        while (iterator.HasMoreResults) versions.AddRange(await iterator.ReadNextAsync(ct));
        return versions.Order().ToList();
    }

    async Task<bool> ExistsAsync(string id, CancellationToken ct)
    {
        using var response = await containers.Catalog.ReadItemStreamAsync(id, new PartitionKey(CosmosContainers.CatalogPartition), cancellationToken: ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        response.EnsureSuccessStatusCode();
        return true;
    }

    async Task WriteIfChangedAsync(JsonObject item, CancellationToken ct)
    {
        var pk = new PartitionKey(CosmosContainers.CatalogPartition);
        using var existing = await containers.Catalog.ReadItemStreamAsync(item["id"]!.GetValue<string>(), pk, cancellationToken: ct);
        var stored = await CosmosJson.ReadObjectAsync(existing, ct);
        if (stored is not null && JsonNode.DeepEquals(CatalogueDocuments.Content(stored), item)) return;
        using var response = await containers.Catalog.UpsertItemStreamAsync(CosmosJson.ToStream(item), pk, cancellationToken: ct);
        response.EnsureSuccessStatusCode();
    }

    async Task RecordAsync(string id, CatalogueMigration migration, CancellationToken ct)
    {
        var record = new JsonObject
        {
            ["id"] = id,
            ["pk"] = CosmosContainers.CatalogPartition,
            ["kind"] = CatalogueDocuments.Migration,
            ["version"] = migration.Version,
            ["name"] = migration.Name,
            ["applied_at"] = clock.GetUtcNow(),
        };
        using var response = await containers.Catalog.CreateItemStreamAsync(CosmosJson.ToStream(record), new PartitionKey(CosmosContainers.CatalogPartition), cancellationToken: ct);
        if (response.StatusCode != HttpStatusCode.Conflict) response.EnsureSuccessStatusCode();
    }
}
