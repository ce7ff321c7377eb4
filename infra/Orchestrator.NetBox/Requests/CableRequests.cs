using Orchestrator.NetBox.Models;

namespace Orchestrator.NetBox.Requests;

/// <summary>A new cable between interfaces. The client adds the idempotency tag.</summary>
public sealed record CableCreate(
    IReadOnlyList<CableTermination> ATerminations,
    IReadOnlyList<CableTermination> BTerminations,
    string? Status = null,
    string? Description = null,
    string? Label = null);

/// <summary>A PATCH to a cable: only the fields that are set are sent.</summary>
public sealed record CableUpdate
{
    public string? Status { get; init; }
    public string? Description { get; init; }
    public string? Label { get; init; }
    public IReadOnlyList<CableTermination>? ATerminations { get; init; }
    public IReadOnlyList<CableTermination>? BTerminations { get; init; }
}
