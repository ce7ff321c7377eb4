using Orchestrator.NetBoxSimulator;

var app = NetBoxSimulatorApp.Build(args);
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"NetBox simulator listening on {string.Join(", ", app.Urls)} (admin: /__admin/faults, /__admin/stats, /__admin/reset)"));
await app.RunAsync();
