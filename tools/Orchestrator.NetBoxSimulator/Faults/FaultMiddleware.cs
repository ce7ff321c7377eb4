using Orchestrator.NetBoxSimulator.Api;

namespace Orchestrator.NetBoxSimulator.Faults;

/// <summary>In front of <c>/api/</c>: counts requests, then applies latency, outage and 503 faults.</summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, RequestStats stats)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        stats.CountRequest(context.Request);
        if (faults.Latency > TimeSpan.Zero) await Task.Delay(faults.Latency, context.RequestAborted);

        if (faults.ShouldAnswer503(isWrite: !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Service Unavailable (simulated)");
            return;
        }

        await next(context);
    }
}
