namespace Orchestrator.NetBoxSimulator.Faults;

/// <summary>
/// Runs after a write endpoint has changed the state: counts the write and, when the
/// drop-after-write fault is armed, aborts the connection so the client never sees the answer.
/// </summary>
public sealed class WriteOutcomeFilter(RequestStats stats, FaultInjector faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }) return result;

        stats.CountWrite(context.HttpContext.Request);
        if (!faults.TryConsumeDrop()) return result;

        context.HttpContext.Abort();
        return Results.Empty;
    }
}
