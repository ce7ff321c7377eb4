using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.NetBoxSimulator.Tests;

/// <summary>A fresh simulator on a free port per test, with a raw HTTP client that sends a token.</summary>
public sealed class SimulatorFixture : IAsyncDisposable
{
    private SimulatorFixture(RunningSimulator simulator)
    {
        Simulator = simulator;
        Http = new HttpClient { BaseAddress = simulator.BaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "test-token");
    }

    public RunningSimulator Simulator { get; }
    public HttpClient Http { get; }

    public static async Task<SimulatorFixture> StartAsync(params string[] args) =>
        new(await NetBoxSimulatorApp.StartAsync(0, args));

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var isJson = response.Content.Headers.ContentType?.MediaType == "application/json";
        return ((int)response.StatusCode, isJson && text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    public Task<(int Status, JsonNode? Body)> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public static object Cable(int a, int b) => new
    {
        a_terminations = new[] { new { object_type = "dcim.interface", object_id = a } },
        b_terminations = new[] { new { object_type = "dcim.interface", object_id = b } },
        status = "planned",
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
