using Orchestrator.NetBoxSimulator.Model;

namespace Orchestrator.NetBoxSimulator.Api;

public static class TagFilters
{
    /// <summary>NetBox's <c>?tag=&lt;slug&gt;</c> filter.</summary>
    public static FilterSet<T> WithTagFilter<T>(this FilterSet<T> filters) where T : ITagged =>
        filters.Add("tag", (state, row, slug) => row.TagIds.Any(id => state.Tags.Find(id)?.Slug == slug));
}
