using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Api.Views;

/// <summary>The catalogue in orchestrator-core's REST shapes (spec §4.5).</summary>
public static class CatalogueViews
{
    static readonly DateTimeOffset CatalogueEpoch = new(2023, 9, 27, 0, 0, 0, TimeSpan.Zero);

    public static JsonObject Product(Product product, CatalogueSnapshot catalogue)
    {
        var json = DomainModelView.ProductJson(product);
        json["product_blocks"] = new JsonArray(catalogue.BlocksOf(product).Select(b => (JsonNode)Block(b, catalogue)).ToArray());
        json["fixed_inputs"] = new JsonArray(product.FixedInputs.Select(f => (JsonNode)new JsonObject
        {
            ["fixed_input_id"] = f.FixedInputId,
            ["name"] = f.Name,
            ["value"] = f.Value,
            ["product_id"] = product.ProductId,
            ["created_at"] = product.CreatedAt,
        }).ToArray());
        json["workflows"] = new JsonArray(catalogue.WorkflowsOf(product).Select(w => (JsonNode)Workflow(w, catalogue)).ToArray());
        return json;
    }

    public static JsonObject Block(ProductBlock block, CatalogueSnapshot catalogue) => new()
    {
        ["product_block_id"] = block.ProductBlockId,
        ["name"] = block.Name,
        ["description"] = block.Description,
        ["tag"] = block.Tag,
        ["status"] = JsonSerializer.SerializeToNode(block.Status, DomainJson.Options),
        ["created_at"] = CatalogueEpoch,
        ["end_date"] = null,
        ["resource_types"] = new JsonArray(block.ResourceTypeNames
            .Select(catalogue.ResourceType).OfType<ResourceType>().Select(r => (JsonNode)ResourceType(r)).ToArray()),
        ["depends_on"] = new JsonArray(block.DependsOnBlockNames
            .Select(catalogue.Block).OfType<ProductBlock>().Select(d => (JsonNode)new JsonObject
            {
                ["product_block_id"] = d.ProductBlockId,
                ["name"] = d.Name,
                ["tag"] = d.Tag,
            }).ToArray()),
    };

    public static JsonObject ResourceType(ResourceType resourceType) => new()
    {
        ["resource_type_id"] = resourceType.ResourceTypeId,
        ["resource_type"] = resourceType.Name,
        ["description"] = resourceType.Description,
    };

    public static JsonObject ResourceTypeWithBlocks(ResourceType resourceType, CatalogueSnapshot catalogue)
    {
        var json = ResourceType(resourceType);
        json["product_blocks"] = new JsonArray(catalogue.ProductBlocks
            .Where(b => b.ResourceTypeNames.Contains(resourceType.Name))
            .Select(b => (JsonNode)new JsonObject { ["product_block_id"] = b.ProductBlockId, ["name"] = b.Name, ["tag"] = b.Tag })
            .ToArray());
        return json;
    }

    public static JsonObject Workflow(WorkflowRegistration workflow, CatalogueSnapshot catalogue) => new()
    {
        ["workflow_id"] = workflow.WorkflowId,
        ["name"] = workflow.Name,
        ["target"] = JsonSerializer.SerializeToNode(workflow.Target, DomainJson.Options),
        ["description"] = workflow.Description,
        ["is_task"] = workflow.IsTask,
        ["created_at"] = workflow.CreatedAt,
        ["product_tags"] = new JsonArray(workflow.ProductNames
            .Select(catalogue.ProductByName).OfType<Product>().Select(p => (JsonNode)p.Tag).Distinct().ToArray()),
    };
}
