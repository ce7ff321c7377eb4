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

public sealed class WorkflowHandlers(CatalogueStore catalogue, ILogger<WorkflowHandlers> logger)
{
    public Task<IResult> ListAsync(HttpRequest request) => Guarded.RunAsync(async () =>
    {
        WorkflowTarget? target = null;
        if (RequestParameters.Single(request, "target") is { } value)
        {
            try
            {
                target = JsonSerializer.Deserialize<WorkflowTarget>($"\"{value.ToUpperInvariant()}\"", DomainJson.Options);
            }
            catch (JsonException)
            {
                throw new BadInputException("target", $"'{value}' is not one of CREATE, MODIFY, TERMINATE, VALIDATE, SYSTEM");
            }
        }
        var snapshot = await catalogue.GetAsync(request.HttpContext.RequestAborted);
        var workflows = snapshot.Workflows.Where(w => target is null || w.Target == target)
            .Select(w => (JsonNode)CatalogueViews.Workflow(w, snapshot));
        return ApiResults.Json(new JsonArray(workflows.ToArray()));
    }, logger);
}
