using Orchestrator.Domain.Subscriptions;

namespace Orchestrator.Workflows.Workflows.UserGroup;

/// <summary>Where a User Group subscription keeps its values, and its description rule (spec §1.4, §1.6).</summary>
public static class UserGroupModel
{
    public const string Root = "user_group";

    public static string Description(string groupName) => $"User Group {groupName}";

    public static string GroupName(Subscription subscription) => subscription.Block(Root).Get<string>("group_name") ?? "";

    public static int? GroupId(Subscription subscription) => subscription.Block(Root).Value("group_id")?.GetValue<int>();
}
