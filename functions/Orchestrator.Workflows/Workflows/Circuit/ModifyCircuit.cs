using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>
/// modify_circuit (spec §2.4, the exercise solved): puts the circuit into or out of maintenance and shows the router configs
/// with the new IS-IS metric. NetBox is not touched. The start rules allow it only for an active, in-sync circuit whose
/// nodes are in sync.
/// </summary>
public static class ModifyCircuit
{
    public const string Name = "modify_circuit";
    public const string UnderMaintenance = "under_maintenance";

    static readonly WorkflowForm MaintenancePage = async (session, context, initial) =>
    {
        var id = Guid.Parse(initial["subscription_id"]!.GetValue<string>());
        var subscription = (await context.Services.GetRequiredService<SubscriptionStore>().GetAsync(id))?.Subscription;
        var page = await session.AskAsync(new FormPage(subscription?.Description ?? "Circuit",
        [
            new BooleanField(UnderMaintenance) { Default = subscription?.Circuit().UnderMaintenance() ?? false, Title = "Under maintenance" },
        ], HasNext: false));
        return new JsonObject { [UnderMaintenance] = page[UnderMaintenance]?.DeepClone() };
    };

    static readonly Step Modify = new ActionStep("modify", "Modify", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        subscription.Circuit().Set(context.Catalogue, UnderMaintenance, context.State[UnderMaintenance]?.GetValue<bool>() ?? false);
        return StepResult.Saving(subscription);
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Modify(Name, "Modify the circuit maintenance state", MaintenancePage,
        StandardSteps.SetStatus(SubscriptionLifecycle.Provisioning),
        Modify,
        CircuitSteps.ProvideConfigToUser,
        StandardSteps.SetStatus(SubscriptionLifecycle.Active));
}
