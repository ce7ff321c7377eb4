using Microsoft.Azure.Cosmos;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Testing;

namespace Orchestrator.Infra.Tests;

public sealed class CatalogueMigratorTests : IAsyncLifetime
{
    readonly TestStorage storage = new("catalogue");
    CatalogueMigrator migrator = null!;

    public Task InitializeAsync()
    {
        migrator = new CatalogueMigrator(storage.Containers, TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task Running_the_migration_twice_changes_nothing()
    {
        var first = await migrator.ApplyAsync(CatalogueMigrations.All);
        var etagsAfterFirst = await ETagsAsync();

        var second = await migrator.ApplyAsync(CatalogueMigrations.All);

        Assert.Equal(CatalogueMigrations.All.Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(etagsAfterFirst, await ETagsAsync());
        Assert.Equal(CatalogueMigrations.All.Select(m => m.Version), await migrator.AppliedVersionsAsync());
    }

    [Fact]
    public async Task The_migration_writes_the_five_products_with_their_blocks()
    {
        await migrator.ApplyAsync(CatalogueMigrations.All);

        var snapshot = await new CatalogueStore(storage.Containers, TimeProvider.System).GetAsync();

        Assert.Equal(5, snapshot.Products.Count);
        Assert.Equal(6, snapshot.ProductBlocks.Count);
        Assert.Equal(["Circuit", "Layer 3 Interface", "Port"], snapshot.BlocksOf(snapshot.ProductByName("Circuit")!).Select(b => b.Name));
        Assert.Contains(snapshot.Workflows, w => w.Name == "modify_note" && w.Target == WorkflowTarget.Modify);
    }

    [Fact]
    public async Task A_later_version_adds_a_product_a_block_and_a_resource_type_and_only_it_is_applied()
    {
        await migrator.ApplyAsync(CatalogueMigrations.All);
        var resourceType = new ResourceType(DeterministicGuid.From("resource_type:vlan"), "vlan", "VLAN", ValueKind.Integer);
        var block = new ProductBlock(DeterministicGuid.From("product_block:L2"), "L2", "L2 block", "L2", ProductLifecycle.Active,
            [BlockField.Resource("vlan", Required.WhenActive)]);
        var product = new Product(DeterministicGuid.From("product:L2VPN"), "L2VPN", "L2VPN", "L2VPN", "L2VPN", ProductLifecycle.Active,
            DateTimeOffset.UnixEpoch, null, [], [new RootBlock("l2", "L2")]);
        var later = new CatalogueMigration(CatalogueMigrations.All.Max(m => m.Version) + 1, "add_l2vpn", [resourceType], [block], [product], []);

        var applied = await migrator.ApplyAsync([.. CatalogueMigrations.All, later]);

        Assert.Equal([later.Version], applied);
        var snapshot = await new CatalogueStore(storage.Containers, TimeProvider.System).GetAsync();
        Assert.NotNull(snapshot.ProductByName("L2VPN"));
        Assert.NotNull(snapshot.Block("L2"));
        Assert.NotNull(snapshot.ResourceType("vlan"));
        Assert.Equal(6, snapshot.Products.Count);
    }

    async Task<Dictionary<string, string>> ETagsAsync()
    {
        var query = new QueryDefinition("SELECT c.id, c._etag FROM c WHERE c.pk = @pk").WithParameter("@pk", CosmosContainers.CatalogPartition);
        var result = new Dictionary<string, string>();
        using var iterator = storage.Containers.Catalog.GetItemQueryIterator<Newtonsoft.Json.Linq.JObject>(query);
        while (iterator.HasMoreResults)
            foreach (var item in await iterator.ReadNextAsync())
                result[(string)item["id"]!] = (string)item["_etag"]!;
        return result;
    }
}
