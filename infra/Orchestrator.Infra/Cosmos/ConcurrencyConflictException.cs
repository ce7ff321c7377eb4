using Orchestrator.Domain;

namespace Orchestrator.Infra.Cosmos;

/// <summary>A write lost a race: the document changed since it was read (ETag mismatch) or already exists.</summary>
public sealed class ConcurrencyConflictException(string message) : DomainException(message);
