using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Testing;

/// <summary>A loopback port nothing listens on right now (the in-process Durable host otherwise picks one at random, unchecked).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
