using Orchestrator.LocalHost;

var app = LocalHostApp.Build(args);
await LocalHostApp.EnsureStorageAsync(app.Services);
await app.StartAsync();
Console.WriteLine($"Orchestrator API listening on {LocalHostApp.ListeningAddress(app)}api");
await app.WaitForShutdownAsync();
