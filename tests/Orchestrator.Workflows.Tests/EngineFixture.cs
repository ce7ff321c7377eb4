using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api;
using Orchestrator.Api.Processes;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Tables;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Workflows.Tests;

/// <summary>
/// The engine on Durable Task's in-process test host, with the real stores on the emulators and the test workflows.
/// Processes are started and resumed through the same commands the HTTP handlers call.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    readonly TestStorage storage = new("engine");
    DurableTaskTestHost host = null!;

    public DurableTaskClient Client => host.Client;
    public IServiceProvider Services => host.Services;
    public TestSwitches Switches => Services.GetRequiredService<TestSwitches>();
    public ProcessLog Log => Services.GetRequiredService<ProcessLog>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(storage.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["NetBox:Url"] = "http://127.0.0.1:9/", ["Tasks:LogRetentionDays"] = "0" })
            .Build();
        host = await DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestrator<ProcessOrchestrator>();
            tasks.AddActivity<RunStepActivity>();
        }, new DurableTaskTestHostOptions
        {
            Port = FreePort.Next(),
            ConfigureServices = services =>
            {
                services.AddLogging();
                services.AddOrchestratorApi(configuration, TestWorkflows.All);
                services.AddSingleton<TestSwitches>();
                services.AddSingleton<IConfiguration>(configuration);
            },
        });
        await Services.GetRequiredService<CosmosContainers>().EnsureCreatedAsync();
        await Services.GetRequiredService<ProcessTables>().EnsureCreatedAsync();
        await Services.GetRequiredService<CatalogueMigrator>().ApplyAsync(TestWorkflows.CatalogueWithTests());
        await Log.CreateAsync(new ProcessRecord
        {
            ProcessId = WorkflowProcessId, WorkflowName = "modify_note", WorkflowTarget = "MODIFY", IsTask = false, WorkflowVersion = 1,
            LastStatus = ProcessStatus.Completed, CreatedBy = "SYSTEM",
        }, new JsonObject());
    }

    /// <summary>A workflow (not a task) in the log, to show what only tasks may have done to them.</summary>
    public Guid WorkflowProcessId { get; } = Guid.NewGuid();

    public async Task<(int Status, JsonNode? Body)> ResumeAllAsync()
    {
        var context = Request("");
        var result = await Services.GetRequiredService<ProcessCommands>().ResumeAllAsync(context.Request, Client);
        return await ExecuteAsync(result, context);
    }

    public async Task<int> CallbackAsync(Guid processId, string secret, string body)
    {
        var context = Request(body);
        var result = await Services.GetRequiredService<ProcessCommands>().CallbackAsync(context.Request, processId, secret, Client);
        return (await ExecuteAsync(result, context)).Status;
    }

    public async Task<int> DeleteAsync(Guid processId)
    {
        var context = Request("");
        var result = await Services.GetRequiredService<ProcessCommands>().DeleteAsync(context.Request, processId, Client);
        return (await ExecuteAsync(result, context)).Status;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await storage.DisposeAsync();
    }

    public async Task<(int Status, JsonNode? Body)> StartAsync(string workflow, string body = "[]")
    {
        var context = Request(body);
        var result = await Services.GetRequiredService<ProcessCommands>().StartAsync(context.Request, workflow, Client);
        return await ExecuteAsync(result, context);
    }

    public async Task<Guid> StartedAsync(string workflow, string body = "[]")
    {
        var (status, response) = await StartAsync(workflow, body);
        Assert.True(status == (int)HttpStatusCode.Created, $"start of {workflow} answered {status}: {response?.ToJsonString()}");
        return Guid.Parse(response!["id"]!.GetValue<string>());
    }

    public async Task<(int Status, JsonNode? Body)> ResumeAsync(Guid processId, string body)
    {
        var context = Request(body);
        var result = await Services.GetRequiredService<ProcessCommands>().ResumeAsync(context.Request, processId, Client);
        return await ExecuteAsync(result, context);
    }

    public async Task<int> AbortAsync(Guid processId)
    {
        var context = Request("");
        var result = await Services.GetRequiredService<ProcessCommands>().AbortAsync(context.Request, processId, Client);
        return (await ExecuteAsync(result, context)).Status;
    }

    public async Task<(int Status, JsonNode? Body)> SetEngineLockAsync(bool locked)
    {
        var context = Request($$"""{"global_lock":{{locked.ToString().ToLowerInvariant()}}}""");
        var result = await Services.GetRequiredService<Api.Handlers.SettingsHandlers>().SetStatusAsync(context.Request, Client);
        return await ExecuteAsync(result, context);
    }

    public async Task<JsonNode> EngineStatusAsync()
    {
        var context = Request("");
        var result = await Services.GetRequiredService<Api.Handlers.SettingsHandlers>().GetStatusAsync(context.Request);
        return (await ExecuteAsync(result, context)).Body!;
    }

    /// <summary>Polls the process row until its status is one of <paramref name="statuses"/> (orchestrations here take milliseconds).</summary>
    public async Task<ProcessRecord> WaitForStatusAsync(Guid processId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        ProcessRecord? process = null;
        while (DateTime.UtcNow < deadline)
        {
            process = await Log.GetAsync(processId);
            if (process is not null && statuses.Contains(process.LastStatus)) return process;
            await Task.Delay(50);
        }
        throw new TimeoutException($"process {processId} stayed {process?.LastStatus}, expected {string.Join(" or ", statuses)}");
    }

    DefaultHttpContext Request(string body)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:7071");
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Request.ContentType = "application/json";
        context.Response.Body = new MemoryStream();
        return context;
    }

    static async Task<(int Status, JsonNode? Body)> ExecuteAsync(IResult result, DefaultHttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
