using Orchestrator.LocalHost;

await using var host = await LocalHostApp.BuildAsync(args);
await LocalHostApp.EnsureStorageAsync(host.Services);
await host.StartAsync();
Console.WriteLine($"Orchestrator API listening on {host.Address}api");
await host.App.WaitForShutdownAsync();
