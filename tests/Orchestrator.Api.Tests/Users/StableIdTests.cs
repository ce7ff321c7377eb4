using Orchestrator.Workflows.Workflows.UserGroup;
using static Orchestrator.Api.Tests.Users.UsersHost;

namespace Orchestrator.Api.Tests.Users;

/// <summary>Group and user ids come from the name, the same on every machine and in every process (not string.GetHashCode).</summary>
[Collection(UsersCollection.Name)]
public sealed class StableIdTests(UsersHost host)
{
    [Theory]
    [InlineData("engineering", 210089573)]
    [InlineData("alice", 735577802)]
    [InlineData("  Alice ", 735577802)]
    public void The_id_is_1_plus_the_first_four_bytes_of_sha256_of_the_normalised_name(string name, int expected) =>
        Assert.Equal(expected, UniqueNames.StableId(name));

    [Fact]
    public async Task The_same_name_gives_the_same_id_in_two_separate_processes()
    {
        var groupName = Unique("lab");
        var username = Unique("jo");
        var first = await host.CreateGroupAsync(groupName);
        var firstUser = await host.CreateUserAsync(username, first);
        var firstModel = await host.DomainModelAsync(first);
        var firstUserModel = await host.DomainModelAsync(firstUser);
        await host.TerminateAsync("terminate_user", firstUser);
        await host.TerminateAsync("terminate_user_group", first);

        var second = await host.CreateGroupAsync(groupName);
        var secondUser = await host.CreateUserAsync(username, second, product: ExternalProduct);
        var secondModel = await host.DomainModelAsync(second);
        var secondUserModel = await host.DomainModelAsync(secondUser);

        Assert.NotEqual(first, second);
        Assert.Equal(firstModel["user_group"]!["group_id"]!.GetValue<int>(), secondModel["user_group"]!["group_id"]!.GetValue<int>());
        Assert.Equal(UniqueNames.StableId(groupName), secondModel["user_group"]!["group_id"]!.GetValue<int>());
        Assert.Equal(firstUserModel["user"]!["user_id"]!.GetValue<int>(), secondUserModel["user"]!["user_id"]!.GetValue<int>());
        Assert.Equal(UniqueNames.StableId(username), secondUserModel["user"]!["user_id"]!.GetValue<int>());
    }
}
