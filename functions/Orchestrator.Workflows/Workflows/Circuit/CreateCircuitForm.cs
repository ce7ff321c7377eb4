using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Claims;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.NetBox;
using Orchestrator.NetBox.Filters;
using Orchestrator.Workflows.Workflows.Node;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>
/// create_circuit's pages (spec §2.3): router A and router B among the active Nodes (wire value the Node subscription id,
/// label its name), then a free port of each whose speed matches the product's <c>speed</c>. Ports held by another circuit's
/// process (claimed) or cabled in NetBox are left out; the wire value is the NetBox interface id, the label its name.
/// </summary>
static class CreateCircuitForm
{
    public const string RouterA = "router_a";
    public const string RouterB = "router_b";
    public const string APort = "a_port";
    public const string BPort = "b_port";

    public static readonly WorkflowForm Pages = async (session, context, initial) =>
    {
        var title = initial["product_name"]?.GetValue<string>() ?? "Circuit";
        var nodes = await ActiveNodesAsync(context);
        var a = Chosen(nodes, (await session.AskAsync(new FormPage(title,
            [new ChoiceField(RouterA, "RouterAEnum", Choices(nodes)) { Title = "Router A" }])))[RouterA]);
        var others = nodes.Where(n => n.SubscriptionId != a.SubscriptionId).ToList();
        var b = Chosen(others, (await session.AskAsync(new FormPage(title,
            [new ChoiceField(RouterB, "RouterBEnum", Choices(others)) { Title = "Router B" }])))[RouterB]);

        var product = context.Catalogue.ProductById(Guid.Parse(initial["product"]!.GetValue<string>()))!;
        var speed = CircuitBlockValues.SpeedKbps(product.FixedInputs.Single(f => f.Name == "speed").Value);
        var claimed = await context.Services.GetRequiredService<ClaimStore>().KeysWithPrefixAsync(CircuitBlockValues.InterfaceClaimPrefix);
        var netbox = context.Services.GetRequiredService<INetBoxClient>();
        var ports = await session.AskAsync(new FormPage("Choose circuit ports",
        [
            new ChoiceField(APort, "APortEnum", await FreePortsAsync(netbox, a, speed, claimed)) { Title = $"{a.Node().NodeName()} Port (Endpoint A)" },
            new ChoiceField(BPort, "BPortEnum", await FreePortsAsync(netbox, b, speed, claimed)) { Title = $"{b.Node().NodeName()} Port (Endpoint B)" },
        ], HasNext: false));
        return new JsonObject
        {
            [RouterA] = a.SubscriptionId.ToString(),
            [RouterB] = b.SubscriptionId.ToString(),
            ["ports"] = new JsonObject { [APort] = PortId(ports[APort]), [BPort] = PortId(ports[BPort]) },
        };
    };

    /// <summary>The interface claims of a start: both ports, so two starts on one port end with one circuit.</summary>
    public static IReadOnlyList<StartClaim> Claims(JsonObject values) =>
    [
        new StartClaim(CircuitBlockValues.InterfaceClaim(values["ports"]![APort]!.GetValue<int>()), APort,
            "This port is used by another circuit, or another process is creating a circuit on it"),
        new StartClaim(CircuitBlockValues.InterfaceClaim(values["ports"]![BPort]!.GetValue<int>()), BPort,
            "This port is used by another circuit, or another process is creating a circuit on it"),
    ];

    static Task<IReadOnlyList<Subscription>> ActiveNodesAsync(IFormContext context) =>
        StandardForms.ActiveSubscriptionsAsync(context, Domain.Products.ProductTypes.Node.ProductName);

    static List<Choice> Choices(IEnumerable<Subscription> nodes) =>
        nodes.Select(n => new Choice(n.SubscriptionId.ToString(), n.Node().NodeName())).ToList();

    static Subscription Chosen(IEnumerable<Subscription> nodes, JsonNode? value) =>
        nodes.Single(n => n.SubscriptionId.ToString() == value!.GetValue<string>());

    static async Task<List<Choice>> FreePortsAsync(INetBoxClient netbox, Subscription node, long speed, IReadOnlySet<string> claimed) =>
        (await netbox.ListInterfacesAsync(new InterfaceFilter(DeviceId: node.Node().NodeId(), Occupied: false, Speed: speed)))
            .Where(i => !claimed.Contains(CircuitBlockValues.InterfaceClaim(i.Id)))
            .OrderBy(i => i.Id)
            .Select(i => new Choice(i.Id.ToString(CultureInfo.InvariantCulture), i.Display ?? i.Name)).ToList();

    static int PortId(JsonNode? value) => int.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture);
}
