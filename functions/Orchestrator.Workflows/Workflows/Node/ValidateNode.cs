using System.Text.Json.Nodes;
using Orchestrator.Domain.Workflows;
using Orchestrator.NetBox.Models;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.Node;

/// <summary>
/// validate_node (spec §2.2, the recommended checks): the device node_id exists in NetBox and its name, status and primary
/// IPs match the subscription. Drift makes the process inconsistent_data and leaves the subscription out of sync.
/// </summary>
public static class ValidateNode
{
    public const string Name = "validate_node";

    static readonly Step ValidateNodeInNetbox = new ActionStep("validate_node_in_netbox", "Validate Node in Netbox", async context =>
    {
        var node = (await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context))).Node();
        var device = await context.Client().GetDeviceAsync(node.NodeId())
            ?? throw new InconsistentDataException($"Node {node.NodeName()}: NetBox has no device with id {node.NodeId()}");
        var differences = Differences(node, device);
        if (differences.Count > 0)
            throw new InconsistentDataException(
                $"Node {node.NodeName()} differs from NetBox device {device.Id} (expected ⇒ actual): {string.Join("; ", differences)}");
        return StepResult.With(new JsonObject { ["validated_device_id"] = device.Id });
    });

    public static IReadOnlyList<string> Differences(Domain.Subscriptions.BlockInstance node, Device device)
    {
        var checks = new (string Field, string? Expected, string? Actual)[]
        {
            ("name", node.NodeName(), device.Name),
            ("status", node.NodeStatus(), device.Status?.Value),
            ("primary_ip4", node.Ipv4Loopback(), device.PrimaryIp4?.Address),
            ("primary_ip6", node.Ipv6Loopback(), device.PrimaryIp6?.Address),
        };
        return checks.Where(c => !string.Equals(c.Expected, c.Actual, StringComparison.OrdinalIgnoreCase))
            .Select(c => $"{c.Field}: {c.Expected ?? "(none)"} ⇒ {c.Actual ?? "(none)"}").ToList();
    }

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Validate(Name, "Validate Node", ValidateNodeInNetbox);
}
