using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.NetBoxSimulator.Faults;
using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>Maps a <see cref="Resource{T}"/> to NetBox's list / detail / create / patch / delete routes.</summary>
public static class ResourceRoutes
{
    public static void MapResource<T>(this IEndpointRouteBuilder app, Resource<T> resource) where T : IEntity
    {
        var detail = resource.Path + "{id:int}/";

        app.MapGet(resource.Path, (HttpRequest request, NetBoxStore store) => store.Run(state =>
        {
            var renderer = new Renderer(state, Pagination.BaseUrl(request));
            var rows = resource.Filters.Apply(state, resource.Table(state).All, request.Query).ToList();
            return NetBoxResults.Json(Pagination.Page(request, rows, row => resource.Render(renderer, row)));
        }));

        app.MapGet(detail, (int id, HttpRequest request, NetBoxStore store) => store.Run(state =>
            resource.Table(state).Find(id) is { } row
                ? NetBoxResults.Json(resource.Render(new Renderer(state, Pagination.BaseUrl(request)), row))
                : NetBoxResults.NotFound()));

        if (resource.Create is { } create)
        {
            app.MapPost(resource.Path, async (HttpRequest request, NetBoxStore store) =>
            {
                var body = await ReadObjectAsync(request);
                return store.Run(state =>
                {
                    var row = create(state, new PayloadReader(body));
                    return NetBoxResults.Created(resource.Render(new Renderer(state, Pagination.BaseUrl(request)), row));
                });
            }).AddEndpointFilter<WriteOutcomeFilter>();
        }

        if (resource.Update is { } update)
        {
            app.MapMethods(detail, ["PATCH"], async (int id, HttpRequest request, NetBoxStore store) =>
            {
                var body = await ReadObjectAsync(request);
                return store.Run(state =>
                {
                    if (resource.Table(state).Find(id) is not { } existing) return NetBoxResults.NotFound();
                    var row = update(state, existing, new PayloadReader(body));
                    return NetBoxResults.Json(resource.Render(new Renderer(state, Pagination.BaseUrl(request)), row));
                });
            }).AddEndpointFilter<WriteOutcomeFilter>();
        }

        if (resource.Delete is { } delete)
        {
            app.MapDelete(detail, (int id, NetBoxStore store) => store.Run(state =>
            {
                if (resource.Table(state).Find(id) is not { } existing) return NetBoxResults.NotFound();
                delete(state, existing);
                resource.Table(state).Remove(id);
                return Results.NoContent();
            })).AddEndpointFilter<WriteOutcomeFilter>();
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request) =>
        await ReadJsonAsync(request) as JsonObject
        ?? throw ValidationFailure.For("non_field_errors", "Invalid data. Expected a dictionary, but got something else.");

    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException e)
        {
            throw ValidationFailure.For("detail", $"JSON parse error - {e.Message}");
        }
    }
}
