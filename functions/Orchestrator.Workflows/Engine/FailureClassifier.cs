using System.Net;
using Azure;
using Microsoft.Azure.Cosmos;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Processes;
using Orchestrator.NetBox;

namespace Orchestrator.Workflows.Engine;

/// <summary>Which process status a step's exception leads to (spec §3.1): drift, an unavailable system, or a plain failure.</summary>
static class FailureClassifier
{
    public static bool IsTransient(Exception e) => e switch
    {
        ExternalSystemUnavailableException or NetBoxTransientException or TimeoutException or HttpRequestException => true,
        CosmosException c => c.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        RequestFailedException r => r.Status is 408 or 429 or >= 500,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };

    public static string StatusFor(Exception e, bool isRetryStep)
    {
        if (isRetryStep) return ProcessStatus.Waiting;
        if (e is InconsistentDataException) return ProcessStatus.InconsistentData;
        return IsTransient(e) ? ProcessStatus.ApiUnavailable : ProcessStatus.Failed;
    }
}
