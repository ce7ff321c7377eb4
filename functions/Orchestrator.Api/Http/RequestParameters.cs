using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

/// <summary>Parsing of ids and of orchestrator-core's list parameters (<c>range</c>, <c>sort</c>, <c>filter</c>).</summary>
public static class RequestParameters
{
    public static Guid Id(string? value, string parameter) =>
        Guid.TryParse(value, out var id) ? id : throw new BadInputException(parameter, $"'{value}' is not a valid UUID");

    public static string? Single(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary><c>range=start,end</c> (end exclusive, start &lt; end), at most 1000 items.</summary>
    public static (int Start, int End) Range(HttpRequest request, int defaultSize = 100)
    {
        var value = Single(request, "range");
        if (value is null) return (0, defaultSize);
        var parts = value.Split(',');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var start) || !int.TryParse(parts[1], out var end) || start < 0 || end <= start)
            throw new BadInputException("range", $"'{value}' must be 'start,end' with 0 <= start < end");
        if (end - start > 1000) throw new BadInputException("range", "a page holds at most 1000 items");
        return (start, end);
    }

    /// <summary><c>sort=field,ASC|DESC</c>; only the first pair is used.</summary>
    public static (string Field, bool Descending)? Sort(HttpRequest request)
    {
        var value = Single(request, "sort");
        if (value is null) return null;
        var parts = value.Split(',');
        if (parts.Length is not (1 or 2)) throw new BadInputException("sort", $"'{value}' must be 'field,ASC' or 'field,DESC'");
        var direction = parts.Length == 2 ? parts[1].ToUpperInvariant() : "ASC";
        if (direction is not ("ASC" or "DESC")) throw new BadInputException("sort", $"direction '{parts[1]}' must be ASC or DESC");
        return (parts[0], direction == "DESC");
    }

    /// <summary><c>filter=field,value[,field,value…]</c>, plus every plain query parameter named in <paramref name="plain"/>.</summary>
    public static ILookup<string, string> Filters(HttpRequest request, IReadOnlyCollection<string> plain)
    {
        var pairs = new List<(string, string)>();
        if (Single(request, "filter") is { } filter)
        {
            var parts = filter.Split(',');
            if (parts.Length % 2 != 0) throw new BadInputException("filter", $"'{filter}' must be pairs of field,value");
            for (var i = 0; i < parts.Length; i += 2) pairs.Add((parts[i].ToLowerInvariant(), parts[i + 1]));
        }
        foreach (var name in plain)
            if (Single(request, name) is { } value) pairs.Add((name, value));
        return pairs.ToLookup(p => p.Item1, p => p.Item2);
    }

    public static bool? Bool(string? value, string parameter) => value?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new BadInputException(parameter, $"'{value}' is not true or false"),
    };
}
