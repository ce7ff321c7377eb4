using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.UserGroup;

namespace Orchestrator.Workflows.Workflows.User;

/// <summary>create_user (spec §2.7), for User internal and User external: a unique username in one active user group.</summary>
public static class CreateUser
{
    public const string Name = "create_user";

    static readonly WorkflowForm UserPage = (session, context, initial) =>
        UserForm.AskAsync(session, context, initial["product_name"]?.GetValue<string>() ?? "User", current: null);

    static readonly Step InitializeSubscription = new ActionStep("initialize_subscription", "Initialize subscription", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionSteps.SubscriptionId(context));
        await UserModel.ApplyAsync(context, subscription);
        await SubscriptionSteps.ChangeStatusAsync(context, subscription, SubscriptionLifecycle.Provisioning);
        return StepResult.Saving(subscription);
    });

    static readonly Step ProvisionUser = new ActionStep("provision_user", "Provision user", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionSteps.SubscriptionId(context));
        UserModel.SetUserId(context, subscription);
        return StepResult.Saving(subscription);
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Create(Name, "Create user", UserPage,
        SubscriptionSteps.CreateSubscription,
        StandardSteps.StoreProcessSubscription(Domain.Catalogue.WorkflowTarget.Create),
        InitializeSubscription,
        ProvisionUser) with { StartClaims = UniqueNames.UserNames.CreateClaims };
}
