using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>
/// The IOS-style configuration of one end of a circuit (spec §2.3, step 9): the interface with its IPv6 address in IS-IS,
/// at metric 10, or 15000000 while the circuit is under maintenance so traffic avoids it.
/// </summary>
public static class CircuitConfig
{
    public static string Render(BlockInstance circuit, int side, string nodeName)
    {
        var member = circuit.Child("members", side);
        var port = member.Port();
        return string.Join('\n',
            $"! Configuration for {nodeName}, endpoint {(side == 0 ? "A" : "B")}",
            "enable",
            "configure terminal",
            $"interface {port.PortName()}",
            $" description {port.PortDescription()}",
            $" ipv6 address {member.V6IpAddress()}",
            " ipv6 router isis",
            " isis network point-to-point",
            "!",
            "router isis",
            " net 49.0001.0123.4567.890a.0001.00",
            " is-type level-2-only",
            " metric-style wide",
            " passive-interface default",
            $" no passive-interface {port.PortName()}",
            " !",
            " address-family ipv6 unicast",
            $"  metric {CircuitBlockValues.IsisMetricOf(circuit)}",
            "  redistribute connected",
            "!",
            "end",
            "copy running-config startup-config",
            "");
    }
}
