using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

public static class ResultExtensions
{
    public static IResult WithETag(this IResult inner, string etag) => new HeaderResult(inner, "ETag", etag);

    public static IResult WithHeader(this IResult inner, string name, string value) => new HeaderResult(inner, name, value);

    sealed class HeaderResult(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
