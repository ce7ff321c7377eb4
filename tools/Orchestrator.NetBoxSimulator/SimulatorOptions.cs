namespace Orchestrator.NetBoxSimulator;

/// <summary>Settings from the <c>NetBoxSimulator</c> configuration section (env <c>NetBoxSimulator__Token</c>).</summary>
public sealed record SimulatorOptions
{
    /// <summary>When set, only this API token is accepted; otherwise any non-empty token is.</summary>
    public string? Token { get; init; }
}
