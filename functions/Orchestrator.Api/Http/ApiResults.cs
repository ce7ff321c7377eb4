using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Orchestrator.Domain.Json;

namespace Orchestrator.Api.Http;

/// <summary>Every answer of the API: JSON in the domain's snake_case shape, and errors in one ProblemDetail shape.</summary>
public static class ApiResults
{
    public static IResult Json(object? value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, DomainJson.Options, "application/json", status);

    /// <summary><c>{"title", "status", "detail"}</c>, as orchestrator-core's raise_status answers; extra members may be added.</summary>
    public static IResult Problem(int status, string detail, JsonObject? extra = null)
    {
        var body = new JsonObject
        {
            ["title"] = ReasonPhrases.For(status),
            ["status"] = status,
            ["detail"] = detail,
        };
        foreach (var (key, value) in extra ?? []) body[key] = value?.DeepClone();
        return Results.Json(body, DomainJson.Options, "application/problem+json", status);
    }

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);
}
