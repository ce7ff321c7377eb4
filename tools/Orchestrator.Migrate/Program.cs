using Microsoft.Extensions.Configuration;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Infra.Catalogue;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Schedules;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Infra.Tables;

// Applies every catalogue version that is not yet recorded. Configure with Cosmos__Endpoint, Cosmos__Key, Cosmos__Database
// (and Cosmos__UseLocalEmulatorShim=true for the local emulator only), and adds the default schedules to Table storage
// (Storage__ConnectionString, Storage__TablePrefix) unless they are there.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var options = configuration.GetSection("Cosmos").Get<CosmosOptions>() ?? new CosmosOptions();
using var client = CosmosClientFactory.Create(options);
var migrator = new CatalogueMigrator(new CosmosContainers(client, options), TimeProvider.System);
var applied = await migrator.ApplyAsync(CatalogueMigrations.All);
var recorded = await migrator.AppliedVersionsAsync();
Console.WriteLine(applied.Count == 0
    ? $"Catalogue up to date at {options.Endpoint} (versions {string.Join(", ", recorded)})"
    : $"Applied catalogue version(s) {string.Join(", ", applied)} at {options.Endpoint}; recorded: {string.Join(", ", recorded)}");

var related = await new SubscriptionStore(new CosmosContainers(client, options)).BackfillRelationsAsync();
Console.WriteLine($"Relations written for {related} subscription(s)");

var storage = configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
var tables = new ProcessTables(new Azure.Data.Tables.TableServiceClient(storage.ConnectionString), storage);
await tables.EnsureCreatedAsync();
var schedules = await DefaultSchedules.EnsureAsync(new ScheduleStore(tables), DateTimeOffset.UtcNow);
Console.WriteLine(schedules.Count == 0 ? "Default schedules present" : $"Added default schedules: {string.Join(", ", schedules)}");
