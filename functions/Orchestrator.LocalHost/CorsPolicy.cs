using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Orchestrator.LocalHost;

/// <summary>
/// CORS for a browser GUI on another origin (orchestrator-ui on :3000). <c>Cors__AllowedOrigins</c> is a comma-separated
/// list, or <c>*</c>; methods and headers follow orchestrator-core's defaults, and list headers are exposed to scripts.
/// </summary>
static class CorsPolicy
{
    public static void Configure(CorsPolicyBuilder policy, IConfiguration configuration)
    {
        var origins = (configuration["Cors:AllowedOrigins"] ?? "*")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (origins.Contains("*")) policy.AllowAnyOrigin();
        else policy.WithOrigins(origins);
        policy.WithMethods("GET", "PUT", "PATCH", "POST", "DELETE", "OPTIONS", "HEAD")
            .WithHeaders("If-None-Match", "Authorization", "If-Match", "Content-Type")
            .WithExposedHeaders("Content-Range", "ETag", "Location", "X-Continuation-Token");
    }
}
