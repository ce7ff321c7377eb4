using System.Text.Json.Nodes;

namespace Orchestrator.Domain.Json;

public static class JsonMerge
{
    /// <summary>The state after a step: the step's keys replace the old ones (orchestrator-core's <c>{**state, **returned}</c>).</summary>
    public static JsonObject Shallow(JsonObject state, JsonObject updates)
    {
        var merged = state.DeepClone().AsObject();
        foreach (var (key, value) in updates) merged[key] = value?.DeepClone();
        return merged;
    }

    /// <summary>Resume input is deep-merged: nested objects merge key by key, everything else is replaced.</summary>
    public static JsonObject Deep(JsonObject state, JsonObject input)
    {
        var merged = state.DeepClone().AsObject();
        foreach (var (key, value) in input)
        {
            merged[key] = merged[key] is JsonObject existing && value is JsonObject incoming
                ? Deep(existing, incoming)
                : value?.DeepClone();
        }
        return merged;
    }
}
