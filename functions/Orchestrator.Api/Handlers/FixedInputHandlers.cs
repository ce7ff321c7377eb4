using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Infra.Catalogue;

namespace Orchestrator.Api.Handlers;

/// <summary><c>GET /api/fixed_inputs/configuration</c>: every fixed input with its values, and which tags require which.</summary>
public sealed class FixedInputHandlers(CatalogueStore catalogue, ILogger<FixedInputHandlers> logger)
{
    public Task<IResult> ConfigurationAsync(HttpRequest request) => Guarded.RunAsync(async () =>
    {
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        var fixedInputs = snapshot.Products.SelectMany(p => p.FixedInputs).GroupBy(f => f.Name)
            .Select(g => (JsonNode)new JsonObject
            {
                ["name"] = g.Key,
                ["description"] = $"Fixed input '{g.Key}'",
                ["values"] = new JsonArray(g.Select(f => (JsonNode)f.Value).DistinctBy(v => v.GetValue<string>()).ToArray()),
            });
        var byTag = new JsonObject();
        foreach (var product in snapshot.Products.GroupBy(p => p.Tag))
            byTag[product.Key] = new JsonArray(product.SelectMany(p => p.FixedInputs).Select(f => f.Name).Distinct()
                .Select(name => (JsonNode)new JsonObject { [name] = true }).ToArray());
        return ApiResults.Json(new JsonObject { ["fixed_inputs"] = new JsonArray(fixedInputs.ToArray()), ["by_tag"] = byTag });
    }, logger);
}
