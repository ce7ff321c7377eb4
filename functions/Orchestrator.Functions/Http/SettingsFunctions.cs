using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Orchestrator.Api.Handlers;

namespace Orchestrator.Functions.Http;

public sealed class SettingsFunctions(SettingsHandlers settings)
{
    [Function("GetEngineStatus")]
    public Task<IActionResult> GetStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settings/status")] HttpRequest req) =>
        settings.GetStatusAsync(req).AsAction();

    [Function("SetEngineStatus")]
    public Task<IActionResult> SetStatus([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "settings/status")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        settings.SetStatusAsync(req, client).AsAction();
}
