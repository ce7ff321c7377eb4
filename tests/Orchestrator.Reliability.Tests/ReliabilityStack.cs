using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Infra.Tables;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// One isolated system for a test: its own Cosmos database, tables and task hub, the catalogue with the test workflows, and
/// the stores as the test process sees them, to check the process log and the subscriptions against each other.
/// </summary>
public sealed class ReliabilityStack : IAsyncDisposable
{
    readonly ServiceProvider services;
    readonly List<HostProcess> hosts = [];

    ReliabilityStack(Dictionary<string, string?> settings)
    {
        Settings = settings;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services = new ServiceCollection().AddOrchestratorInfra(configuration).BuildServiceProvider();
    }

    public Dictionary<string, string?> Settings { get; }
    public ProcessLog Log => services.GetRequiredService<ProcessLog>();
    public SubscriptionStore Subscriptions => services.GetRequiredService<SubscriptionStore>();
    CosmosContainers Containers => services.GetRequiredService<CosmosContainers>();

    /// <param name="storageConnectionString">Another Azurite than the one test.sh started (the storage fault test runs its own).</param>
    public static async Task<ReliabilityStack> CreateAsync(string name, string? storageConnectionString = null)
    {
        var settings = Emulators.IsolatedSettings(name);
        if (storageConnectionString is not null) settings["Storage:ConnectionString"] = storageConnectionString;
        settings["NetBox:Url"] = "http://127.0.0.1:9/";
        settings["DurableTask:QueueVisibilityTimeout"] = "00:00:05";
        settings["DurableTask:LeaseInterval"] = "00:00:06";
        settings["DurableTask:MaxQueuePollingInterval"] = "00:00:00.200";
        var stack = new ReliabilityStack(settings);
        await stack.Containers.EnsureCreatedAsync();
        await stack.services.GetRequiredService<ProcessTables>().EnsureCreatedAsync();
        await stack.services.GetRequiredService<CatalogueMigrator>().ApplyAsync(TestWorkflows.CatalogueWithTests());
        return stack;
    }

    public async Task<HostProcess> StartHostAsync(string? crashAt = null)
    {
        var host = await HostProcess.StartAsync(Settings, crashAt);
        hosts.Add(host);
        return host;
    }

    public static async Task<Guid> StartProcessAsync(HostProcess host, string workflow, string body = "[]")
    {
        using var response = await host.Http.PostAsync($"processes/{workflow}", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"start of {workflow} answered {(int)response.StatusCode}: {text}");
        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
    }

    /// <summary>Polls the process rows until every one has one of the statuses; fails naming those that did not get there.</summary>
    public async Task WaitForAsync(IReadOnlyCollection<Guid> processIds, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pending = processIds.ToHashSet();
        var last = new Dictionary<Guid, string>();
        while (true)
        {
            foreach (var id in pending.ToList())
            {
                var process = await Log.GetAsync(id);
                last[id] = process?.LastStatus ?? "(missing)";
                if (process is not null && statuses.Contains(process.LastStatus)) pending.Remove(id);
            }
            if (pending.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{pending.Count} of {processIds.Count} processes did not reach {string.Join("/", statuses)}: "
                    + string.Join(", ", pending.Take(5).Select(id => $"{id}={last[id]}")) + "\n" + string.Join("\n", hosts.Select(h => h.Output)));
            await Task.Delay(250);
        }
    }

    /// <summary>The Durable Task runtime status once it is no longer running (or the last seen at the timeout).</summary>
    public static async Task<string> OrchestrationStatusAsync(HostProcess host, Guid processId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await host.Http.GetAsync($"processes/{processId}/status");
            var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["runtimeStatus"]?.GetValue<string>() ?? "";
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline) return status;
            await Task.Delay(250);
        }
    }

    /// <summary>Every process in the log, also those whose start answer a crash swallowed.</summary>
    public async Task<IReadOnlyList<Guid>> AllProcessIdsAsync()
    {
        var ids = new List<Guid>();
        string? token = null;
        do
        {
            var page = await Log.ListAsync(new ProcessQuery { Take = 1000, ContinuationToken = token });
            ids.AddRange(page.Items.Select(p => p.ProcessId));
            token = page.ContinuationToken;
        } while (token is not null);
        return ids;
    }

    public async Task<int> CountSubscriptionsAsync()
    {
        using var iterator = Containers.Subscriptions.GetItemQueryIterator<int>(new QueryDefinition("SELECT VALUE COUNT(1) FROM c"));
        var total = 0;
        while (iterator.HasMoreResults) total += (await iterator.ReadNextAsync()).Sum();
        return total;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts) host.Dispose();
        try
        {
            await services.GetRequiredService<CosmosClient>().GetDatabase(Settings["Cosmos:Database"]).DeleteAsync();
        }
        catch (CosmosException)
        {
            // already gone
        }
        await services.DisposeAsync();
    }
}
