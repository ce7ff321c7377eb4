using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.LocalHost;
using Orchestrator.Testing;
using static Orchestrator.Testing.Samples;

namespace Orchestrator.Api.Tests;

/// <summary>
/// The local host, in-process, on a free loopback port, against its own database on the emulators. Seeded with two active
/// nodes, a circuit between them and a node in status initial.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    readonly TestStorage storage = new("api");
    LocalHost.LocalHost host = null!;

    public HttpClient Http { get; private set; } = null!;
    public Subscription NodeA { get; } = ActiveNode();
    public Subscription NodeB { get; } = ActiveNode("loc2-core", 8);
    public Subscription Circuit { get; private set; } = null!;
    public Subscription InitialNode { get; } = NewSubscription(Node.ProductName);
    public SubscriptionStore Store => host.Services.GetRequiredService<SubscriptionStore>();
    public IServiceProvider Services => host.Services;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(storage.Settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["NetBox:Url"] = "http://127.0.0.1:9/",
        };
        host = await LocalHostApp.BuildAsync([], settings, TestWorkflows.All);
        await LocalHostApp.EnsureStorageAsync(host.Services);
        await host.Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(TestWorkflows.CatalogueWithTests());
        Circuit = CircuitBetween(NodeA, NodeB);
        Circuit.ChangeStatus(SubscriptionLifecycle.Active, Snapshot, Now, []);
        foreach (var active in new[] { NodeA, NodeB, Circuit }) active.Unlock(null);
        var nodeProduct = Snapshot.ProductByName(Node.ProductName)!;
        await Store.CreateAsync(NodeA, nodeProduct);
        await Store.CreateAsync(NodeB, nodeProduct);
        await Store.CreateAsync(InitialNode, nodeProduct);
        await Store.CreateAsync(Circuit, Snapshot.ProductByName(Domain.Products.ProductTypes.Circuit.ProductName)!);
        await host.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(host.Address, "/api/") };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await host.DisposeAsync();
        await storage.DisposeAsync();
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }
}
