using System.Net;

namespace Orchestrator.NetBox;

/// <summary>
/// NetBox could not be reached or answered "try later" (connection failure, timeout, 408, 429, 5xx).
/// For a write this means "may or may not have happened": the Ensure* methods resolve that by looking up the marker.
/// </summary>
public sealed class NetBoxTransientException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
