namespace Orchestrator.Api.Http;

/// <summary>A request parameter or body is malformed; becomes a 400 naming the parameter.</summary>
public sealed class BadInputException(string parameter, string problem) : Exception($"{parameter}: {problem}")
{
    public string Parameter { get; } = parameter;
}
