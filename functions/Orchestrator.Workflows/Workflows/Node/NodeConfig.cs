using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Workflows.Workflows.Node;

/// <summary>The IOS-style configuration the user puts on the router before the Node goes active (spec §2.1, step 6).</summary>
public static class NodeConfig
{
    public static string Render(BlockInstance node) => string.Join('\n',
        $"! Configuration for {node.NodeName()}",
        "enable",
        "configure terminal",
        $"hostname {node.NodeName()}",
        "!",
        "interface loopback 0",
        $" ip address {node.Ipv4Loopback()}",
        $" ipv6 address {node.Ipv6Loopback()}",
        "!",
        "end",
        "copy running-config startup-config",
        "");
}
