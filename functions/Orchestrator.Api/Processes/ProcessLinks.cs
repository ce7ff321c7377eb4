using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Processes;

static class ProcessLinks
{
    static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}/api/processes";

    public static string Detail(HttpRequest request, Guid processId) => $"{Base(request)}/{processId}";

    public static string Status(HttpRequest request, Guid processId) => $"{Base(request)}/{processId}/status";
}
