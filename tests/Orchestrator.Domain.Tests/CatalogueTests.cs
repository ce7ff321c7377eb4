using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Catalogue.Migrations;

namespace Orchestrator.Domain.Tests;

public class CatalogueTests
{
    [Fact]
    public void The_catalogue_has_the_five_products_of_the_workshop_with_their_fixed_inputs()
    {
        var catalogue = Samples.Snapshot;

        Assert.Equal(["Circuit", "Node", "User Group", "User external", "User internal"], catalogue.Products.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("100G", catalogue.ProductByName("Circuit")!.FixedInputs.Single(f => f.Name == "speed").Value);
        Assert.Equal("external", catalogue.ProductByName("User external")!.FixedInputs.Single(f => f.Name == "affiliation").Value);
        Assert.Equal(["Circuit", "Layer 3 Interface", "Port"], catalogue.BlocksOf(catalogue.ProductByName("Circuit")!).Select(b => b.Name));
    }

    [Fact]
    public void Every_block_field_that_is_a_resource_has_a_resource_type()
    {
        var catalogue = Samples.Snapshot;
        var missing = catalogue.ProductBlocks.SelectMany(b => b.ResourceTypeNames).Where(n => catalogue.ResourceType(n) is null);
        Assert.Empty(missing);
    }

    [Fact]
    public void Name_based_ids_are_stable_version_5_uuids()
    {
        var id = DeterministicGuid.From("product:Node");

        Assert.Equal(id, DeterministicGuid.From("product:Node"));
        Assert.NotEqual(id, DeterministicGuid.From("product:Circuit"));
        Assert.Equal('5', id.ToString()[14]);
        Assert.Equal(id, CatalogueMigrations.Apply(CatalogueMigrations.All).ProductByName("Node")!.ProductId);
    }

    [Fact]
    public void Migration_versions_are_unique_and_increasing()
    {
        var versions = CatalogueMigrations.All.Select(m => m.Version).ToList();
        Assert.Equal(versions.Order().Distinct(), versions);
    }
}
