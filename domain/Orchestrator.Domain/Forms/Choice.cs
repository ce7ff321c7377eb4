namespace Orchestrator.Domain.Forms;

/// <summary>One option of a select: <paramref name="Value"/> goes over the wire, <paramref name="Label"/> is shown.</summary>
public sealed record Choice(string Value, string Label);
