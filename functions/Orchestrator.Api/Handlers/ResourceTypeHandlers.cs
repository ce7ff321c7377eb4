using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Api.Views;
using Orchestrator.Infra.Catalogue;

namespace Orchestrator.Api.Handlers;

public sealed class ResourceTypeHandlers(CatalogueStore catalogue, ILogger<ResourceTypeHandlers> logger)
{
    public Task<IResult> ListAsync(HttpRequest request) => Guarded.RunAsync(async () =>
    {
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        return ApiResults.Json(new JsonArray(snapshot.ResourceTypes.Select(r => (JsonNode)CatalogueViews.ResourceTypeWithBlocks(r, snapshot)).ToArray()));
    }, logger);

    public Task<IResult> GetAsync(HttpRequest request, string resourceTypeId) => Guarded.RunAsync(async () =>
    {
        var id = RequestParameters.Id(resourceTypeId, "resource_type_id");
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        return snapshot.ResourceTypes.FirstOrDefault(r => r.ResourceTypeId == id) is { } resourceType
            ? ApiResults.Json(CatalogueViews.ResourceTypeWithBlocks(resourceType, snapshot))
            : ApiResults.NotFound($"Resource type {id} not found");
    }, logger);
}
