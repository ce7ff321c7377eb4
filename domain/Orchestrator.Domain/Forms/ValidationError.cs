using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>One pydantic v2 style error: <c>loc</c> (field name, then list index for an item), <c>msg</c>, <c>type</c> and
/// optionally <c>ctx</c>. <see cref="Input"/> is the offending value when there is one (<see cref="HasInput"/>; it may be JSON null);
/// values too deep or too large to echo safely are left out.</summary>
public sealed record ValidationError(IReadOnlyList<string> Loc, string Msg, string Type, JsonObject? Ctx = null)
{
    public JsonNode? Input { get; init; }
    public bool HasInput { get; init; }

    /// <summary>This error with <paramref name="input"/> echoed, when it is small enough to send back.</summary>
    public ValidationError WithInput(JsonNode? input) =>
        InputEcho.TryCopy(input, out var copy) ? this with { Input = copy, HasInput = true } : this;

    /// <summary>The wire form: <c>{"type","loc","msg","input"?,"ctx"?}</c>. List indexes in <c>loc</c> become JSON integers.</summary>
    public JsonObject ToJson()
    {
        var loc = new JsonArray();
        for (var i = 0; i < Loc.Count; i++)
        {
            var part = Loc[i];
            if (i > 0 && part.Length is > 0 and < 10 && part.All(char.IsAsciiDigit))
                loc.Add(int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
            else
                loc.Add(part);
        }
        var json = new JsonObject { ["type"] = Type, ["loc"] = loc, ["msg"] = Msg };
        if (HasInput)
            json["input"] = Input?.DeepClone();
        if (Ctx is not null)
            json["ctx"] = Ctx.DeepClone();
        return json;
    }
}
