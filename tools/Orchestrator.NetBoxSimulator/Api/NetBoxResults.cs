using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>JSON responses with NetBox's status codes and error bodies.</summary>
public static class NetBoxResults
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(Output), "application/json", Encoding.UTF8, status);

    public static IResult Created(JsonNode body) => Json(body, StatusCodes.Status201Created);

    public static IResult Detail(string detail, int status) => Json(new JsonObject { ["detail"] = detail }, status);

    public static IResult NotFound() => Detail("Not found.", StatusCodes.Status404NotFound);

    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        var body = new JsonObject();
        foreach (var (field, messages) in errors) body[field] = new JsonArray(messages.Select(m => (JsonNode)m).ToArray());
        return Json(body, StatusCodes.Status400BadRequest);
    }
}
