using System.Collections.Concurrent;

namespace Orchestrator.Testing;

/// <summary>Knobs the test workflows read from DI: how many times a flaky step still fails, per process.</summary>
public sealed class TestSwitches
{
    readonly ConcurrentDictionary<string, int> failuresLeft = new();
    int bodyRuns;

    public int BodyRuns => bodyRuns;

    public void FailTimes(string key, int times) => failuresLeft[key] = times;

    /// <summary>True while the key still has failures left; counts one down.</summary>
    public bool ShouldFail(string key)
    {
        Interlocked.Increment(ref bodyRuns);
        while (failuresLeft.TryGetValue(key, out var left) && left > 0)
            if (failuresLeft.TryUpdate(key, left - 1, left)) return true;
        return false;
    }
}
