namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>Turns validation and conflict failures thrown by handlers into NetBox's 400 / 409 bodies.</summary>
public sealed class ApiExceptionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        IResult? failure;
        try
        {
            await next(context);
            return;
        }
        catch (ValidationFailure e)
        {
            failure = NetBoxResults.Invalid(e.Errors);
        }
        catch (ConflictFailure e)
        {
            failure = NetBoxResults.Detail(e.Message, StatusCodes.Status409Conflict);
        }

        if (!context.Response.HasStarted) await failure.ExecuteAsync(context);
    }
}
