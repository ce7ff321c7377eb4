using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Faults;

/// <summary>
/// The simulator's own control surface (no token, never faulted):
/// <c>POST /__admin/faults</c>, <c>GET /__admin/faults</c>, <c>GET /__admin/stats</c>, <c>POST /__admin/reset</c>.
/// </summary>
public static class AdminRoutes
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/__admin/faults", (FaultSettings settings, FaultInjector faults) =>
        {
            faults.Set(settings);
            return Results.Json(faults.Current);
        });

        app.MapGet("/__admin/faults", (FaultInjector faults) => Results.Json(faults.Current));

        app.MapGet("/__admin/stats", (RequestStats stats) => Results.Json(new { requests = stats.Requests, writes = stats.Writes }));

        app.MapPost("/__admin/reset", (NetBoxStore store, FaultInjector faults, RequestStats stats) =>
        {
            store.Reset();
            faults.Clear();
            stats.Clear();
            return Results.NoContent();
        });
    }
}
