using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Api.Tests;

static class ProblemAssert
{
    /// <summary>The response has the status and the API's error body: title, status and a detail that mentions <paramref name="mentions"/>.</summary>
    public static async Task IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["title"]!.GetValue<string>()));
        Assert.Contains(mentions, body["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text);
    }
}
