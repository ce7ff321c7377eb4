using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Infra.Cosmos;

namespace Orchestrator.Infra.Catalogue;

/// <summary>Reads the catalogue the migrations wrote. It is small and read-mostly, so one query loads all of it, cached briefly.</summary>
public sealed class CatalogueStore(CosmosContainers containers, TimeProvider clock)
{
    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    readonly SemaphoreSlim gate = new(1, 1);
    (CatalogueSnapshot Snapshot, DateTimeOffset LoadedAt)? cached;

    public async Task<CatalogueSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (cached is { } c && clock.GetUtcNow() - c.LoadedAt < CacheFor) return c.Snapshot;
        await gate.WaitAsync(ct);
        try
        {
            if (cached is { } again && clock.GetUtcNow() - again.LoadedAt < CacheFor) return again.Snapshot;
            var snapshot = await LoadAsync(ct);
            cached = (snapshot, clock.GetUtcNow());
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => cached = null;

    async Task<CatalogueSnapshot> LoadAsync(CancellationToken ct)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk").WithParameter("@pk", CosmosContainers.CatalogPartition);
        var documents = await CosmosJson.QueryAllAsync(containers.Catalog, query, ct);
        List<T> Of<T>(string kind) => documents
            .Where(d => d["kind"]?.GetValue<string>() == kind)
            .Select(d => d["data"].Deserialize<T>(DomainJson.Options)!)
            .ToList();
        return new CatalogueSnapshot(
            Of<Product>(CatalogueDocuments.Product).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            Of<ProductBlock>(CatalogueDocuments.ProductBlock).OrderBy(b => b.Name, StringComparer.Ordinal).ToList(),
            Of<ResourceType>(CatalogueDocuments.ResourceType).OrderBy(r => r.Name, StringComparer.Ordinal).ToList(),
            Of<WorkflowRegistration>(CatalogueDocuments.Workflow).OrderBy(w => w.Name, StringComparer.Ordinal).ToList());
    }
}
