using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;

namespace Orchestrator.Workflows.Engine;

/// <summary>
/// A step's result, written before any of its effects are applied. Durable Task may run the activity again after a crash;
/// the second run finds the outbox and applies the same result instead of running the body again.
/// </summary>
sealed record StepOutbox(JsonObject Updates, StepResultKind Kind, IReadOnlyList<(Subscription Subscription, string? ETag)> Subscriptions)
{
    public static string InputId(int index, int attempt) => $"outbox-{index:D5}-{attempt:D5}";

    public JsonArray ToJson() =>
    [
        new JsonObject
        {
            ["updates"] = Updates.DeepClone(),
            ["kind"] = Kind.ToString(),
            ["subscriptions"] = new JsonArray(Subscriptions.Select(s => (JsonNode)new JsonObject
            {
                ["subscription"] = JsonSerializer.SerializeToNode(s.Subscription, DomainJson.Options),
                ["etag"] = s.ETag,
            }).ToArray()),
        },
    ];

    public static StepOutbox FromJson(JsonArray json)
    {
        var root = json[0]!.AsObject();
        var subscriptions = root["subscriptions"]!.AsArray().Select(s => (
            s!["subscription"].Deserialize<Subscription>(DomainJson.Options)!,
            s["etag"]?.GetValue<string>())).ToList();
        return new StepOutbox(root["updates"]!.AsObject().DeepClone().AsObject(), Enum.Parse<StepResultKind>(root["kind"]!.GetValue<string>()), subscriptions);
    }
}
