namespace Orchestrator.Domain.Catalogue;

public sealed record FixedInput(Guid FixedInputId, string Name, string Value);
