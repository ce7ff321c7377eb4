using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.NetBox;
using Orchestrator.NetBox.Models;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.Node;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>
/// validate_circuit (spec §2.6, the natural checks): the cable exists with the stored status, description and ends; each port
/// exists on its node's device with the stored name; each address exists and is assigned to its port; both Node
/// subscriptions are active. Differences make the process inconsistent_data, listing expected ⇒ actual.
/// </summary>
public static class ValidateCircuit
{
    public const string Name = "validate_circuit";

    static readonly Step ValidateCircuitInNetbox = new ActionStep("validate_circuit_in_netbox", "Validate Circuit in Netbox", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        var netbox = context.Client();
        var differences = new List<string>();
        await CheckCableAsync(netbox, subscription.Circuit(), differences);
        for (var side = 0; side < 2; side++)
            await CheckEndAsync(context, netbox, subscription, side, differences);
        if (differences.Count > 0)
            throw new InconsistentDataException(
                $"Circuit {subscription.Circuit().CircuitDescription()} differs from NetBox (expected ⇒ actual): {string.Join("; ", differences)}");
        return StepResult.With(new JsonObject { ["validated_cable_id"] = subscription.Circuit().CircuitId() });
    });

    static async Task CheckCableAsync(INetBoxClient netbox, BlockInstance circuit, List<string> differences)
    {
        var cable = circuit.CircuitId() is { } id ? await netbox.GetCableAsync(id) : null;
        if (cable is null)
        {
            differences.Add($"cable {circuit.CircuitId()}: exists ⇒ missing");
            return;
        }
        var payload = CablePayload.Of(circuit);
        Compare(differences, "cable status", payload.Status, cable.Status?.Value);
        Compare(differences, "cable description", payload.Description, cable.Description);
        Compare(differences, "cable a_terminations", Ends(payload.APortId), Ends(cable.ATerminations));
        Compare(differences, "cable b_terminations", Ends(payload.BPortId), Ends(cable.BTerminations));
    }

    static async Task CheckEndAsync(IStepContext context, INetBoxClient netbox, Subscription subscription, int side, List<string> differences)
    {
        var end = side == 0 ? "A" : "B";
        var member = subscription.Member(side);
        var port = member.Port();
        var reference = port.NodeReference();
        var nodeSubscription = await context.LoadSubscriptionAsync(reference.SubscriptionId);
        var node = nodeSubscription.NodeBlockOf(reference);
        Compare(differences, $"node {node.NodeName()} subscription status", SubscriptionLifecycle.Active.ToWire(), nodeSubscription.Status.ToWire());

        var iface = await netbox.GetInterfaceAsync(port.PortId());
        if (iface is null) differences.Add($"port {end} {port.PortId()}: exists ⇒ missing");
        else
        {
            Compare(differences, $"port {end} device", Id(node.NodeId()), Id(iface.Device?.Id));
            Compare(differences, $"port {end} name", port.PortName(), iface.Name);
        }

        var ip = member.IntValue("v6_ip_address_id") is { } ipId ? await netbox.GetIpAddressAsync(ipId) : null;
        if (ip is null) differences.Add($"address {end} {member.V6IpAddress()}: exists ⇒ missing");
        else
        {
            Compare(differences, $"address {end}", member.V6IpAddress(), ip.Address);
            Compare(differences, $"address {end} interface", Id(port.PortId()), Id(ip.AssignedObjectType == "dcim.interface" ? ip.AssignedObjectId : null));
        }
    }

    static void Compare(List<string> differences, string field, string? expected, string? actual)
    {
        if (!string.Equals(expected ?? "", actual ?? "", StringComparison.OrdinalIgnoreCase))
            differences.Add($"{field}: {Shown(expected)} ⇒ {Shown(actual)}");
    }

    static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;

    static string? Id(int? id) => id?.ToString(CultureInfo.InvariantCulture);

    static string Ends(int portId) => Id(portId)!;

    static string Ends(IReadOnlyList<CableTermination> ends) => string.Join(",", ends.Select(e => $"{(e.ObjectType == CableTermination.InterfaceType ? "" : e.ObjectType + ":")}{e.ObjectId}"));

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Validate(Name, "Validate Circuit", ValidateCircuitInNetbox);
}
