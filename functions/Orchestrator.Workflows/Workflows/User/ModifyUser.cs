using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.UserGroup;

namespace Orchestrator.Workflows.Workflows.User;

/// <summary>
/// modify_user (spec §2.7): every field defaults to its current value; the user may move to another active group (the
/// reference moves, so depends-on and in-use-by follow). A rename claims the new username and gives the old one back.
/// </summary>
public static class ModifyUser
{
    public const string Name = "modify_user";

    static readonly WorkflowForm UserPage = async (session, context, initial) =>
    {
        var stored = await context.Services.GetRequiredService<SubscriptionStore>().GetAsync(SubscriptionSteps.SubscriptionId(initial));
        var subscription = stored!.Subscription;
        var title = context.Catalogue.ProductById(subscription.ProductId)?.Name ?? "User";
        return await UserForm.AskAsync(session, context, title, subscription);
    };

    static readonly Step ModifySubscription = new ActionStep("modify_subscription", "Modify subscription", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionSteps.SubscriptionId(context));
        await UserModel.ApplyAsync(context, subscription);
        UserModel.SetUserId(context, subscription);
        return StepResult.Saving(subscription);
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Modify(Name, "Modify user", UserPage,
        ModifySubscription,
        UniqueNames.UserNames.ReleasePrevious("release_previous_username", "Release previous username"))
        with { StartClaims = UniqueNames.UserNames.RenameClaims };
}
