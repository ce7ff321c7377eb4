using Orchestrator.NetBoxSimulator.Model;

namespace Orchestrator.NetBoxSimulator.State;

/// <summary>One kind of object, keyed by id, with NetBox's ever-increasing ids.</summary>
public sealed class Table<T> where T : IEntity
{
    private readonly SortedDictionary<int, T> _rows = new();
    private int _lastId;

    public IEnumerable<T> All => _rows.Values;

    public T? Find(int id) => _rows.GetValueOrDefault(id);

    public int NextId() => ++_lastId;

    public T Put(T row)
    {
        _rows[row.Id] = row;
        _lastId = Math.Max(_lastId, row.Id);
        return row;
    }

    public bool Remove(int id) => _rows.Remove(id);
}
