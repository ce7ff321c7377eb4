using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Orchestrator.Api;
using Orchestrator.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<AccessSeamFunctionsMiddleware>();
builder.Services.AddOrchestratorApi(builder.Configuration);
builder.Build().Run();
