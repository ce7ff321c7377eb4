using System.Text;

namespace Orchestrator.Domain.Forms;

/// <summary>pydantic's default field title: <c>name.title().replace("_", " ").strip()</c>.</summary>
internal static class FieldTitles
{
    public static string FromName(string name)
    {
        var builder = new StringBuilder(name.Length);
        var previousCased = false;
        foreach (var c in name)
        {
            // Python's str.title(): a cased character is upper-cased after an uncased one and lower-cased after a cased one.
            if (char.IsUpper(c) || char.IsLower(c))
            {
                builder.Append(previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
                previousCased = true;
            }
            else
            {
                builder.Append(c == '_' ? ' ' : c);
                previousCased = false;
            }
        }
        return builder.ToString().Trim();
    }
}
