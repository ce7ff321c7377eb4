using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Orchestrator.Functions.Http;

/// <summary>Lets a Functions HTTP trigger return the shared handlers' <see cref="IResult"/> unchanged.</summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}

public static class ResultActionExtensions
{
    public static async Task<IActionResult> AsAction(this Task<IResult> result) => new ResultAction(await result);
}
