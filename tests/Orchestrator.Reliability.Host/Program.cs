using Orchestrator.LocalHost;
using Orchestrator.Testing;

await using var host = await LocalHostApp.BuildAsync(args, extraWorkflows: TestWorkflows.All);
await LocalHostApp.EnsureStorageAsync(host.Services);
await host.StartAsync();
Console.WriteLine($"Orchestrator API listening on {host.Address}api");
await host.App.WaitForShutdownAsync();
