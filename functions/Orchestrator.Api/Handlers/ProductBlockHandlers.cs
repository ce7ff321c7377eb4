using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Api.Views;
using Orchestrator.Infra.Catalogue;

namespace Orchestrator.Api.Handlers;

public sealed class ProductBlockHandlers(CatalogueStore catalogue, ILogger<ProductBlockHandlers> logger)
{
    public Task<IResult> ListAsync(HttpRequest request) => Guarded.RunAsync(async () =>
    {
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        return ApiResults.Json(new JsonArray(snapshot.ProductBlocks.Select(b => (JsonNode)CatalogueViews.Block(b, snapshot)).ToArray()));
    }, logger);

    public Task<IResult> GetAsync(HttpRequest request, string productBlockId) => Guarded.RunAsync(async () =>
    {
        var id = RequestParameters.Id(productBlockId, "product_block_id");
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        return snapshot.ProductBlocks.FirstOrDefault(b => b.ProductBlockId == id) is { } block
            ? ApiResults.Json(CatalogueViews.Block(block, snapshot))
            : ApiResults.NotFound($"Product block {id} not found");
    }, logger);
}
