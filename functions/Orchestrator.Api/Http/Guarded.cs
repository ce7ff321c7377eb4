using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain;

namespace Orchestrator.Api.Http;

/// <summary>Turns the exceptions a handler may meet into the API's error format; nothing unexpected leaks a stack trace.</summary>
public static class Guarded
{
    public static async Task<IResult> RunAsync(Func<Task<IResult>> handler, ILogger logger)
    {
        try
        {
            return await handler();
        }
        catch (BadInputException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        catch (BodyTooLargeException e)
        {
            return ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, e.Message);
        }
        catch (Infra.Processes.ProcessConflictException e)
        {
            return ApiResults.Conflict(e.Message);
        }
        catch (Infra.Cosmos.ConcurrencyConflictException e)
        {
            return ApiResults.Conflict(e.Message);
        }
        catch (DomainException e)
        {
            return ApiResults.BadRequest(e.Message);
        }
        catch (NetBox.NetBoxTransientException e)
        {
            return ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, $"NetBox is not available right now: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            return ApiResults.Problem(499, "The request was cancelled");
        }
#pragma warning disable CA1031 // the API's contract: an unexpected failure is logged and answered in the error format
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Unhandled error in an API handler");
            return ApiResults.Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred; it has been logged");
        }
    }
}
