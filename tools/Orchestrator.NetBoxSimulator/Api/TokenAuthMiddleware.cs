namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>NetBox's token check: <c>Authorization: Token &lt;token&gt;</c> or 403. Any non-empty token passes unless one is configured.</summary>
public sealed class TokenAuthMiddleware(RequestDelegate next, SimulatorOptions options)
{
    private const string Scheme = "Token ";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : "";
        var error = token.Length == 0 ? "Authentication credentials were not provided."
            : options.Token is { Length: > 0 } expected && token != expected ? "Invalid token"
            : null;

        if (error is null)
        {
            await next(context);
            return;
        }

        await NetBoxResults.Detail(error, StatusCodes.Status403Forbidden).ExecuteAsync(context);
    }
}
