using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.Shared;

/// <summary>
/// modify_note (spec §2.8): edit a subscription's note. It may run while the subscription is out of sync, so it takes no lock.
/// orchestrator-core writes the note from the form; forms here have no side effects, so a step writes it.
/// </summary>
public static class ModifyNote
{
    public const string Name = "modify_note";

    static readonly WorkflowForm NotePage = async (session, context, initial) =>
    {
        var id = Guid.Parse(initial["subscription_id"]!.GetValue<string>());
        var current = (await context.Services.GetRequiredService<SubscriptionStore>().GetAsync(id))?.Subscription.Note;
        var page = await session.AskAsync(new FormPage("Modify Note", [new LongTextField("note") { Default = current }], HasNext: false));
        return new JsonObject { ["note"] = page["note"]?.DeepClone() };
    };

    static readonly Step UpdateNote = new ActionStep("update_note", "Update subscription note", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
        subscription.Note = context.State["note"]?.GetValue<string>();
        return StepResult.Saving(subscription);
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Versioned(1, Name, Domain.Catalogue.WorkflowTarget.Modify, "Modify Note",
        StandardForms.SubscriptionPage(Name).Then(NotePage),
        [StandardSteps.Start, StandardSteps.StoreProcessSubscription(Domain.Catalogue.WorkflowTarget.Modify), UpdateNote, StandardSteps.Done]);
}
