using System.Text.Json.Nodes;

namespace Orchestrator.NetBoxSimulator.Api;

public static class StatusRoutes
{
    public const string NetBoxVersion = "4.1.0";

    /// <summary><c>/api/status/</c>, which clients use as a health check.</summary>
    public static void MapStatus(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/status/", () => NetBoxResults.Json(new JsonObject
        {
            ["netbox-version"] = NetBoxVersion,
            ["netbox-full-version"] = $"{NetBoxVersion}-simulator",
            ["installed-apps"] = new JsonObject(),
            ["plugins"] = new JsonObject(),
        }));
}
