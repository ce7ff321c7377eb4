using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Orchestrator.Api;
using Orchestrator.Api.Http;
using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Tables;
using Orchestrator.LocalHost.Durable;
using Orchestrator.Workflows.Engine;
using Orchestrator.Workflows.Workflows.Tasks.Validation;

namespace Orchestrator.LocalHost;

/// <summary>
/// The standalone local host: the API's handlers on http://127.0.0.1:7071/api, as <c>func start</c> serves them.
/// It listens on loopback only. Tests build it in-process on a free port.
/// </summary>
public static class LocalHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <param name="settings">Settings that override every other source (tests use them for isolated storage and port 0).</param>
    /// <param name="extraWorkflows">Workflows registered besides the built-in ones (tests register their own).</param>
    public static async Task<LocalHost> BuildAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null,
        IEnumerable<WorkflowDefinition>? extraWorkflows = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var url = builder.Configuration["urls"] ?? builder.Configuration["LocalHost:Url"] ?? DefaultUrl;
        builder.WebHost.ConfigureKestrel(kestrel => ListenOnLoopback(kestrel, url));
        builder.Services.AddOrchestratorApi(builder.Configuration, extraWorkflows);

        var sidecar = await DurableSidecar.StartAsync(builder.Configuration);
        var channel = GrpcChannel.ForAddress(sidecar.Address);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(tasks =>
            {
                tasks.AddOrchestrator<ProcessOrchestrator>();
                tasks.AddValidationRun();
                if (CrashHookActivity.Enabled) tasks.AddActivity(nameof(RunStepActivity), typeof(CrashHookActivity));
                else tasks.AddActivity<RunStepActivity>();
            });
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        builder.Services.AddHostedService<ScheduleTickService>();
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => CorsPolicy.Configure(policy, builder.Configuration)));
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(context =>
            ApiResults.Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred; it has been logged").ExecuteAsync(context)));
        app.UseStatusCodePages(context => context.HttpContext.Response.HasStarted
            ? Task.CompletedTask
            : ApiResults.Problem(context.HttpContext.Response.StatusCode, StatusDetail(context.HttpContext)).ExecuteAsync(context.HttpContext));
        app.UseCors();
        app.UseMiddleware<AccessSeamMiddleware>();
        var api = app.MapGroup("/api");
        foreach (var route in ApiRoutes.All)
            api.MapMethods(route.Template, [route.Method], route.Handler).WithName(route.FunctionName);
        app.MapGet("/runtime/webhooks/durabletask/instances/{instanceId}", (HttpRequest request, string instanceId, Api.Handlers.ProcessHandlers handlers, DurableTaskClient client) =>
            handlers.StatusAsync(request, instanceId, client));
        return new LocalHost(app, sidecar, channel);
    }

    /// <summary>Creates the Cosmos containers and the process tables if they are missing.</summary>
    public static async Task EnsureStorageAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await services.GetRequiredService<CosmosContainers>().EnsureCreatedAsync(ct);
        await services.GetRequiredService<ProcessTables>().EnsureCreatedAsync(ct);
    }

    public static Uri ListeningAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    static void ListenOnLoopback(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, string url)
    {
        var uri = new Uri(url);
        var address = uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host);
        if (!IPAddress.IsLoopback(address))
            throw new InvalidOperationException($"The local host listens on loopback only; '{url}' is not a loopback address");
        kestrel.Listen(address, uri.Port);
    }

    static string StatusDetail(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"No route {context.Request.Method} {context.Request.Path}",
        StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}",
        _ => "The request could not be processed",
    };
}
