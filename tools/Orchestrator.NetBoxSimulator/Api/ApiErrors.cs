namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>A rejected payload or filter; rendered as NetBox's 400 body <c>{"field": ["message"]}</c>.</summary>
public sealed class ValidationFailure(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailure For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A request NetBox answers with 409 and <c>{"detail": ...}</c>, e.g. an exhausted prefix.</summary>
public sealed class ConflictFailure(string detail) : Exception(detail);
