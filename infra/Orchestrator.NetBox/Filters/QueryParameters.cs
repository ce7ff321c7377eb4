using System.Globalization;

namespace Orchestrator.NetBox.Filters;

internal static class QueryParameters
{
    public static IEnumerable<KeyValuePair<string, string>> Of(params (string Name, object? Value)[] parameters) =>
        parameters
            .Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(p.Name, Format(p.Value!)));

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
