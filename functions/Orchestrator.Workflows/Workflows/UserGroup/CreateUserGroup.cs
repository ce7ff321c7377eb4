using System.Text.Json.Nodes;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.UserGroup;

/// <summary>create_user_group (spec §2.7): a group name, unique among non-terminated groups, and a stable group id.</summary>
public static class CreateUserGroup
{
    public const string Name = "create_user_group";

    static readonly UniqueNames Names = UniqueNames.GroupNames;

    static readonly WorkflowForm GroupPage = async (session, context, initial) =>
    {
        var title = initial["product_name"]?.GetValue<string>() ?? Domain.Products.ProductTypes.UserGroup.ProductName;
        var page = await session.AskAsync(new FormPage(title, [Names.Input()], HasNext: false));
        return new JsonObject { ["group_name"] = await Names.ReadAsync(session, page, context) };
    };

    static readonly Step InitializeSubscription = new ActionStep("initialize_subscription", "Initialize subscription", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionSteps.SubscriptionId(context));
        var groupName = SubscriptionSteps.Text(context, "group_name");
        subscription.Block(UserGroupModel.Root).Set(context.Catalogue, "group_name", groupName);
        subscription.Description = UserGroupModel.Description(groupName);
        await SubscriptionSteps.ChangeStatusAsync(context, subscription, SubscriptionLifecycle.Provisioning);
        return StepResult.Saving(subscription);
    });

    static readonly Step ProvisionUserGroup = new ActionStep("provision_user_group", "Provision user group", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionSteps.SubscriptionId(context));
        var groupId = UniqueNames.StableId(SubscriptionSteps.Text(context, "group_name"));
        subscription.Block(UserGroupModel.Root).Set(context.Catalogue, "group_id", groupId);
        return StepResult.Saving(subscription, new JsonObject { ["group_id"] = groupId });
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Create(Name, "Create user group", GroupPage,
        SubscriptionSteps.CreateSubscription,
        StandardSteps.StoreProcessSubscription(Domain.Catalogue.WorkflowTarget.Create),
        InitializeSubscription,
        ProvisionUserGroup) with { StartClaims = Names.CreateClaims };
}
