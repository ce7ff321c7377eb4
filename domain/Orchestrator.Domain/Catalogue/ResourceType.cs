namespace Orchestrator.Domain.Catalogue;

public sealed record ResourceType(Guid ResourceTypeId, string Name, string Description, ValueKind Kind);
