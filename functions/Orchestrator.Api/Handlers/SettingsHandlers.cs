using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Orchestrator.Api.Http;
using Orchestrator.Infra.Processes;
using Orchestrator.Infra.Settings;
using Orchestrator.Workflows.Engine;

namespace Orchestrator.Api.Handlers;

/// <summary>
/// <c>/api/settings/status</c>: the engine pause (spec §3.4). Locking stops processes at their next step boundary (they stay
/// running); unlocking wakes every process the pause stopped. RUNNING, PAUSING (locked, steps still running) or PAUSED.
/// </summary>
public sealed class SettingsHandlers(EngineSettingsStore settings, ProcessResumer processes, ILogger<SettingsHandlers> logger)
{
    public Task<IResult> GetStatusAsync(HttpRequest request) => Guarded.RunAsync(async () =>
        ApiResults.Json(await StatusAsync(await settings.GetAsync(request.HttpContext.RequestAborted), request.HttpContext.RequestAborted)), logger);

    public Task<IResult> SetStatusAsync(HttpRequest request, DurableTaskClient client) => Guarded.RunAsync(async () =>
    {
        var ct = request.HttpContext.RequestAborted;
        var body = await RequestBody.ReadJsonAsync(request);
        if (body is not JsonObject obj || obj["global_lock"] is not JsonValue value || !value.TryGetValue<bool>(out var locked))
            throw new BadInputException("global_lock", "the body must be {\"global_lock\": true|false}");
        var previous = await settings.GetAsync(ct);
        var now = await settings.SetLockAsync(locked, ct);
        if (previous.GlobalLock && !locked)
        {
            foreach (var process in await PausedAsync(ct))
                await client.RaiseEventAsync(process.ProcessId.ToString(), EngineEvents.Unpause(process.WaitToken![EngineEvents.PausedMarker.Length..]), "", ct);
        }
        return ApiResults.Json(await StatusAsync(now, ct));
    }, logger);

    async Task<JsonObject> StatusAsync(EngineSettings current, CancellationToken ct)
    {
        var running = (await RunningAsync(ct)).Count(p => p.WaitToken?.StartsWith(EngineEvents.PausedMarker, StringComparison.Ordinal) != true);
        return new JsonObject
        {
            ["global_lock"] = current.GlobalLock,
            ["running_processes"] = running,
            ["global_status"] = !current.GlobalLock ? "RUNNING" : running > 0 ? "PAUSING" : "PAUSED",
        };
    }

    async Task<List<ProcessRecord>> PausedAsync(CancellationToken ct) =>
        (await RunningAsync(ct)).Where(p => p.WaitToken?.StartsWith(EngineEvents.PausedMarker, StringComparison.Ordinal) == true).ToList();

    Task<List<ProcessRecord>> RunningAsync(CancellationToken ct) => processes.FindAsync([ProcessStatus.Running], null, ct);
}
