namespace Orchestrator.NetBoxSimulator.Faults;

/// <summary>The active faults; thread-safe so concurrent requests consume one-shot faults exactly once.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private FaultSettings _settings = new();
    private int _failNext;
    private int _failNextWrites;
    private int _dropsLeft;

    public FaultSettings Current
    {
        get { lock (_lock) return _settings with { FailNextRequests = _failNext, FailNextWrites = _failNextWrites, DropAfterWriteCount = _dropsLeft }; }
    }

    public void Set(FaultSettings settings)
    {
        lock (_lock)
        {
            _settings = settings;
            _failNext = settings.FailNextRequests;
            _failNextWrites = settings.FailNextWrites;
            _dropsLeft = settings.DropAfterWriteCount;
        }
    }

    public void Clear() => Set(new FaultSettings());

    public TimeSpan Latency
    {
        get { lock (_lock) return TimeSpan.FromMilliseconds(_settings.LatencyMs); }
    }

    public bool ShouldAnswer503(bool isWrite)
    {
        lock (_lock)
        {
            if (_settings.Outage) return true;
            if (_failNext > 0)
            {
                _failNext--;
                return true;
            }
            if (isWrite && _failNextWrites > 0)
            {
                _failNextWrites--;
                return true;
            }
            return _settings.ErrorRate503 > 0 && Random.Shared.NextDouble() < _settings.ErrorRate503;
        }
    }

    public bool TryConsumeDrop()
    {
        lock (_lock)
        {
            if (_dropsLeft <= 0) return false;
            _dropsLeft--;
            return true;
        }
    }
}
