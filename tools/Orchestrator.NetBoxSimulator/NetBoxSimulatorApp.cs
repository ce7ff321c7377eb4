using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Orchestrator.NetBoxSimulator.Api;
using Orchestrator.NetBoxSimulator.Faults;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator;

/// <summary>Builds the simulator: in <c>Program</c> for <c>dotnet run</c>, and in-process for tests.</summary>
public static class NetBoxSimulatorApp
{
    public const string DefaultUrl = "http://127.0.0.1:8000";
    public const string UrlsVariable = "NETBOX_SIM_URLS";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var urls = builder.Configuration["urls"] is { Length: > 0 } given ? given
            : Environment.GetEnvironmentVariable(UrlsVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultUrl;
        RequireLoopback(urls);
        builder.WebHost.UseUrls(urls);

        builder.Services.AddSingleton(builder.Configuration.GetSection("NetBoxSimulator").Get<SimulatorOptions>() ?? new SimulatorOptions());
        builder.Services.AddSingleton<NetBoxStore>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<RequestStats>();

        var app = builder.Build();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<TokenAuthMiddleware>();
        app.UseMiddleware<ApiExceptionMiddleware>();
        app.MapAdmin();
        app.MapStatus();
        app.MapDcim();
        app.MapIpam();
        app.MapExtras();
        return app;
    }

    /// <summary>The simulator accepts any token and has an unauthenticated admin endpoint: it must not be reachable from elsewhere.</summary>
    private static void RequireLoopback(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "";
            if (host is not ("127.0.0.1" or "localhost" or "[::1]"))
                throw new ArgumentException($"The NetBox simulator binds to loopback only (127.0.0.1, [::1] or localhost); got '{url}'.");
        }
    }

    /// <summary>Starts a simulator on a free loopback port; dispose the result to stop it.</summary>
    public static async Task<RunningSimulator> StartAsync(int port = 0, params string[] args)
    {
        var app = Build([.. args, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningSimulator(app, new Uri(address));
    }
}
