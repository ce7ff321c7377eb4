namespace Orchestrator.NetBoxSimulator.Model;

public interface IEntity
{
    int Id { get; }
}

/// <summary>An object that carries NetBox tags (by tag id).</summary>
public interface ITagged : IEntity
{
    IReadOnlyList<int> TagIds { get; }
}
