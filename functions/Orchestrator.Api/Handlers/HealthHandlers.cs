using Microsoft.AspNetCore.Http;
using Orchestrator.Api.Http;

namespace Orchestrator.Api.Handlers;

public sealed class HealthHandlers
{
    public Task<IResult> GetAsync(HttpRequest request) => Task.FromResult(ApiResults.Json("OK"));
}
