using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Engine.Gating;

/// <summary>Why a workflow may not run on a subscription now, with orchestrator-core's reason key and details (spec §2.9).</summary>
public sealed record GateReason(string Reason, string Text, JsonObject Details)
{
    public const string NotInSync = "subscription.not_in_sync";
    public const string RelationsNotInSync = "subscription.relations_not_in_sync";
    public const string InvalidStatus = "subscription.no_modify_invalid_status";
    public const string InUseByOthers = "subscription.no_modify_subscription_in_use_by_others";

    public string Message => $"This workflow cannot be started: {Text}";
}
