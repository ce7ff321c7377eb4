using System.Net;

namespace Orchestrator.NetBox;

/// <summary>NetBox refused the request (4xx). The message carries NetBox's own error body; retrying will not help.</summary>
public sealed class NetBoxRequestException(HttpStatusCode statusCode, string method, string path, string responseBody)
    : Exception($"NetBox rejected {method} {path} with {(int)statusCode} {statusCode}: {responseBody}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;
    public string ResponseBody { get; } = responseBody;
}
