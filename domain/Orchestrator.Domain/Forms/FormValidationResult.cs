using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>The outcome of validating one page: <see cref="Values"/> when valid (null otherwise), or all its errors.</summary>
public sealed record FormValidationResult(JsonObject? Values, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
