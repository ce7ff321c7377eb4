using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Api.Tests.Fuzz;

/// <summary>What every answer to a hostile request must be: no 5xx, and a 4xx in one of the API's two error shapes.</summary>
static class FuzzAssert
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, FuzzBody body)
    {
        var content = new ByteArrayContent(body.Bytes);
        if (body.ContentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(body.ContentType);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        return await http.SendAsync(request);
    }

    /// <summary>Null when the answer is acceptable, else why not. 510 is the form protocol's "next page" answer, not a failure.</summary>
    public static async Task<string?> ProblemWithAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status < 400) return null;
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {Cut(text)}";
        }
        if (status == 510) return body?["type"]?.GetValue<string>() == "FormNotCompleteError" ? null : $"510 that is not a form page: {Cut(text)}";
        if (status >= 500) return $"{status}: {Cut(text)}";
        if (text.Contains("   at ", StringComparison.Ordinal)) return $"{status} leaks a stack trace";
        if (IsProblem(body, status) || IsFormError(body)) return null;
        return $"{status} not in the API's error format: {Cut(text)}";
    }

    static bool IsProblem(JsonNode? body, int status) =>
        body?["title"] is JsonValue title && title.TryGetValue<string>(out var t) && t.Length > 0
        && body["status"] is JsonValue s && s.TryGetValue<int>(out var code) && code == status
        && body["detail"] is JsonValue d && d.TryGetValue<string>(out _);

    static bool IsFormError(JsonNode? body) =>
        body?["type"]?.GetValue<string>() is "FormValidationError" && body["validation_errors"] is JsonArray { Count: > 0 } errors
        && errors.All(e => e?["loc"] is JsonArray && e["msg"] is JsonValue);

    static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
