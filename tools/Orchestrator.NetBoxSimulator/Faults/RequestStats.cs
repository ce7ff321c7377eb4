using System.Collections.Concurrent;

namespace Orchestrator.NetBoxSimulator.Faults;

/// <summary>Counts per "METHOD /path": every API request received, and every write actually applied.</summary>
public sealed class RequestStats
{
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private readonly ConcurrentDictionary<string, int> _writes = new();

    public void CountRequest(HttpRequest request) => _requests.AddOrUpdate(Key(request), 1, (_, n) => n + 1);

    public void CountWrite(HttpRequest request) => _writes.AddOrUpdate(Key(request), 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, int> Requests => new SortedDictionary<string, int>(_requests);

    public IReadOnlyDictionary<string, int> Writes => new SortedDictionary<string, int>(_writes);

    public void Clear()
    {
        _requests.Clear();
        _writes.Clear();
    }

    private static string Key(HttpRequest request) => $"{request.Method} {request.Path}";
}
