using System.Net;
using System.Text.Json.Nodes;
using static Orchestrator.Api.Tests.Users.UsersHost;

namespace Orchestrator.Api.Tests.Users;

/// <summary>Every bad input to the user and user group workflows is a 400 naming the field; names are unique while in use.</summary>
[Collection(UsersCollection.Name)]
public sealed class UserValidationTests(UsersHost host)
{
    public static TheoryData<string> BadGroupNames => new()
    {
        """{"group_name":""}""",
        """{"group_name":"   "}""",
        $$"""{"group_name":"{{new string('g', 65)}}"}""",
        """{"group_name":42}""",
        """{"group_name":null}""",
        """{"group_name":"tab\there"}""",
        """{}""",
    };

    [Theory]
    [MemberData(nameof(BadGroupNames))]
    public async Task A_bad_group_name_is_a_400_on_group_name(string page)
    {
        var (status, body) = await host.PostAsync("create_user_group", Product(GroupProduct), JsonNode.Parse(page));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["group_name"], ErrorFields(body));
    }

    [Theory]
    [InlineData("""{"username":"","age":null}""", "username")]
    [InlineData("""{"username":"  ","age":null}""", "username")]
    [InlineData("""{"username":"a\u0000b","age":null}""", "username")]
    [InlineData("""{"age":30}""", "username")]
    [InlineData("""{"username":"ok","age":-1}""", "age")]
    [InlineData("""{"username":"ok","age":151}""", "age")]
    [InlineData("""{"username":"ok","age":1e12}""", "age")]
    [InlineData("""{"username":"ok","age":2.5}""", "age")]
    [InlineData("""{"username":"ok","age":"ten"}""", "age")]
    public async Task A_bad_username_or_age_is_a_400_on_that_field(string page, string field)
    {
        var group = await host.SharedGroupAsync();
        var values = JsonNode.Parse(page)!.AsObject();
        values["user_group_ids"] = new JsonArray(group);

        var (status, body) = await host.PostAsync("create_user", Product(InternalProduct), values);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], ErrorFields(body));
    }

    [Fact]
    public async Task An_over_long_username_is_a_400_and_64_characters_are_fine()
    {
        var group = await host.SharedGroupAsync();
        var longest = Unique("u") + new string('x', 64 - Unique("u").Length);

        var (tooLong, body) = await host.PostAsync("create_user", Product(InternalProduct), UserPage(longest + "y", group));
        var (fits, _) = await host.PostAsync("create_user", Product(InternalProduct), UserPage(longest, group));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Equal(["username"], ErrorFields(body));
        Assert.Equal(HttpStatusCode.Created, fits);
    }

    [Fact]
    public async Task The_group_must_be_exactly_one_active_user_group()
    {
        var group = await GroupAsync();
        var other = await GroupAsync();
        var terminated = await GroupAsync();
        await host.TerminateAsync("terminate_user_group", terminated);
        var user = await host.CreateUserAsync(Unique("dee"), group);
        JsonNode Page(JsonArray groups) => new JsonObject { ["username"] = Unique("eve"), ["user_group_ids"] = groups };

        var cases = new[]
        {
            new JsonArray(),
            new JsonArray(group, other),
            new JsonArray(Guid.NewGuid().ToString()),
            new JsonArray(terminated),
            new JsonArray(user),
            new JsonArray("not-a-uuid"),
        };
        foreach (var groups in cases)
        {
            var (status, body) = await host.PostAsync("create_user", Product(InternalProduct), Page(groups));
            Assert.True(status == HttpStatusCode.BadRequest, $"{groups.ToJsonString()} answered {(int)status}");
            Assert.Equal(["user_group_ids"], ErrorFields(body).Distinct());
        }
        var (missing, missingBody) = await host.PostAsync("create_user", Product(InternalProduct), new JsonObject { ["username"] = Unique("eve") });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(["user_group_ids"], ErrorFields(missingBody));
    }

    [Fact]
    public async Task A_taken_group_name_is_refused_in_any_case_until_the_group_is_terminated()
    {
        var name = Unique("dup");
        var group = await host.CreateGroupAsync(name);

        var (again, body) = await host.PostAsync("create_user_group", Product(GroupProduct), new JsonObject { ["group_name"] = $"  {name.ToUpperInvariant()} " });
        await host.TerminateAsync("terminate_user_group", group);
        var reused = await host.CreateGroupAsync(name);

        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Equal(["group_name"], ErrorFields(body));
        Assert.Contains("already exists", ErrorMessages(body));
        Assert.NotEqual(group, reused);
    }

    [Fact]
    public async Task A_taken_username_is_refused_for_both_products_and_for_a_rename_until_the_user_is_terminated()
    {
        var group = await GroupAsync();
        var name = Unique("fay");
        var user = await host.CreateUserAsync(name, group);
        var other = await host.CreateUserAsync(Unique("gus"), group);

        var (external, externalBody) = await host.PostAsync("create_user", Product(ExternalProduct), UserPage(name.ToUpperInvariant(), group));
        var (rename, renameBody) = await host.PostAsync("modify_user", Subscription(other), UserPage(name, group));
        await host.TerminateAsync("terminate_user", user);
        await host.RunAsync("modify_user", Subscription(other), UserPage(name, group));

        Assert.Equal(HttpStatusCode.BadRequest, external);
        Assert.Equal(["username"], ErrorFields(externalBody));
        Assert.Equal(HttpStatusCode.BadRequest, rename);
        Assert.Equal(["username"], ErrorFields(renameBody));
        Assert.Equal(name, (await host.DomainModelAsync(other))["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_renamed_user_frees_the_old_name_and_holds_the_new_one()
    {
        var group = await GroupAsync();
        var oldName = Unique("hal");
        var newName = Unique("ivy");
        var user = await host.CreateUserAsync(oldName, group);

        var modified = await host.RunAsync("modify_user", Subscription(user), UserPage(newName, group));
        var (taken, _) = await host.PostAsync("create_user", Product(InternalProduct), UserPage(newName, group));
        var reused = await host.CreateUserAsync(oldName, group);

        Assert.Contains("Release previous username", StepNames(modified));
        Assert.Equal(HttpStatusCode.BadRequest, taken);
        Assert.NotEqual(user, reused);
    }

    [Fact]
    public async Task Of_two_concurrent_creates_with_one_group_name_exactly_one_is_accepted()
    {
        var name = Unique("race");

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            host.PostAsync("create_user_group", Product(GroupProduct), new JsonObject { ["group_name"] = i == 0 ? name : name.ToUpperInvariant() })));

        Assert.Single(results, r => r.Status == HttpStatusCode.Created);
        var refused = Assert.Single(results, r => r.Status == HttpStatusCode.BadRequest);
        Assert.Equal(["group_name"], ErrorFields(refused.Body));
        await host.CompletedAsync(results.Single(r => r.Status == HttpStatusCode.Created).Body["id"]!.GetValue<string>());
        var groups = (await host.GetJsonAsync("subscriptions/?filter=tag,GROUP&range=0,1000")).AsArray();
        Assert.Single(groups, g => string.Equals(g!["description"]!.GetValue<string>(), $"User Group {name}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Of_two_concurrent_creates_with_one_username_exactly_one_is_accepted()
    {
        var group = await GroupAsync();
        var name = Unique("twin");

        var starts = await Task.WhenAll(new[] { InternalProduct, ExternalProduct }.Select(product =>
            host.PostAsync("create_user", Product(product), UserPage(name, group))));

        Assert.Single(starts, r => r.Status == HttpStatusCode.Created);
        Assert.Equal(["username"], ErrorFields(Assert.Single(starts, r => r.Status == HttpStatusCode.BadRequest).Body));
        await host.CompletedAsync(starts.Single(r => r.Status == HttpStatusCode.Created).Body["id"]!.GetValue<string>());
        Assert.Single(await host.RelatedIdsAsync("in_use_by", group));
    }

    Task<string> GroupAsync() => host.CreateGroupAsync(Unique("grp"));
}
