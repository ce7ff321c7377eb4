using Microsoft.DurableTask.Client;

namespace Orchestrator.Workflows.Engine;

/// <summary>
/// The Durable Task client for steps that manage other processes (resume waiting ones, purge old history). The local host
/// has one client in DI; the Functions app gets one per invocation from its [DurableClient] binding and sets it here.
/// </summary>
public sealed class DurableClientAccess(DurableTaskClient? hostClient = null)
{
    static readonly AsyncLocal<DurableTaskClient?> Current = new();

    public static IDisposable Use(DurableTaskClient client)
    {
        var previous = Current.Value;
        Current.Value = client;
        return new Restore(previous);
    }

    public DurableTaskClient Client => Current.Value ?? hostClient
        ?? throw new InvalidOperationException("No Durable Task client is available to this step");

    sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
