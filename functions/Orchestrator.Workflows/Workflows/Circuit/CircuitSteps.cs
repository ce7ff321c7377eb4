using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Json;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.Node;

namespace Orchestrator.Workflows.Workflows.Circuit;

/// <summary>The steps create_circuit and modify_circuit share: the router configs to confirm and the cable update.</summary>
static class CircuitSteps
{
    /// <summary>Input step: both routers' configs with the IS-IS metric the circuit's maintenance state asks for.</summary>
    public static readonly Step ProvideConfigToUser = new InputStep("provide_config_to_user", "Provide Config to User", async (session, state, context) =>
    {
        var subscription = state["subscription"].Deserialize<Subscription>(DomainJson.Options)
            ?? throw new ProcessFailureException("The state has no subscription");
        var circuit = subscription.Circuit();
        var store = context.Services.GetRequiredService<SubscriptionStore>();
        var names = new string[2];
        for (var side = 0; side < 2; side++)
        {
            var reference = subscription.Member(side).Port().NodeReference();
            names[side] = (await store.GetAsync(reference.SubscriptionId))?.Subscription.NodeBlockOf(reference).NodeName() ?? "";
        }
        var page = await session.AskAsync(new FormPage($"Configure circuit {circuit.CircuitDescription()}",
        [
            new ReadOnlyField("endpoint_a_router_config", CircuitConfig.Render(circuit, 0, names[0])) { Format = "long", Title = "Endpoint A router config" },
            new ReadOnlyField("endpoint_b_router_config", CircuitConfig.Render(circuit, 1, names[1])) { Format = "long", Title = "Endpoint B router config" },
            new AcceptField("confirm_config_put_on_routers") { Title = "Confirm config put on routers" },
        ], HasNext: false));
        return new JsonObject
        {
            ["endpoint_a_router_config"] = page["endpoint_a_router_config"]?.DeepClone(),
            ["endpoint_b_router_config"] = page["endpoint_b_router_config"]?.DeepClone(),
            ["isis_metric"] = CircuitBlockValues.IsisMetricOf(circuit),
            ["confirm_config_put_on_routers"] = page["confirm_config_put_on_routers"]?.DeepClone(),
        };
    });

    /// <summary>"Update Circuit in Netbox": PATCHes the cable's status, description and ends where they differ from the subscription.</summary>
    public static Step UpdateCircuitInNetbox(string key) => new ActionStep(key, "Update Circuit in Netbox", async context =>
    {
        var circuit = (await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context))).Circuit();
        var id = circuit.CircuitId() ?? throw new ProcessFailureException("The circuit has no circuit_id (NetBox cable id)");
        var netbox = context.Client();
        var cable = await netbox.GetCableAsync(id) ?? throw new ProcessFailureException($"Netbox object with id {id} not found");
        var payload = CablePayload.Of(circuit);
        var (update, fields) = payload.ChangesFrom(cable);
        if (fields.Count > 0) await netbox.UpdateCableAsync(id, update);
        return StepResult.With(new JsonObject
        {
            ["netbox_payload"] = payload.ToJson(),
            ["netbox_updated"] = true,
            ["netbox_changed_fields"] = new JsonArray(fields.Select(f => (JsonNode)f).ToArray()),
        });
    });
}
