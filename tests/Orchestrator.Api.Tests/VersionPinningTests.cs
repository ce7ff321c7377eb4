using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Infra.Catalogue;
using Orchestrator.LocalHost;

namespace Orchestrator.Api.Tests;

/// <summary>
/// Registering version 2 of a workflow does not change a process that started on version 1: the host is stopped while the
/// process waits at an input step, a new build with both versions takes over the same storage, the old process finishes on
/// version 1's steps and a new one runs version 2.
/// </summary>
public sealed class VersionPinningTests : IAsyncLifetime
{
    readonly TestStorage storage = new("versions");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await storage.DisposeAsync();

    async Task<LocalHost.LocalHost> StartHostAsync(params int[] versions)
    {
        var settings = new Dictionary<string, string?>(storage.Settings) { ["urls"] = "http://127.0.0.1:0", ["NetBox:Url"] = "http://127.0.0.1:9/" };
        var host = await LocalHostApp.BuildAsync([], settings, versions.Select(TestWorkflows.VersionedWorkflow));
        await LocalHostApp.EnsureStorageAsync(host.Services);
        await host.Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(TestWorkflows.CatalogueWithTests([.. TestWorkflows.All, TestWorkflows.VersionedWorkflow(1)]));
        await host.StartAsync();
        return host;
    }

    static async Task<JsonNode> WaitForAsync(HttpClient http, string id, string status)
    {
        for (var i = 0; i < 900; i++)
        {
            var detail = (await http.GetFromJsonAsync<JsonNode>($"processes/{id}"))!;
            if (detail["last_status"]!.GetValue<string>() == status) return detail;
            await Task.Delay(100);
        }
        throw new TimeoutException($"process {id} did not reach {status}");
    }

    static async Task<string> StartAsync(HttpClient http)
    {
        using var response = await http.PostAsync($"processes/{TestWorkflows.Versioned}", new StringContent("[]", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_process_waiting_across_a_version_change_finishes_on_its_own_version()
    {
        string oldProcess;
        await using (var v1 = await StartHostAsync(1))
        {
            using var http = new HttpClient { BaseAddress = new Uri(v1.Address, "/api/") };
            oldProcess = await StartAsync(http);
            await WaitForAsync(http, oldProcess, "suspended");
        }

        await using var v2 = await StartHostAsync(1, 2);
        using var client = new HttpClient { BaseAddress = new Uri(v2.Address, "/api/") };
        using var resumed = await client.PutAsync($"processes/{oldProcess}/resume", new StringContent("""[{"go":"ACCEPTED"}]""", Encoding.UTF8, "application/json"));
        var old = await WaitForAsync(client, oldProcess, "completed");
        var newProcess = await StartAsync(client);
        await WaitForAsync(client, newProcess, "suspended");
        using var resumedNew = await client.PutAsync($"processes/{newProcess}/resume", new StringContent("""[{"go":"ACCEPTED"}]""", Encoding.UTF8, "application/json"));
        var fresh = await WaitForAsync(client, newProcess, "completed");

        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.Equal(1, old["workflow_version"]!.GetValue<int>());
        Assert.Equal(1, old["current_state"]!["ran_version"]!.GetValue<int>());
        Assert.Contains(old["steps"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "Step of version 1");
        Assert.Equal(2, fresh["workflow_version"]!.GetValue<int>());
        Assert.Equal(2, fresh["current_state"]!["ran_version"]!.GetValue<int>());
    }
}
