namespace Orchestrator.Domain.Subscriptions;

/// <summary>The (process, step, attempt) that made a write; Durable Task may run a step twice, the stamp makes the second a no-op.</summary>
public sealed record WriteStamp(Guid ProcessId, int StepIndex, int Attempt);
