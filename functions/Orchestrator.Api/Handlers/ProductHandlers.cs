using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Api.Views;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Json;
using Orchestrator.Infra.Catalogue;

namespace Orchestrator.Api.Handlers;

/// <summary><c>/api/products</c>: the products with their blocks, resource types, fixed inputs and workflows.</summary>
public sealed class ProductHandlers(CatalogueStore catalogue, ILogger<ProductHandlers> logger)
{
    public Task<IResult> ListAsync(HttpRequest request) => Guarded.RunAsync(async () =>
    {
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        var tag = RequestParameters.Single(request, "tag");
        var productType = RequestParameters.Single(request, "product_type");
        var products = snapshot.Products
            .Where(p => tag is null || p.Tag == tag)
            .Where(p => productType is null || p.ProductType == productType)
            .Select(p => (JsonNode)CatalogueViews.Product(p, snapshot));
        return ApiResults.Json(new JsonArray(products.ToArray()));
    }, logger);

    public Task<IResult> GetAsync(HttpRequest request, string productId) => Guarded.RunAsync(async () =>
    {
        var id = RequestParameters.Id(productId, "product_id");
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        return snapshot.ProductById(id) is { } product
            ? ApiResults.Json(CatalogueViews.Product(product, snapshot))
            : ApiResults.NotFound($"Product {id} not found");
    }, logger);

    public Task<IResult> TagsAsync(HttpRequest request) => Guarded.RunAsync(async () =>
        ApiResults.Json((await catalogue.GetAsync(request.HttpContext.RequestAborted)).Products.Select(p => p.Tag).Distinct().Order()), logger);

    public Task<IResult> TypesAsync(HttpRequest request) => Guarded.RunAsync(async () =>
        ApiResults.Json((await catalogue.GetAsync(request.HttpContext.RequestAborted)).Products.Select(p => p.ProductType).Distinct().Order()), logger);

    public Task<IResult> StatusesAsync(HttpRequest request) => Task.FromResult(
        ApiResults.Json(Enum.GetValues<ProductLifecycle>().Select(s => JsonSerializer.SerializeToNode(s, DomainJson.Options))));
}
