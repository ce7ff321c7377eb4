using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Forms;

/// <summary>Copies a submitted value into an error's <c>input</c>, within a fixed budget, so that a hostile value (deeply nested,
/// huge) never makes the error response expensive or impossible to serialise. Values over the budget are not echoed.</summary>
internal static class InputEcho
{
    const int MaxDepth = 16;
    const int MaxNodes = 1_000;
    const int MaxChars = 20_000;

    public static bool TryCopy(JsonNode? node, out JsonNode? copy)
    {
        var budget = new Budget { Nodes = MaxNodes, Chars = MaxChars };
        try
        {
            return TryCopy(node, 0, ref budget, out copy);
        }
        catch (Exception e) when (InputReader.IsInputFault(e))
        {
            copy = null;
            return false;
        }
    }

    struct Budget
    {
        public int Nodes;
        public int Chars;
    }

    static bool TryCopy(JsonNode? node, int depth, ref Budget budget, out JsonNode? copy)
    {
        copy = null;
        if (--budget.Nodes < 0 || depth > MaxDepth)
            return false;
        switch (node)
        {
            case null:
                return true;
            case JsonObject obj:
            {
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    budget.Chars -= key.Length;
                    if (budget.Chars < 0 || !TryCopy(value, depth + 1, ref budget, out var item))
                        return false;
                    result[key] = item;
                }
                copy = result;
                return true;
            }
            case JsonArray array:
            {
                var result = new JsonArray();
                foreach (var value in array)
                {
                    if (!TryCopy(value, depth + 1, ref budget, out var item))
                        return false;
                    result.Add(item);
                }
                copy = result;
                return true;
            }
            default:
            {
                if (node.GetValueKind() == JsonValueKind.String)
                {
                    var text = InputReader.StringOf(node);
                    if (text is null)
                        return false;
                    budget.Chars -= text.Length;
                    if (budget.Chars < 0)
                        return false;
                    copy = JsonValue.Create(text);
                    return true;
                }
                var raw = node.ToJsonString();
                budget.Chars -= raw.Length;
                if (budget.Chars < 0)
                    return false;
                copy = JsonNode.Parse(raw);
                return true;
            }
        }
    }
}
