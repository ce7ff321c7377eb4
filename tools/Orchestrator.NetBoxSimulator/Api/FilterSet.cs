using Microsoft.Extensions.Primitives;
using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>
/// NetBox-style query filters: repeated values of one filter are OR-ed, different filters AND-ed,
/// unknown parameters ignored, malformed values rejected with 400.
/// </summary>
public sealed class FilterSet<T> where T : IEntity
{
    private static readonly HashSet<string> ReservedParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "limit", "offset", "ordering", "brief", "fields", "exclude",
    };

    private readonly Dictionary<string, Func<NetBoxState, T, string, bool>> _filters = new(StringComparer.OrdinalIgnoreCase);

    public FilterSet()
    {
        Int("id", e => e.Id);
    }

    public FilterSet<T> Add(string name, Func<NetBoxState, T, string, bool> matches)
    {
        _filters[name] = matches;
        return this;
    }

    public FilterSet<T> Text(string name, Func<T, string?> value) =>
        Add(name, (_, e, wanted) => string.Equals(value(e), wanted, StringComparison.OrdinalIgnoreCase));

    public FilterSet<T> Int(string name, Func<T, long?> value) =>
        Add(name, (_, e, wanted) => value(e) == ParseInt(name, wanted));

    public FilterSet<T> Bool(string name, Func<T, bool> value) =>
        Add(name, (_, e, wanted) => value(e) == ParseBool(name, wanted));

    public FilterSet<T> Search(Func<T, IEnumerable<string?>> fields) =>
        Add("q", (_, e, wanted) => fields(e).Any(f => f?.Contains(wanted, StringComparison.OrdinalIgnoreCase) == true));

    public IEnumerable<T> Apply(NetBoxState state, IEnumerable<T> rows, IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        foreach (var (name, values) in query)
        {
            if (ReservedParameters.Contains(name) || !_filters.TryGetValue(name, out var matches)) continue;
            var wanted = values.OfType<string>().ToArray();
            rows = rows.Where(row => wanted.Any(value => matches(state, row, value))).ToList();
        }
        return rows;
    }

    public static long ParseInt(string name, string value) =>
        long.TryParse(value, out var number) ? number : throw ValidationFailure.For(name, "Enter a whole number.");

    public static bool ParseBool(string name, string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw ValidationFailure.For(name, "Select a valid choice. That choice is not one of the available choices."),
    };
}
