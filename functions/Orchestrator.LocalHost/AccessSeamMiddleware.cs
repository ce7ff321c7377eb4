using Orchestrator.Api.Http;

namespace Orchestrator.LocalHost;

/// <summary>The local host's side of the access seam: every request passes <see cref="AccessSeam"/> before any handler.</summary>
sealed class AccessSeamMiddleware(RequestDelegate next, IAccessPolicy policy)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }
        if (await AccessSeam.CheckAsync(context, policy) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
