using Orchestrator.Domain.Products.ProductBlocks;
using Orchestrator.Domain.Products.ProductTypes;

namespace Orchestrator.Domain.Catalogue.Migrations;

/// <summary>Every catalogue version, oldest first. Add a version at the end; never change one that has shipped.</summary>
public static class CatalogueMigrations
{
    public static readonly IReadOnlyList<CatalogueMigration> All =
    [
        new(1, "node_circuit_user_and_user_group_products",
            [.. NodeBlock.ResourceTypes, .. PortBlock.ResourceTypes, .. Layer3InterfaceBlock.ResourceTypes,
             .. CircuitBlock.ResourceTypes, .. UserGroupBlock.ResourceTypes, .. UserBlock.ResourceTypes],
            [NodeBlock.Definition, PortBlock.Definition, Layer3InterfaceBlock.Definition, CircuitBlock.Definition,
             UserGroupBlock.Definition, UserBlock.Definition],
            [Node.Product, Circuit.Product, UserGroup.Product, User.Internal, User.External],
            WorkflowRegistrations.Core),
        new(2, "user_and_user_group_workflows", [], [], [], WorkflowRegistrations.UserAndGroupWorkflows),
        new(3, "node_workflows", [], [], [], WorkflowRegistrations.NodeWorkflows),
        new(4, "engine_tasks", [], [], [], WorkflowRegistrations.EngineTasks),
        new(5, "circuit_workflows", [.. CircuitBlock.PrefixIdResourceTypes, .. Layer3InterfaceBlock.AddressIdResourceTypes],
            [CircuitBlock.WithPrefixIds, Layer3InterfaceBlock.WithAddressId], [], WorkflowRegistrations.CircuitWorkflows),
        new(6, "validation_tasks", [], [], [], WorkflowRegistrations.ValidationTasks),
    ];

    /// <summary>The catalogue that results from applying every version in order.</summary>
    public static CatalogueSnapshot Apply(IEnumerable<CatalogueMigration> migrations)
    {
        var resourceTypes = new Dictionary<Guid, ResourceType>();
        var blocks = new Dictionary<Guid, ProductBlock>();
        var products = new Dictionary<Guid, Product>();
        var workflows = new Dictionary<Guid, WorkflowRegistration>();
        foreach (var m in migrations.OrderBy(m => m.Version))
        {
            foreach (var r in m.ResourceTypes) resourceTypes[r.ResourceTypeId] = r;
            foreach (var b in m.ProductBlocks) blocks[b.ProductBlockId] = b;
            foreach (var p in m.Products) products[p.ProductId] = p;
            foreach (var w in m.Workflows) workflows[w.WorkflowId] = w;
        }
        return new CatalogueSnapshot([.. products.Values], [.. blocks.Values], [.. resourceTypes.Values], [.. workflows.Values]);
    }
}
