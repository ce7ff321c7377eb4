using Microsoft.AspNetCore.Http;
using Orchestrator.Api.Http;
using Orchestrator.Infra.Settings;

namespace Orchestrator.Api.Processes;

/// <summary>While the engine is paused, starts, resumes and callbacks answer 503, as orchestrator-core does.</summary>
public sealed class EngineLockGuard(EngineSettingsStore settings)
{
    public static IResult Paused =>
        ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "Engine is locked cannot accept changes on processes at this time");

    public async Task<IResult?> RefuseWhilePausedAsync(CancellationToken ct) => (await settings.GetAsync(ct)).GlobalLock ? Paused : null;
}
