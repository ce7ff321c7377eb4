using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Infra.Cosmos;

namespace Orchestrator.Infra.Catalogue;

/// <summary>How catalogue items are laid out in the <c>catalog</c> container: <c>{id: "kind:guid", pk, kind, data}</c>.</summary>
static class CatalogueDocuments
{
    public const string Product = "product";
    public const string ProductBlock = "product_block";
    public const string ResourceType = "resource_type";
    public const string Workflow = "workflow";
    public const string Migration = "migration";

    public static JsonObject Wrap<T>(string kind, Guid id, T data) => new()
    {
        ["id"] = $"{kind}:{id}",
        ["pk"] = CosmosContainers.CatalogPartition,
        ["kind"] = kind,
        ["data"] = CosmosJson.ToDocument(data),
    };

    public static IEnumerable<JsonObject> ItemsOf(Domain.Catalogue.Migrations.CatalogueMigration migration) =>
        migration.ResourceTypes.Select(r => Wrap(ResourceType, r.ResourceTypeId, r))
            .Concat(migration.ProductBlocks.Select(b => Wrap(ProductBlock, b.ProductBlockId, b)))
            .Concat(migration.Products.Select(p => Wrap(Product, p.ProductId, p)))
            .Concat(migration.Workflows.Select(w => Wrap(Workflow, w.WorkflowId, w)));

    /// <summary>The document minus the server's own properties (_etag, _ts, ...), to compare content.</summary>
    public static JsonObject Content(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList()) copy.Remove(key);
        return copy;
    }
}
