namespace Orchestrator.NetBoxSimulator.State;

/// <summary>
/// Owns the state behind one lock. Every request runs its whole read or write inside it,
/// so allocations and uniqueness checks cannot race.
/// </summary>
public sealed class NetBoxStore
{
    private readonly Lock _lock = new();
    private NetBoxState _state = WorkshopSeed.Create();

    public T Run<T>(Func<NetBoxState, T> action)
    {
        lock (_lock) return action(_state);
    }

    public void Reset()
    {
        lock (_lock) _state = WorkshopSeed.Create();
    }
}
