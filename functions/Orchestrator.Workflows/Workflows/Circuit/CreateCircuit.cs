using System.Text.Json.Nodes;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.NetBox;
using Orchestrator.NetBox.Models;
using Orchestrator.NetBox.Requests;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.Node;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>
/// create_circuit (spec §2.3): a cable between a port of router A and a port of router B, with a /64 from the circuit address
/// pool, a /127 inside it and one address per end. The ports are claimed when the start is accepted. Each port points at its
/// Node subscription's Node block (no copy), so the circuit depends on both nodes and they are in use by it.
/// </summary>
public static class CreateCircuit
{
    public const string Name = "create_circuit";
    const string ReserveIpsKey = "reserve_ips_in_netbox";
    const string CreateCableKey = "create_circuit_in_netbox";

    static readonly Step ConstructCircuitModel = new ActionStep("construct_circuit_model", "Construct Circuit model", async context =>
    {
        var state = context.State;
        var product = context.Catalogue.ProductById(Guid.Parse(state["product"]!.GetValue<string>()))
            ?? throw new ProcessFailureException("Product not found");
        Subscription[] nodes =
        [
            await ActiveNodeAsync(context, state[CreateCircuitForm.RouterA]),
            await ActiveNodeAsync(context, state[CreateCircuitForm.RouterB]),
        ];
        var ports = new Interface[2];
        for (var side = 0; side < 2; side++)
            ports[side] = await PortAsync(context, nodes[side], state["ports"]![side == 0 ? CreateCircuitForm.APort : CreateCircuitForm.BPort]!.GetValue<int>());

        var subscription = Subscription.Create(context.Catalogue, product, NodeBlockValues.CustomerId, Guid.NewGuid(), Guid.NewGuid);
        for (var side = 0; side < 2; side++)
        {
            var far = 1 - side;
            var port = subscription.Member(side).Port();
            port.Set(context.Catalogue, "port_id", ports[side].Id);
            port.Set(context.Catalogue, "port_name", PortName(ports[side]));
            port.Set(context.Catalogue, "port_description", CircuitBlockValues.PortDescriptionFor(nodes[far].Node().NodeName(), PortName(ports[far])));
            port.Refer("node", new BlockReference(nodes[side].SubscriptionId, nodes[side].Node().SubscriptionInstanceId));
        }
        var circuit = subscription.Circuit();
        circuit.Set(context.Catalogue, "circuit_status", "planned");
        circuit.Set(context.Catalogue, "under_maintenance", true);
        circuit.Set(context.Catalogue, "circuit_description", CircuitBlockValues.CircuitDescriptionFor(
            nodes[0].Node().NodeName(), PortName(ports[0]), nodes[1].Node().NodeName(), PortName(ports[1])));
        return StepResult.Saving(subscription);
    });

    static readonly Step ReserveIpsInNetbox = new ActionStep(ReserveIpsKey, "Reserve IPs in Netbox", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        var circuit = subscription.Circuit();
        var netbox = context.Client();
        IdempotencyMarker Marker(string item) => IdempotencyMarker.For(context.ProcessId.ToString(), ReserveIpsKey, item);
        var description = circuit.CircuitDescription();
        var p64 = await netbox.EnsureAvailablePrefixAsync(CircuitBlockValues.CircuitAddressPoolId, Marker("p64"),
            new AvailablePrefixRequest(64, $"{description} Parent /64", IsPool: true));
        var p127 = await netbox.EnsureAvailablePrefixAsync(p64.Id, Marker("p127"),
            new AvailablePrefixRequest(127, $"{description} Point-to-Point", IsPool: false));
        circuit.Set(context.Catalogue, "v6_prefix_id", p64.Id);
        circuit.Set(context.Catalogue, "v6_p2p_prefix_id", p127.Id);
        for (var side = 0; side < 2; side++)
        {
            var member = subscription.Member(side);
            var port = member.Port();
            var ip = await netbox.EnsureAvailableIpAsync(p127.Id, Marker(side == 0 ? "a" : "b"),
                AvailableIpRequest.ForInterface(port.PortId(), port.PortDescription()));
            member.Set(context.Catalogue, "v6_ip_address", ip.Address);
            member.Set(context.Catalogue, "v6_ip_address_id", ip.Id);
        }
        return StepResult.Saving(subscription, new JsonObject { ["ipv6_prefix"] = p64.Prefix, ["ipv6_p2p_prefix"] = p127.Prefix });
    });

    static readonly Step CreateCircuitInNetbox = new ActionStep(CreateCableKey, "Create Circuit in Netbox", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        var circuit = subscription.Circuit();
        var payload = CablePayload.Of(circuit);
        Cable cable;
        try
        {
            cable = await context.Client().EnsureCableAsync(IdempotencyMarker.For(context.ProcessId.ToString(), CreateCableKey), payload.ToCreate());
        }
        catch (NetBoxRequestException e)
        {
            throw new ProcessFailureException($"invalid NetboxPayload: {e.Message}");
        }
        circuit.Set(context.Catalogue, "circuit_id", cable.Id);
        return StepResult.Saving(subscription, new JsonObject { ["netbox_payload"] = (payload with { Id = cable.Id }).ToJson() });
    });

    static readonly Step UpdateSubscriptionDescription = new ActionStep("update_subscription_description", "Update subscription description", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        subscription.Description = CircuitBlockValues.SubscriptionDescription(subscription.Circuit());
        return StepResult.Saving(subscription);
    });

    static readonly Step SetCircuitInService = new ActionStep("set_circuit_in_service", "Set Circuit in service", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        subscription.Circuit().Set(context.Catalogue, "circuit_status", "connected");
        return StepResult.Saving(subscription);
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Create(Name, "Create Circuit", CreateCircuitForm.Pages,
        ConstructCircuitModel,
        StandardSteps.StoreProcessSubscription(WorkflowTarget.Create),
        ReserveIpsInNetbox,
        StandardSteps.SetStatus(SubscriptionLifecycle.Provisioning),
        CreateCircuitInNetbox,
        UpdateSubscriptionDescription,
        CircuitSteps.UpdateCircuitInNetbox("update_circuit_in_netbox"),
        CircuitSteps.ProvideConfigToUser,
        SetCircuitInService,
        CircuitSteps.UpdateCircuitInNetbox("update_circuit_in_netbox_in_service")) with { StartClaims = CreateCircuitForm.Claims };

    static async Task<Subscription> ActiveNodeAsync(IStepContext context, JsonNode? id)
    {
        var node = await context.LoadSubscriptionAsync(Guid.Parse(id!.GetValue<string>()));
        return node.Status == SubscriptionLifecycle.Active
            ? node
            : throw new ProcessFailureException($"Node {node.Node().NodeName()} is {node.Status.ToWire()}, not active");
    }

    static async Task<Interface> PortAsync(IStepContext context, Subscription node, int interfaceId)
    {
        var port = await context.Client().GetInterfaceAsync(interfaceId)
            ?? throw new ProcessFailureException($"Netbox object with id {interfaceId} not found");
        return port.Device?.Id == node.Node().NodeId()
            ? port
            : throw new ProcessFailureException($"Interface {interfaceId} is not on {node.Node().NodeName()}");
    }

    static string PortName(Interface port) => port.Display ?? port.Name;
}
