using System.Text.Json.Serialization;

namespace Orchestrator.Domain.Subscriptions;

[JsonConverter(typeof(JsonStringEnumConverter<SubscriptionLifecycle>))]
public enum SubscriptionLifecycle
{
    [JsonStringEnumMemberName("initial")] Initial,
    [JsonStringEnumMemberName("provisioning")] Provisioning,
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("disabled")] Disabled,
    [JsonStringEnumMemberName("migrating")] Migrating,
    [JsonStringEnumMemberName("terminated")] Terminated,
}

public static class SubscriptionLifecycleNames
{
    static readonly Dictionary<string, SubscriptionLifecycle> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["initial"] = SubscriptionLifecycle.Initial,
        ["provisioning"] = SubscriptionLifecycle.Provisioning,
        ["active"] = SubscriptionLifecycle.Active,
        ["disabled"] = SubscriptionLifecycle.Disabled,
        ["migrating"] = SubscriptionLifecycle.Migrating,
        ["terminated"] = SubscriptionLifecycle.Terminated,
    };

    public static string ToWire(this SubscriptionLifecycle status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out SubscriptionLifecycle status) =>
        ByName.TryGetValue(value ?? "", out status);

    public static IEnumerable<string> All => ByName.Keys;
}
