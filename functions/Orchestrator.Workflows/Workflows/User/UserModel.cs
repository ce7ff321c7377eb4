using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Workflows.UserGroup;

namespace Orchestrator.Workflows.Workflows.User;

/// <summary>Where a User subscription keeps its values, and its description rule (spec §1.4, §1.6).</summary>
public static class UserModel
{
    public const string Root = "user";

    public static string Description(string username, string groupName, string affiliation) =>
        $"User {username} from group {groupName} ({affiliation})";

    public static string Username(Subscription subscription) => subscription.Block(Root).Get<string>("username") ?? "";

    public static long? Age(Subscription subscription) => subscription.Block(Root).Value("age")?.GetValue<long>();

    public static Guid? GroupSubscriptionId(Subscription subscription) =>
        subscription.Block(Root).References.GetValueOrDefault("group")?.SubscriptionId;

    public static string Affiliation(Product product) =>
        product.FixedInputs.FirstOrDefault(f => f.Name == "affiliation")?.Value ?? "";

    /// <summary>
    /// Writes the form's values into the user: username, age, user id (from the username) and the reference to the chosen
    /// group's block, which must belong to an active User Group; then the description.
    /// </summary>
    public static async Task ApplyAsync(IStepContext context, Subscription subscription)
    {
        var username = SubscriptionSteps.Text(context, "username");
        var groupId = context.State["user_group_ids"]?.AsArray().SingleOrDefault()?.GetValue<string>() is { } chosen && Guid.TryParse(chosen, out var id)
            ? id
            : throw new ProcessFailureException("The state has no single user group");
        var group = await context.LoadSubscriptionAsync(groupId);
        if (context.Catalogue.ProductById(group.ProductId)?.Name != Domain.Products.ProductTypes.UserGroup.ProductName)
            throw new ProcessFailureException($"Subscription {groupId} is not a user group");
        if (group.Status != SubscriptionLifecycle.Active)
            throw new ProcessFailureException($"User group {group.Description} is {group.Status.ToWire()}, not active");

        var block = subscription.Block(Root);
        block.Set(context.Catalogue, "username", username);
        block.Set(context.Catalogue, "age", context.State["age"]?.DeepClone());
        block.Refer("group", new BlockReference(group.SubscriptionId, group.Block(UserGroupModel.Root).SubscriptionInstanceId));
        var product = context.Catalogue.ProductById(subscription.ProductId)
            ?? throw new ProcessFailureException($"Product {subscription.ProductId} is not in the catalogue");
        subscription.Description = Description(username, UserGroupModel.GroupName(group), Affiliation(product));
    }

    public static void SetUserId(IStepContext context, Subscription subscription) =>
        subscription.Block(Root).Set(context.Catalogue, "user_id", UniqueNames.StableId(SubscriptionSteps.Text(context, "username")));
}
