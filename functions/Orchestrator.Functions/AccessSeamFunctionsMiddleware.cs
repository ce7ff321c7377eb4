using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Api.Http;

namespace Orchestrator.Functions;

/// <summary>The Functions app's side of the access seam: every HTTP invocation passes <see cref="AccessSeam"/> first.</summary>
sealed class AccessSeamFunctionsMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && !HttpMethods.IsOptions(http.Request.Method))
        {
            var policy = context.InstanceServices.GetRequiredService<IAccessPolicy>();
            if (await AccessSeam.CheckAsync(http, policy) is { } refusal)
            {
                await refusal.ExecuteAsync(http);
                return;
            }
        }
        await next(context);
    }
}
