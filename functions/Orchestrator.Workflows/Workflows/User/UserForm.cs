using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.UserGroup;

namespace Orchestrator.Workflows.Workflows.User;

/// <summary>The user page of create_user and modify_user: username, optional age, and exactly one active user group.</summary>
static class UserForm
{
    public const int MaxAge = 150;

    static readonly UniqueNames Names = UniqueNames.UserNames;

    /// <param name="current">The user being modified, or null for a create.</param>
    public static async Task<JsonObject> AskAsync(FormSession session, IFormContext context, string title, Subscription? current)
    {
        var currentName = current is null ? null : UserModel.Username(current);
        var currentGroup = current is null ? null : UserModel.GroupSubscriptionId(current);
        var page = await session.AskAsync(new FormPage(title,
        [
            Names.Input(currentName),
            new IntegerField("age") { Required = false, Minimum = 0, Maximum = MaxAge, Default = current is null ? null : UserModel.Age(current) },
            new ChoiceListField("user_group_ids", "UserGroupEnum", await ActiveGroupsAsync(context))
            {
                MinItems = 1, MaxItems = 1, Default = currentGroup is { } g ? [g.ToString()] : null,
            },
        ], HasNext: false));
        var username = await Names.ReadAsync(session, page, context, currentName);
        var result = new JsonObject
        {
            [Names.Field] = username,
            ["age"] = page["age"]?.DeepClone(),
            ["user_group_ids"] = page["user_group_ids"]!.DeepClone(),
        };
        if (currentName is not null && UniqueNames.Normalize(currentName) != UniqueNames.Normalize(username))
            result[Names.PreviousField] = currentName;
        return result;
    }

    /// <summary>Every active User Group subscription: value = subscription id, label = description.</summary>
    static async Task<IReadOnlyList<Choice>> ActiveGroupsAsync(IFormContext context) =>
        (await StandardForms.ActiveSubscriptionsAsync(context, Domain.Products.ProductTypes.UserGroup.ProductName))
            .Select(s => new Choice(s.SubscriptionId.ToString(), s.Description)).ToList();
}
