using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Workflows.UserGroup;
using static Orchestrator.Api.Tests.Users.UsersHost;

namespace Orchestrator.Api.Tests.Users;

/// <summary>The six user and user group workflows end to end over HTTP (spec §2.7), with the relations they leave behind.</summary>
[Collection(UsersCollection.Name)]
public sealed class UserLifecycleTests(UsersHost host)
{
    [Fact]
    public async Task A_user_is_created_in_a_group_moved_to_another_and_terminated_and_then_the_groups_are_terminated()
    {
        var nameA = Unique("staff");
        var nameB = Unique("guests");
        var groupA = await host.CreateGroupAsync(nameA);
        var groupB = await host.CreateGroupAsync(nameB);
        var username = Unique("ada");

        var created = await host.RunAsync("create_user", Product(InternalProduct), UserPage(username, groupA, 36));
        var user = SubscriptionOf(created);
        var model = await host.DomainModelAsync(user);

        Assert.Equal(["Start", "Create subscription", "Create Process Subscription relation", "Initialize subscription",
            "Provision user", "Set subscription to 'active'", "Unlock subscription", "Done"], StepNames(created));
        Assert.Equal($"User {username} from group {nameA} (internal)", model["description"]!.GetValue<string>());
        Assert.Equal("active", model["status"]!.GetValue<string>());
        Assert.True(model["insync"]!.GetValue<bool>());
        Assert.Equal("internal", model["affiliation"]!.GetValue<string>());
        Assert.True(Guid.TryParse(model["customer_id"]!.GetValue<string>(), out _));
        Assert.Equal(36, model["user"]!["age"]!.GetValue<int>());
        Assert.Equal(UniqueNames.StableId(username), model["user"]!["user_id"]!.GetValue<int>());
        Assert.Equal(groupA, model["user"]!["group"]!["owner_subscription_id"]!.GetValue<string>());
        Assert.Equal(nameA, model["user"]!["group"]!["group_name"]!.GetValue<string>());
        Assert.Equal([user], await host.RelatedIdsAsync("in_use_by", groupA));
        Assert.Equal([groupA], await host.RelatedIdsAsync("depends_on", user));

        var modified = await host.RunAsync("modify_user", Subscription(user), UserPage(username, groupB, 37));
        var moved = await host.DomainModelAsync(user);

        Assert.Equal(["Start", "Create Process Subscription relation", "Lock subscription", "Modify subscription",
            "Unlock subscription", "Done"], StepNames(modified));
        Assert.Equal($"User {username} from group {nameB} (internal)", moved["description"]!.GetValue<string>());
        Assert.Equal(37, moved["user"]!["age"]!.GetValue<int>());
        Assert.Equal(groupB, moved["user"]!["group"]!["owner_subscription_id"]!.GetValue<string>());
        Assert.Empty(await host.RelatedIdsAsync("in_use_by", groupA));
        Assert.Equal([user], await host.RelatedIdsAsync("in_use_by", groupB));
        Assert.Equal([groupB], await host.RelatedIdsAsync("depends_on", user));

        var terminated = await host.TerminateAsync("terminate_user", user);
        Assert.Equal(["Start", "Create Process Subscription relation", "Lock subscription", "Deprovision user",
            "Set subscription to 'terminated'", "Unlock subscription", "Done"], StepNames(terminated));
        Assert.Equal("terminated", (await host.DomainModelAsync(user))["status"]!.GetValue<string>());

        await host.TerminateAsync("terminate_user_group", groupA);
        await host.TerminateAsync("terminate_user_group", groupB);
        Assert.Equal("terminated", (await host.DomainModelAsync(groupA))["status"]!.GetValue<string>());
        Assert.Equal("terminated", (await host.DomainModelAsync(groupB))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_group_is_created_renamed_and_terminated_with_the_spec_steps_and_descriptions()
    {
        var name = Unique("ops");
        var renamed = Unique("operations");

        var created = await host.RunAsync("create_user_group", Product(GroupProduct), new JsonObject { ["group_name"] = name });
        var group = SubscriptionOf(created);
        var model = await host.DomainModelAsync(group);
        var modified = await host.RunAsync("modify_user_group", Subscription(group), new JsonObject { ["group_name"] = renamed });
        var after = await host.DomainModelAsync(group);
        var terminated = await host.TerminateAsync("terminate_user_group", group);

        Assert.Equal(["Start", "Create subscription", "Create Process Subscription relation", "Initialize subscription",
            "Provision user group", "Set subscription to 'active'", "Unlock subscription", "Done"], StepNames(created));
        Assert.Equal($"User Group {name}", model["description"]!.GetValue<string>());
        Assert.Equal(name, model["user_group"]!["group_name"]!.GetValue<string>());
        Assert.Equal(UniqueNames.StableId(name), model["user_group"]!["group_id"]!.GetValue<int>());
        Assert.Equal(["Start", "Create Process Subscription relation", "Lock subscription", "Modify user group",
            "Release previous group name", "Unlock subscription", "Done"], StepNames(modified));
        Assert.Equal($"User Group {renamed}", after["description"]!.GetValue<string>());
        Assert.Equal(UniqueNames.StableId(renamed), after["user_group"]!["group_id"]!.GetValue<int>());
        Assert.True(after["insync"]!.GetValue<bool>());
        Assert.Equal(["Start", "Create Process Subscription relation", "Lock subscription", "Deprovision user group",
            "Set subscription to 'terminated'", "Unlock subscription", "Done"], StepNames(terminated));
    }

    [Fact]
    public async Task A_modify_that_keeps_the_name_skips_the_release_and_keeps_the_name_claimed()
    {
        var name = Unique("keep");
        var group = await host.CreateGroupAsync(name);

        var modified = await host.RunAsync("modify_user_group", Subscription(group), new JsonObject { ["group_name"] = name.ToUpperInvariant() });
        var (status, body) = await host.PostAsync("create_user_group", Product(GroupProduct), new JsonObject { ["group_name"] = name });

        Assert.Contains(modified["steps"]!.AsArray(), s => s!["name"]!.GetValue<string>() == "Release previous group name"
            && s["status"]!.GetValue<string>() == "skipped");
        Assert.Equal(name.ToUpperInvariant(), (await host.DomainModelAsync(group))["user_group"]!["group_name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["group_name"], ErrorFields(body));
    }

    [Fact]
    public async Task A_group_in_use_by_a_user_cannot_be_terminated_until_the_user_is()
    {
        var group = await host.CreateGroupAsync(Unique("busy"));
        var user = await host.CreateUserAsync(Unique("bo"), group, product: ExternalProduct);

        var (status, body) = await host.PostAsync("terminate_user_group", Subscription(group));
        var workflows = await host.GetJsonAsync($"subscriptions/workflows/{group}");
        var terminate = workflows["terminate"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == "terminate_user_group")!;
        await host.TerminateAsync("terminate_user", user);
        var afterUser = await host.GetJsonAsync($"subscriptions/workflows/{group}");
        await host.TerminateAsync("terminate_user_group", group);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["subscription_id"], ErrorFields(body));
        Assert.Contains("in use by other subscriptions", ErrorMessages(body));
        Assert.Equal("subscription.no_modify_subscription_in_use_by_others", terminate["reason"]!.GetValue<string>());
        Assert.Equal([user], terminate["unterminated_in_use_by_subscriptions"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Null(afterUser["terminate"]!.AsArray().Single(w => w!["name"]!.GetValue<string>() == "terminate_user_group")!["reason"]);
        Assert.Equal("terminated", (await host.DomainModelAsync(group))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_forms_offer_only_active_groups_default_to_the_current_values_and_confirm_termination()
    {
        var active = await host.CreateGroupAsync(Unique("open"));
        var gone = await host.CreateGroupAsync(Unique("closed"));
        await host.TerminateAsync("terminate_user_group", gone);
        var username = Unique("cy");
        var user = await host.CreateUserAsync(username, active, 50);

        var (createStatus, createPage) = await host.PostAsync("create_user", Product(InternalProduct));
        var (modifyStatus, modifyPage) = await host.PostAsync("modify_user", Subscription(user));
        var (confirmStatus, confirmPage) = await host.PostAsync("terminate_user", Subscription(user));
        var (groupStatus, groupPage) = await host.PostAsync("modify_user_group", Subscription(active));

        Assert.Equal(510, (int)createStatus);
        Assert.Equal("User internal", createPage["form"]!["title"]!.GetValue<string>());
        var choices = Choices(createPage);
        Assert.Contains(active, choices);
        Assert.DoesNotContain(gone, choices);
        Assert.Equal(510, (int)modifyStatus);
        var properties = modifyPage["form"]!["properties"]!;
        Assert.Equal(username, properties["username"]!["default"]!.GetValue<string>());
        Assert.Equal(50, properties["age"]!["default"]!.GetValue<int>());
        Assert.Equal([active], properties["user_group_ids"]!["default"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(510, (int)confirmStatus);
        Assert.Equal("label", confirmPage["form"]!["properties"]!["are_you_sure"]!["format"]!.GetValue<string>());
        Assert.Contains($"Are you sure you want to remove User {username} from group", confirmPage["form"]!.ToJsonString());
        Assert.Equal(510, (int)groupStatus);
        Assert.Equal(UniqueNames.StableId(UniqueNames.Normalize((await host.DomainModelAsync(active))["user_group"]!["group_name"]!.GetValue<string>())),
            groupPage["form"]!["properties"]!["group_id"]!["default"]!.GetValue<int>());
    }

    static string[] Choices(JsonNode page)
    {
        var form = page["form"]!;
        var defs = form["$defs"]!.AsObject();
        return defs.Select(d => d.Value!["enum"]).Where(e => e is not null).SelectMany(e => e!.AsArray()).Select(v => v!.GetValue<string>()).ToArray();
    }
}
