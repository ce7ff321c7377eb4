using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Claims;
using Orchestrator.NetBox;
using Orchestrator.NetBox.Filters;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.Node;

/// <summary>
/// create_node (spec §2.1, with the exercise solved): enrol a planned NetBox device as a Node, show the router config,
/// and set the device active in NetBox with its loopbacks as primary IPs. The device is claimed when the start is accepted.
/// </summary>
public static class CreateNode
{
    public const string Name = "create_node";
    public const string DeviceField = "select_device_choice";

    /// <summary>The planned devices nobody holds; the wire value is the NetBox device id, the label its name.</summary>
    static readonly WorkflowForm PlannedDevicesPage = async (session, context, initial) =>
    {
        var claimed = await context.Services.GetRequiredService<ClaimStore>().KeysWithPrefixAsync(NodeBlockValues.DeviceClaimPrefix);
        var devices = (await context.Services.GetRequiredService<INetBoxClient>().ListDevicesAsync(new DeviceFilter(Status: "planned")))
            .Where(d => !claimed.Contains(NodeBlockValues.DeviceClaim(d.Id)))
            .OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var choices = devices.Select(d => new Choice(d.Id.ToString(CultureInfo.InvariantCulture), d.Name ?? $"device {d.Id}")).ToList();
        var page = await session.AskAsync(new FormPage(initial["product_name"]?.GetValue<string>() ?? "Node",
            [new ChoiceField(DeviceField, "Planned devices", choices) { Title = "Planned devices" }], HasNext: false));
        var device = devices.Single(d => d.Id.ToString(CultureInfo.InvariantCulture) == page[DeviceField]!.GetValue<string>());
        return new JsonObject { ["device_id"] = device.Id, ["device_name"] = device.Name, ["device_status"] = device.Status?.Value };
    };

    static readonly Step ConstructNodeModel = new ActionStep("construct_node_model", "Construct Node model", context =>
    {
        var state = context.State;
        var product = context.Catalogue.ProductById(Guid.Parse(state["product"]!.GetValue<string>()))
            ?? throw new ProcessFailureException("Product not found");
        var subscription = Subscription.Create(context.Catalogue, product, NodeBlockValues.CustomerId, Guid.NewGuid(), Guid.NewGuid);
        var node = subscription.Node();
        node.Set(context.Catalogue, "node_id", state["device_id"]?.DeepClone());
        node.Set(context.Catalogue, "node_name", state["device_name"]?.DeepClone());
        node.Set(context.Catalogue, "node_status", state["device_status"]?.DeepClone());
        subscription.Description = NodeBlockValues.Description(node.NodeName());
        return Task.FromResult(StepResult.Saving(subscription));
    });

    static readonly Step FetchIpInformation = new ActionStep("fetch_ip_information", "Fetch Detailed IP information", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        var node = subscription.Node();
        var device = await context.Client().RequiredDeviceAsync(node.NodeId());
        node.Set(context.Catalogue, "ipv4_loopback", device.PrimaryIp4?.Address
            ?? throw new ProcessFailureException($"Device {device.Name} has no primary IPv4 address in NetBox"));
        node.Set(context.Catalogue, "ipv6_loopback", device.PrimaryIp6?.Address
            ?? throw new ProcessFailureException($"Device {device.Name} has no primary IPv6 address in NetBox"));
        return StepResult.Saving(subscription);
    });

    static readonly Step ProvideConfigToUser = new InputStep("provide_config_to_user", "Provide Config to User", async (session, state, _) =>
    {
        var subscription = state["subscription"].Deserialize<Subscription>(DomainJson.Options)
            ?? throw new ProcessFailureException("The state has no subscription");
        var page = await session.AskAsync(new FormPage($"Configure {subscription.Node().NodeName()}",
        [
            new ReadOnlyField("node_config", NodeConfig.Render(subscription.Node())) { Format = "long", Title = "Node config" },
            new AcceptField("confirm_config_put_on_routers") { Title = "Confirm config put on routers" },
        ], HasNext: false));
        return new JsonObject
        {
            ["node_config"] = page["node_config"]?.DeepClone(),
            ["confirm_config_put_on_routers"] = page["confirm_config_put_on_routers"]?.DeepClone(),
        };
    });

    /// <summary>The workshop's exercise: without it the device stays planned in NetBox and could be enrolled again.</summary>
    static readonly Step SetNodeToActive = new ActionStep("set_node_to_active", "Set Node to active", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        subscription.Node().Set(context.Catalogue, "node_status", "active");
        return StepResult.Saving(subscription);
    });

    static readonly Step UpdateNodeInNetbox = new ActionStep("update_node_in_netbox", "Update Node in Netbox", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        var node = subscription.Node();
        var netbox = context.Client();
        var device = await netbox.RequiredDeviceAsync(node.NodeId());
        var payload = new NodePayload(device.Id, device.Site?.Id, device.DeviceType?.Id, device.Role?.Id, node.NodeName(),
            node.NodeStatus() ?? "active", await netbox.IpAddressIdAsync(device, node.Ipv4Loopback()), await netbox.IpAddressIdAsync(device, node.Ipv6Loopback()));
        var (update, fields) = payload.ChangesFrom(device);
        if (fields.Count > 0) await netbox.UpdateDeviceAsync(device.Id, update);
        return StepResult.With(new JsonObject
        {
            ["netbox_payload"] = payload.ToJson(),
            ["netbox_updated"] = true,
            ["netbox_changed_fields"] = new JsonArray(fields.Select(f => (JsonNode)f).ToArray()),
        });
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Create(Name, "Create Node", PlannedDevicesPage,
        ConstructNodeModel,
        StandardSteps.StoreProcessSubscription(WorkflowTarget.Create),
        FetchIpInformation,
        StandardSteps.SetStatus(SubscriptionLifecycle.Provisioning),
        ProvideConfigToUser,
        SetNodeToActive,
        UpdateNodeInNetbox) with
    {
        StartClaims = values =>
        [
            new StartClaim(NodeBlockValues.DeviceClaim(values["device_id"]!.GetValue<int>()), DeviceField,
                "This device is already enrolled as a Node, or another process is enrolling it"),
        ],
    };
}
