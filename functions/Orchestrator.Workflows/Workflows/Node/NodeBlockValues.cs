using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Workflows.Workflows.Node;

/// <summary>The Node block of a Node subscription and the names the workflows use for it.</summary>
public static class NodeBlockValues
{
    public const string BlockField = "node";
    public const string DeviceClaimPrefix = "netbox:device:";

    /// <summary>The customer the workshop creates every Node for (create_node.py's CUSTOMER_UUID).</summary>
    public const string CustomerId = "b727dd2c-55f3-4d19-8452-a32f15b00123";

    public static string DeviceClaim(int deviceId) => $"{DeviceClaimPrefix}{deviceId}";

    public static string Description(string nodeName) => $"Node {nodeName}";

    public static BlockInstance Node(this Subscription subscription) => subscription.Block(BlockField);

    public static int NodeId(this BlockInstance node) =>
        node.Value("node_id") is { } id ? id.GetValue<int>() : throw new Domain.Workflows.ProcessFailureException("The Node has no node_id (NetBox device id)");

    public static string NodeName(this BlockInstance node) => node.Get<string>("node_name") ?? "";

    public static string? NodeStatus(this BlockInstance node) => node.Get<string>("node_status");

    public static string? Ipv4Loopback(this BlockInstance node) => node.Get<string>("ipv4_loopback");

    public static string? Ipv6Loopback(this BlockInstance node) => node.Get<string>("ipv6_loopback");
}
