using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary><c>/api/extras/tags/</c>: the orchestrator's idempotency markers live here.</summary>
public static class ExtrasResources
{
    public static void MapExtras(this IEndpointRouteBuilder app)
    {
        app.MapResource(new Resource<Tag>(Paths.Tags, s => s.Tags, (r, x) => r.Tag(x),
            new FilterSet<Tag>().Text("name", x => x.Name).Text("slug", x => x.Slug).Search(x => [x.Name, x.Slug, x.Description]))
        {
            Create = CreateTag,
            Delete = (_, _) => { },
        });
    }

    private static Tag CreateTag(NetBoxState state, PayloadReader body)
    {
        var name = body.String("name", required: true) ?? "";
        var slug = body.String("slug", required: true) ?? "";
        var color = body.String("color", fallback: "9e9e9e")!;
        var description = body.String("description", fallback: "")!;
        if (slug.Length > 0 && !slug.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
            body.Fail("slug", "Enter a valid \"slug\" consisting of letters, numbers, underscores or hyphens.");
        if (state.Tags.All.Any(t => t.Name == name)) body.Fail("name", "tag with this name already exists.");
        if (state.Tags.All.Any(t => t.Slug == slug)) body.Fail("slug", "tag with this slug already exists.");
        body.ThrowIfInvalid();
        return state.Tags.Put(new Tag(state.Tags.NextId(), name, slug, color, description));
    }
}
