namespace Orchestrator.Domain.Catalogue;

/// <summary>A workflow as the catalogue lists it: which products it applies to, and whether it is a task.</summary>
public sealed record WorkflowRegistration(
    Guid WorkflowId,
    string Name,
    WorkflowTarget Target,
    string Description,
    IReadOnlyList<string> ProductNames,
    bool IsTask,
    DateTimeOffset CreatedAt);
