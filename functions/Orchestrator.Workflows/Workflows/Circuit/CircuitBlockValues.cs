using System.Globalization;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>The Circuit block of a Circuit subscription, its two members (A = 0, B = 1) and the names the workflows use.</summary>
public static class CircuitBlockValues
{
    public const string BlockField = "circuit";
    public const string InterfaceClaimPrefix = "netbox:interface:";

    /// <summary>The workshop's CIRCUIT_PREFIX_IPAM_ID: the NetBox prefix the circuits' /64s come from.</summary>
    public const int CircuitAddressPoolId = 3;

    public const int IsisMetric = 10;
    public const int MaintenanceIsisMetric = 15_000_000;

    public static string InterfaceClaim(int interfaceId) => $"{InterfaceClaimPrefix}{interfaceId}";

    /// <summary>"100G" → 100000000: NetBox interface speeds are in kbps.</summary>
    public static long SpeedKbps(string speed) =>
        speed.EndsWith('G') && long.TryParse(speed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var gigabits)
            ? gigabits * 1_000_000
            : throw new ProcessFailureException($"Unknown circuit speed '{speed}'");

    public static BlockInstance Circuit(this Subscription subscription) => subscription.Block(BlockField);

    public static BlockInstance Member(this Subscription subscription, int side) => subscription.Circuit().Child("members", side);

    public static BlockInstance Port(this BlockInstance member) => member.Child("port");

    public static int? IntValue(this BlockInstance block, string field) => block.Value(field) is { } value ? value.GetValue<int>() : null;

    public static int? CircuitId(this BlockInstance circuit) => circuit.IntValue("circuit_id");

    public static string CircuitStatus(this BlockInstance circuit) => circuit.Get<string>("circuit_status") ?? "";

    public static string CircuitDescription(this BlockInstance circuit) => circuit.Get<string>("circuit_description") ?? "";

    public static bool UnderMaintenance(this BlockInstance circuit) => circuit.Get<bool>("under_maintenance");

    public static int PortId(this BlockInstance port) =>
        port.IntValue("port_id") ?? throw new ProcessFailureException("The Port has no port_id (NetBox interface id)");

    public static string PortName(this BlockInstance port) => port.Get<string>("port_name") ?? "";

    public static string PortDescription(this BlockInstance port) => port.Get<string>("port_description") ?? "";

    public static BlockReference NodeReference(this BlockInstance port) =>
        port.References.GetValueOrDefault("node") ?? throw new ProcessFailureException("The Port has no node");

    public static string? V6IpAddress(this BlockInstance member) => member.Get<string>("v6_ip_address");

    public static int IsisMetricOf(BlockInstance circuit) => circuit.UnderMaintenance() ? MaintenanceIsisMetric : IsisMetric;

    /// <summary>The Node block a port points at, in the Node subscription that owns it.</summary>
    public static BlockInstance NodeBlockOf(this Subscription nodeSubscription, BlockReference reference) =>
        nodeSubscription.AllInstances().FirstOrDefault(i => i.SubscriptionInstanceId == reference.SubscriptionInstanceId)
        ?? throw new ProcessFailureException($"Node subscription {nodeSubscription.SubscriptionId} has no block {reference.SubscriptionInstanceId}");

    /// <summary>Spec §1.6, with the far end the docstring intends: the port description names the other side of the circuit.</summary>
    public static string PortDescriptionFor(string farNodeName, string farPortName) => $"Circuit Connection to {farNodeName} port {farPortName}";

    public static string CircuitDescriptionFor(string nodeA, string portA, string nodeB, string portB) => $"{nodeA}:{portA} <--> {nodeB}:{portB}";

    public static string SubscriptionDescription(BlockInstance circuit) => $"Circuit ID {circuit.CircuitId()}: {circuit.CircuitDescription()}";

    /// <summary>The interface claims a circuit holds, from its stored port ids.</summary>
    public static IEnumerable<string> InterfaceClaims(Subscription circuit) =>
        Enumerable.Range(0, 2).Select(side => InterfaceClaim(circuit.Member(side).Port().PortId()));
}
