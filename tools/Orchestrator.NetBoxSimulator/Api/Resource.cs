using System.Text.Json.Nodes;
using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>One NetBox endpoint (e.g. <c>/api/dcim/devices/</c>): how to find, render, filter and change its objects.</summary>
public sealed record Resource<T>(
    string Path,
    Func<NetBoxState, Table<T>> Table,
    Func<Renderer, T, JsonObject> Render,
    FilterSet<T> Filters) where T : IEntity
{
    public Func<NetBoxState, PayloadReader, T>? Create { get; init; }
    public Func<NetBoxState, T, PayloadReader, T>? Update { get; init; }
    public Action<NetBoxState, T>? Delete { get; init; }
}
