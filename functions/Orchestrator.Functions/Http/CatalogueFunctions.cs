using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Api.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>Thin HTTP triggers over the shared catalogue handlers; names and routes match <see cref="Api.ApiRoutes"/>.</summary>
public sealed class CatalogueFunctions(
    HealthHandlers health, ProductHandlers products, ProductBlockHandlers blocks, ResourceTypeHandlers resourceTypes,
    WorkflowHandlers workflows, FixedInputHandlers fixedInputs)
{
    [Function("Health")]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) =>
        health.GetAsync(req).AsAction();

    [Function("ListProducts")]
    public Task<IActionResult> ListProducts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products")] HttpRequest req) =>
        products.ListAsync(req).AsAction();

    [Function("ProductTags")]
    public Task<IActionResult> ProductTags([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/tags/all")] HttpRequest req) =>
        products.TagsAsync(req).AsAction();

    [Function("ProductTypes")]
    public Task<IActionResult> ProductTypes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/types/all")] HttpRequest req) =>
        products.TypesAsync(req).AsAction();

    [Function("ProductStatuses")]
    public Task<IActionResult> ProductStatuses([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/statuses/all")] HttpRequest req) =>
        products.StatusesAsync(req).AsAction();

    [Function("GetProduct")]
    public Task<IActionResult> GetProduct([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/{productId}")] HttpRequest req, string productId) =>
        products.GetAsync(req, productId).AsAction();

    [Function("ListProductBlocks")]
    public Task<IActionResult> ListProductBlocks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "product_blocks")] HttpRequest req) =>
        blocks.ListAsync(req).AsAction();

    [Function("GetProductBlock")]
    public Task<IActionResult> GetProductBlock([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "product_blocks/{productBlockId}")] HttpRequest req, string productBlockId) =>
        blocks.GetAsync(req, productBlockId).AsAction();

    [Function("ListResourceTypes")]
    public Task<IActionResult> ListResourceTypes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "resource_types")] HttpRequest req) =>
        resourceTypes.ListAsync(req).AsAction();

    [Function("GetResourceType")]
    public Task<IActionResult> GetResourceType([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "resource_types/{resourceTypeId}")] HttpRequest req, string resourceTypeId) =>
        resourceTypes.GetAsync(req, resourceTypeId).AsAction();

    [Function("ListWorkflows")]
    public Task<IActionResult> ListWorkflows([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workflows")] HttpRequest req) =>
        workflows.ListAsync(req).AsAction();

    [Function("FixedInputConfiguration")]
    public Task<IActionResult> FixedInputConfiguration([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fixed_inputs/configuration")] HttpRequest req) =>
        fixedInputs.ConfigurationAsync(req).AsAction();
}
