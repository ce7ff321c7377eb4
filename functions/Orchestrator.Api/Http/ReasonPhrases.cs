namespace Orchestrator.Api.Http;

static class ReasonPhrases
{
    public static string For(int status) => status switch
    {
        510 => "Not Extended",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error",
    };
}
