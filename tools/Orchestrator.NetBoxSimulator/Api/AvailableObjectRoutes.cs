using System.Text.Json.Nodes;
using Orchestrator.NetBoxSimulator.Faults;
using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>
/// <c>/api/ipam/prefixes/{id}/available-prefixes/</c> and <c>.../available-ips/</c>. A POST allocates the lowest free
/// block or address and creates it inside the store's lock, so concurrent calls never receive the same one.
/// </summary>
public static class AvailableObjectRoutes
{
    private const string NoSpaceForPrefixes = "Insufficient space is available to accommodate the requested prefix size(s)";
    private const string NoSpaceForIps = "Insufficient space is available to accommodate the requested IP address(es)";

    public static void MapAvailableObjects(this IEndpointRouteBuilder app)
    {
        const string prefixes = Paths.Prefixes + "{id:int}/available-prefixes/";
        const string ips = Paths.Prefixes + "{id:int}/available-ips/";

        app.MapGet(prefixes, (int id, HttpRequest request, NetBoxStore store) => store.Run(state =>
        {
            if (state.Prefixes.Find(id) is not { } parent) return NetBoxResults.NotFound();
            var renderer = new Renderer(state, Pagination.BaseUrl(request));
            return NetBoxResults.Json(new JsonArray(AddressAllocator.FreeBlocks(state, parent).Select(b => (JsonNode)renderer.AvailablePrefix(b)).ToArray()));
        }));

        app.MapGet(ips, (int id, HttpRequest request, NetBoxStore store) => store.Run(state =>
        {
            if (state.Prefixes.Find(id) is not { } prefix) return NetBoxResults.NotFound();
            var renderer = new Renderer(state, Pagination.BaseUrl(request));
            var limit = Pagination.ReadInt(request, "limit") is > 0 and var l ? l : Pagination.DefaultLimit;
            var free = AddressAllocator.FreeAddresses(state, prefix).Take(Math.Min(limit, Pagination.MaxLimit));
            return NetBoxResults.Json(new JsonArray(free.Select(a => (JsonNode)renderer.AvailableAddress(a)).ToArray()));
        }));

        app.MapPost(prefixes, async (int id, HttpRequest request, NetBoxStore store) =>
        {
            var body = await ResourceRoutes.ReadJsonAsync(request);
            return store.Run(state => state.Prefixes.Find(id) is { } parent
                ? AllocateAll(state, request, body, payload => AllocatePrefix(state, parent, payload), (r, p) => r.Prefix(p), state.Prefixes)
                : NetBoxResults.NotFound());
        }).AddEndpointFilter<WriteOutcomeFilter>();

        app.MapPost(ips, async (int id, HttpRequest request, NetBoxStore store) =>
        {
            var body = await ResourceRoutes.ReadJsonAsync(request);
            return store.Run(state => state.Prefixes.Find(id) is { } prefix
                ? AllocateAll(state, request, body, payload => AllocateIp(state, prefix, payload), (r, ip) => r.IpAddress(ip), state.IpAddresses)
                : NetBoxResults.NotFound());
        }).AddEndpointFilter<WriteOutcomeFilter>();
    }

    /// <summary>NetBox accepts one object or a list; a list is all-or-nothing.</summary>
    private static IResult AllocateAll<T>(NetBoxState state, HttpRequest request, JsonNode? body,
        Func<JsonObject, T> allocate, Func<Renderer, T, JsonObject> render, Table<T> table) where T : IEntity
    {
        var payloads = body switch
        {
            JsonObject single => [single],
            JsonArray list when list.All(item => item is JsonObject) => list.Cast<JsonObject>().ToList(),
            _ => throw ValidationFailure.For("non_field_errors", "Invalid data. Expected a dictionary or a list of dictionaries."),
        };

        var created = new List<T>();
        try
        {
            foreach (var payload in payloads) created.Add(allocate(payload));
        }
        catch
        {
            foreach (var row in created) table.Remove(row.Id);
            throw;
        }

        var renderer = new Renderer(state, Pagination.BaseUrl(request));
        return body is JsonArray
            ? NetBoxResults.Created(new JsonArray(created.Select(row => (JsonNode)render(renderer, row)).ToArray()))
            : NetBoxResults.Created(render(renderer, created[0]));
    }

    private static Prefix AllocatePrefix(NetBoxState state, Prefix parent, JsonObject payload)
    {
        var body = new PayloadReader(payload);
        var length = body.Int("prefix_length", required: true);
        if (length is { } l && (l <= parent.Value.Length || l > parent.Value.MaxLength))
            body.Fail("prefix_length", $"Ensure this value is between {parent.Value.Length + 1} and {parent.Value.MaxLength}.");
        var fields = PrefixWrites.ReadFields(state, body, new Prefix(0, default, "active", false, "", []));
        body.ThrowIfInvalid();

        var block = AddressAllocator.FirstFreePrefix(state, parent, length!.Value) ?? throw new ConflictFailure(NoSpaceForPrefixes);
        return state.Prefixes.Put(fields with { Id = state.Prefixes.NextId(), Value = block });
    }

    private static IpAddress AllocateIp(NetBoxState state, Prefix prefix, JsonObject payload)
    {
        var body = new PayloadReader(payload);
        var fields = IpAddressWrites.ReadFields(state, body, new IpAddress(0, default, "active", null, null, "", "", []));
        body.ThrowIfInvalid();

        var address = AddressAllocator.FreeAddresses(state, prefix).Cast<IpNet?>().FirstOrDefault() ?? throw new ConflictFailure(NoSpaceForIps);
        return state.IpAddresses.Put(fields with { Id = state.IpAddresses.NextId(), Address = address });
    }
}
