using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

/// <summary>Reads a JSON body with a size cap, before anything of it reaches the engine.</summary>
public static class RequestBody
{
    /// <summary>Form pages and callback results are small; anything larger is refused with 413.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body as JSON; not UTF-8, not JSON, nested deeper than 64 or with a key twice in one object is a 400.</summary>
    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes) throw new BodyTooLargeException();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new BodyTooLargeException();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return null;
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or ArgumentException)
        {
            throw new BadInputException("body", "is not valid JSON in UTF-8");
        }
    }

    /// <summary>The pages of a form submission: a JSON array of objects; an empty body or <c>{}</c> means no pages.</summary>
    public static JsonArray Pages(JsonNode? body) => body switch
    {
        null => [],
        JsonArray array => array,
        JsonObject obj when obj.Count == 0 => [],
        _ => throw new BadInputException("body", "must be a JSON array of form pages"),
    };
}

public sealed class BodyTooLargeException() : Exception($"The request body is larger than {RequestBody.MaxBytes} bytes");
