using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.NetBox.Requests;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.Node;

/// <summary>
/// terminate_node: after a confirmation naming the node, the NetBox device goes back to planned and its claim is released,
/// so it can be enrolled again. The start rules refuse it while an un-terminated subscription (a circuit) uses the node.
/// </summary>
public static class TerminateNode
{
    public const string Name = "terminate_node";

    static readonly WorkflowForm ConfirmationPage = async (session, context, initial) =>
    {
        var id = Guid.Parse(initial["subscription_id"]!.GetValue<string>());
        var stored = await context.Services.GetRequiredService<SubscriptionStore>().GetAsync(id);
        var node = stored?.Subscription.Node();
        await session.AskAsync(new FormPage("Terminate Node",
        [
            new LabelField("termination_label")
            {
                Text = $"Terminate Node {node?.NodeName()} (NetBox device {node?.Value("node_id")})? The device is set back to planned in NetBox.",
            },
        ], HasNext: false));
        return new JsonObject();
    };

    static readonly Step SetNodeToPlannedInNetbox = new ActionStep("set_node_to_planned_in_netbox", "Set Node to planned in Netbox", async context =>
    {
        var node = (await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context))).Node();
        var netbox = context.Client();
        var device = await netbox.GetDeviceAsync(node.NodeId());
        var changed = device is not null && device.Status?.Value != "planned";
        if (changed) await netbox.UpdateDeviceAsync(node.NodeId(), new DeviceUpdate { Status = "planned" });
        return StepResult.With(new JsonObject
        {
            ["netbox_payload"] = new JsonObject { ["id"] = node.NodeId(), ["status"] = "planned" },
            ["netbox_updated"] = device is not null,
            ["netbox_changed_fields"] = changed ? new JsonArray("status") : new JsonArray(),
        });
    });

    static readonly Step ReleaseDeviceClaim = StandardSteps.ReleaseClaims("release_device_claim", "Release Node device claim", async context =>
        [NodeBlockValues.DeviceClaim((await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context))).Node().NodeId())]);

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Terminate(Name, "Terminate Node", ConfirmationPage,
        SetNodeToPlannedInNetbox, ReleaseDeviceClaim);
}
