using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.UserGroup;

/// <summary>
/// modify_user_group (spec §2.7): rename a group. The group id is name-based, so it follows the new name. A rename claims the
/// new name when the start is accepted and gives the old one back in its last step.
/// </summary>
public static class ModifyUserGroup
{
    public const string Name = "modify_user_group";

    static readonly UniqueNames Names = UniqueNames.GroupNames;

    static readonly WorkflowForm GroupPage = async (session, context, initial) =>
    {
        var stored = await context.Services.GetRequiredService<SubscriptionStore>().GetAsync(SubscriptionSteps.SubscriptionId(initial));
        var subscription = stored!.Subscription;
        var current = UserGroupModel.GroupName(subscription);
        var title = context.Catalogue.ProductById(subscription.ProductId)?.Name ?? Domain.Products.ProductTypes.UserGroup.ProductName;
        var page = await session.AskAsync(new FormPage(title,
            [Names.Input(current), new ReadOnlyField("group_id", UserGroupModel.GroupId(subscription))], HasNext: false));
        var name = await Names.ReadAsync(session, page, context, current);
        var result = new JsonObject { [Names.Field] = name };
        if (UniqueNames.Normalize(name) != UniqueNames.Normalize(current)) result[Names.PreviousField] = current;
        return result;
    };

    static readonly Step ModifyGroup = new ActionStep("modify_user_group", "Modify user group", async context =>
    {
        var subscription = await context.LoadSubscriptionAsync(SubscriptionSteps.SubscriptionId(context));
        var groupName = SubscriptionSteps.Text(context, Names.Field);
        var block = subscription.Block(UserGroupModel.Root);
        block.Set(context.Catalogue, "group_name", groupName);
        block.Set(context.Catalogue, "group_id", UniqueNames.StableId(groupName));
        subscription.Description = UserGroupModel.Description(groupName);
        return StepResult.Saving(subscription);
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Modify(Name, "Modify user group", GroupPage,
        ModifyGroup,
        Names.ReleasePrevious("release_previous_group_name", "Release previous group name")) with { StartClaims = Names.RenameClaims };
}
