using System.Collections.Concurrent;

namespace Orchestrator.Testing;

/// <summary>Knobs the test workflows read from DI: how many times a flaky step still fails, per process.</summary>
public sealed class TestSwitches
{
    readonly ConcurrentDictionary<string, int> failuresLeft = new();
    int bodyRuns;
    readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource> entered = new();

    public int BodyRuns => bodyRuns;

    readonly ConcurrentDictionary<string, string> recorded = new();
    readonly ConcurrentDictionary<string, int> counts = new();

    public void Record(string key, string value) => recorded[key] = value;

    public string? Recorded(string key) => recorded.GetValueOrDefault(key);

    public int Count(string key) => counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int CountOf(string key) => counts.GetValueOrDefault(key);

    public void FailTimes(string key, int times) => failuresLeft[key] = times;

    TaskCompletionSource Gate(string key) => gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    TaskCompletionSource Entered(string key) => entered.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Called by a step: says it has started, then waits until the test opens the gate (at most 30 s).</summary>
    public async Task PassGateAsync(string key)
    {
        Entered(key).TrySetResult();
        await Gate(key).Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public Task WaitUntilEnteredAsync(string key) => Entered(key).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void OpenGate(string key) => Gate(key).TrySetResult();

    /// <summary>True while the key still has failures left; counts one down.</summary>
    public bool ShouldFail(string key)
    {
        Interlocked.Increment(ref bodyRuns);
        while (failuresLeft.TryGetValue(key, out var left) && left > 0)
            if (failuresLeft.TryUpdate(key, left - 1, left)) return true;
        return false;
    }
}
