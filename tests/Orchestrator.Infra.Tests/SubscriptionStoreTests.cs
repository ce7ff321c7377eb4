using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Infra.Cosmos;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Testing;
using static Orchestrator.Testing.Samples;

namespace Orchestrator.Infra.Tests;

public sealed class SubscriptionStoreTests : IAsyncLifetime
{
    readonly TestStorage storage = new("subs");
    SubscriptionStore store = null!;

    public async Task InitializeAsync()
    {
        await storage.Containers.EnsureCreatedAsync();
        store = new SubscriptionStore(storage.Containers);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    static Domain.Catalogue.Product NodeProduct => Snapshot.ProductByName(Node.ProductName)!;

    [Fact]
    public async Task A_subscription_and_its_tree_round_trip_through_one_document()
    {
        var node = ActiveNode();

        var created = await store.CreateAsync(node, NodeProduct);
        var read = await store.GetAsync(node.SubscriptionId);

        Assert.NotNull(read);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(SubscriptionLifecycle.Active, read.Subscription.Status);
        Assert.Equal("loc1-core", read.Subscription.Block("node").Get<string>("node_name"));
        Assert.Equal(node.Block("node").SubscriptionInstanceId, read.Subscription.Block("node").SubscriptionInstanceId);
        Assert.Equal(1, read.Subscription.Version);
    }

    [Fact]
    public async Task A_missing_subscription_reads_as_null()
    {
        Assert.Null(await store.GetAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Creating_the_same_subscription_twice_is_a_conflict()
    {
        var node = ActiveNode();
        await store.CreateAsync(node, NodeProduct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CreateAsync(node, NodeProduct));
    }

    [Fact]
    public async Task Of_two_writers_with_the_same_etag_exactly_one_wins_and_the_other_writes_nothing()
    {
        var created = await store.CreateAsync(ActiveNode(), NodeProduct);
        var first = (await store.GetAsync(created.Subscription.SubscriptionId))!;
        var second = (await store.GetAsync(created.Subscription.SubscriptionId))!;

        first.Subscription.Note = "first";
        second.Subscription.Note = "second";
        var results = await Task.WhenAll(
            Attempt(() => store.ReplaceAsync(first.Subscription, NodeProduct, first.ETag)),
            Attempt(() => store.ReplaceAsync(second.Subscription, NodeProduct, second.ETag)));

        Assert.Equal(1, results.Count(r => r is null));
        Assert.Single(results, r => r is ConcurrencyConflictException);
        var stored = (await store.GetAsync(created.Subscription.SubscriptionId))!;
        Assert.Contains(stored.Subscription.Note, new[] { "first", "second" });
        Assert.Equal(2, stored.Subscription.Version);
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_is_refused_after_a_successful_one()
    {
        var created = await store.CreateAsync(ActiveNode(), NodeProduct);
        created.Subscription.Note = "changed";
        await store.ReplaceAsync(created.Subscription, NodeProduct, created.ETag);

        created.Subscription.Note = "stale";
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ReplaceAsync(created.Subscription, NodeProduct, created.ETag));

        Assert.Contains("nothing was written", error.Message);
        Assert.Equal("changed", (await store.GetAsync(created.Subscription.SubscriptionId))!.Subscription.Note);
    }

    [Fact]
    public async Task In_use_by_finds_the_circuit_that_references_a_node()
    {
        var a = ActiveNode();
        var b = ActiveNode("loc2-core", 8);
        var circuit = CircuitBetween(a, b);
        await store.CreateAsync(a, NodeProduct);
        await store.CreateAsync(b, NodeProduct);
        await store.CreateAsync(circuit, Snapshot.ProductByName(Circuit.ProductName)!);

        var users = await store.InUseByAsync(a.SubscriptionId);

        Assert.Equal([circuit.SubscriptionId], users.Select(u => u.Subscription.SubscriptionId));
        Assert.Empty(await store.InUseByAsync(circuit.SubscriptionId));
    }

    [Fact]
    public async Task In_use_by_follows_a_circuit_moved_to_another_node_and_ignores_the_pair_it_left()
    {
        var a = ActiveNode();
        var b = ActiveNode("loc2-core", 8);
        var c = ActiveNode("loc3-core", 9);
        foreach (var node in new[] { a, b, c }) await store.CreateAsync(node, NodeProduct);
        var circuitProduct = Snapshot.ProductByName(Circuit.ProductName)!;
        var created = await store.CreateAsync(CircuitBetween(a, b), circuitProduct);

        var moved = created.Subscription;
        moved.Block("circuit").Child("members", 1).Child("port").Refer("node", new BlockReference(c.SubscriptionId, c.Block("node").SubscriptionInstanceId));
        await store.ReplaceAsync(moved, circuitProduct, created.ETag);

        Assert.Equal([moved.SubscriptionId], (await store.InUseByAsync(a.SubscriptionId)).Select(u => u.Subscription.SubscriptionId));
        Assert.Empty(await store.InUseByAsync(b.SubscriptionId));
        Assert.Equal([moved.SubscriptionId], (await store.InUseByAsync(c.SubscriptionId)).Select(u => u.Subscription.SubscriptionId));
        Assert.Equal(4, await store.BackfillRelationsAsync());   // three nodes and the circuit; their pairs are there already
        Assert.Equal([moved.SubscriptionId], (await store.InUseByAsync(c.SubscriptionId)).Select(u => u.Subscription.SubscriptionId));
    }

    [Fact]
    public async Task Paging_reads_more_items_than_one_page_without_gaps_or_repeats()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            var node = ActiveNode($"node-{i:D2}", 100 + i);
            node.Note = "paging";
            ids.Add(node.SubscriptionId);
            await store.CreateAsync(node, NodeProduct);
        }

        var byToken = new List<Guid>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.QueryAsync(new SubscriptionQuery { Take = 5, ContinuationToken = token, SortField = "subscription_id", Descending = false });
            Assert.Equal(23, page.Total);
            byToken.AddRange(page.Items.Select(s => s.Subscription.SubscriptionId));
            token = page.ContinuationToken;
            pages++;
        } while (token is not null && pages < 20);

        var byOffset = new List<Guid>();
        for (var skip = 0; skip < 23; skip += 10)
            byOffset.AddRange((await store.QueryAsync(new SubscriptionQuery { Skip = skip, Take = 10, SortField = "subscription_id", Descending = false }))
                .Items.Select(s => s.Subscription.SubscriptionId));

        var expected = ids.OrderBy(id => id.ToString(), StringComparer.Ordinal).ToList();
        Assert.True(pages >= 5, $"expected at least 5 pages, read {pages}");
        Assert.Equal(expected, byToken);
        Assert.Equal(expected, byOffset);
    }

    [Fact]
    public async Task Filters_select_by_status_tag_and_insync()
    {
        var active = ActiveNode();
        var initial = NewSubscription(Node.ProductName);
        await store.CreateAsync(active, NodeProduct);
        await store.CreateAsync(initial, NodeProduct);

        var byStatus = await store.QueryAsync(new SubscriptionQuery { Statuses = [SubscriptionLifecycle.Initial] });
        var byTag = await store.QueryAsync(new SubscriptionQuery { Tags = ["Node"] });
        var noCircuits = await store.QueryAsync(new SubscriptionQuery { Tags = ["Circuit"] });

        Assert.Equal([initial.SubscriptionId], byStatus.Items.Select(s => s.Subscription.SubscriptionId));
        Assert.Equal(2, byTag.Total);
        Assert.Equal(0, noCircuits.Total);
    }

    static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
