using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.Node;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>
/// terminate_circuit (spec §2.5, the intended behaviour): after a confirmation naming the circuit, the cable, both addresses,
/// the /127 and the /64 are removed from NetBox by their stored ids (already gone counts as done) and the port claims are
/// released, so the ports can be chosen again.
/// </summary>
public static class TerminateCircuit
{
    public const string Name = "terminate_circuit";

    static readonly WorkflowForm ConfirmationPage = async (session, context, initial) =>
    {
        var id = Guid.Parse(initial["subscription_id"]!.GetValue<string>());
        var subscription = (await context.Services.GetRequiredService<SubscriptionStore>().GetAsync(id))?.Subscription;
        await session.AskAsync(new FormPage("Terminate Circuit",
        [
            new LabelField("termination_label")
            {
                Text = $"Terminate {subscription?.Description}? The cable, its IP addresses and prefixes are removed from NetBox and the ports are freed.",
            },
        ], HasNext: false));
        return new JsonObject();
    };

    static readonly Step RemoveCircuitFromNetbox = new ActionStep("remove_circuit_from_netbox", "Remove circuit from Netbox", async context =>
    {
        var circuit = (await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context))).Circuit();
        if (circuit.CircuitId() is { } cableId) await context.Client().DeleteCableAsync(cableId);
        return StepResult.With(new JsonObject { ["removed_cable_id"] = circuit.CircuitId() });
    });

    static readonly Step ReleaseIpAddresses = new ActionStep("release_ip_addresses_in_netbox", "Release IP addresses in Netbox", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        var released = new JsonArray();
        for (var side = 0; side < 2; side++)
        {
            if (subscription.Member(side).IntValue("v6_ip_address_id") is not { } id) continue;
            await context.Client().DeleteIpAddressAsync(id);
            released.Add(id);
        }
        return StepResult.With(new JsonObject { ["released_ip_address_ids"] = released });
    });

    static readonly Step ReleasePrefixes = new ActionStep("release_prefixes_in_netbox", "Release prefixes in Netbox", async context =>
    {
        var circuit = (await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context))).Circuit();
        var released = new JsonArray();
        foreach (var field in new[] { "v6_p2p_prefix_id", "v6_prefix_id" })
        {
            if (circuit.IntValue(field) is not { } id) continue;
            await context.Client().DeletePrefixAsync(id);
            released.Add(id);
        }
        return StepResult.With(new JsonObject { ["released_prefix_ids"] = released });
    });

    static readonly Step ReleasePortClaims = StandardSteps.ReleaseClaims("release_port_claims", "Release port claims", async context =>
        CircuitBlockValues.InterfaceClaims(await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context))));

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Terminate(Name, "Terminate the circuit", ConfirmationPage,
        RemoveCircuitFromNetbox, ReleaseIpAddresses, ReleasePrefixes, ReleasePortClaims);
}
