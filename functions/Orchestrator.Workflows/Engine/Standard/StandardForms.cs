using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine.Gating;

namespace Orchestrator.Workflows.Engine.Standard;

/// <summary>The first form page the standard wrappers put before a workflow's own pages, with orchestrator-core's checks (spec §2.0).</summary>
public static class StandardForms
{
    /// <summary>Page 1 of a create workflow: <c>{product}</c>. The product must exist and this must be its create workflow.</summary>
    public static InitialForm ProductPage(string workflowName) => async (session, context) =>
    {
        var page = await session.AskAsync(new FormPage("unknown", [new UuidField("product")]));
        var productId = Guid.Parse(page["product"]!.GetValue<string>());
        var product = context.Catalogue.ProductById(productId) ?? throw session.Invalid("product", "Product not found");
        if (!context.Catalogue.WorkflowsOf(product).Any(w => w.Name == workflowName && w.Target == WorkflowTarget.Create))
            throw session.Invalid("product", "This workflow is not valid for this product");
        return new JsonObject { ["product"] = productId.ToString(), ["product_name"] = product.Name };
    };

    /// <summary>
    /// Page 1 of a modify, terminate or validate workflow: <c>{subscription_id}</c>. The subscription must exist, this workflow
    /// must be one of its product's, and the start rules must allow it now.
    /// </summary>
    public static InitialForm SubscriptionPage(string workflowName) => async (session, context) =>
    {
        var page = await session.AskAsync(new FormPage("unknown", [new UuidField("subscription_id")]));
        var subscriptionId = Guid.Parse(page["subscription_id"]!.GetValue<string>());
        var stored = await context.Services.GetRequiredService<SubscriptionStore>().GetAsync(subscriptionId)
            ?? throw session.Invalid("subscription_id", "Subscription not found");
        var product = context.Catalogue.ProductById(stored.Subscription.ProductId);
        var workflow = product is null ? null : context.Catalogue.WorkflowsOf(product).FirstOrDefault(w => w.Name == workflowName);
        if (workflow is null) throw session.Invalid("subscription_id", "This workflow is not valid for this subscription");
        var gate = context.Services.GetRequiredService<WorkflowGate>();
        if (WorkflowGate.Check(workflow, await gate.ContextAsync(stored)) is { } refused)
            throw session.Invalid("subscription_id", refused.Message);
        return new JsonObject
        {
            ["subscription_id"] = subscriptionId.ToString(),
            ["product"] = stored.Subscription.ProductId.ToString(),
            ["organisation"] = stored.Subscription.CustomerId,
        };
    };

    /// <summary>The active subscriptions of a product, by description (at most 1,000): the choices of a form's dropdown.</summary>
    public static async Task<IReadOnlyList<Subscription>> ActiveSubscriptionsAsync(IFormContext context, string productName)
    {
        var page = await context.Services.GetRequiredService<SubscriptionStore>().QueryAsync(new SubscriptionQuery
        {
            ProductNames = [productName],
            Statuses = [SubscriptionLifecycle.Active],
            SortField = "description",
            Descending = false,
            Take = 1000,
        });
        return page.Items.Select(s => s.Subscription).ToList();
    }

    /// <summary>A task's form: nothing to fill in; orchestrator-core's GUI posts <c>[{}]</c> or <c>[]</c>.</summary>
    public static readonly InitialForm NoInput = (_, _) => Task.FromResult(new JsonObject());

    /// <summary>Runs <paramref name="first"/>, then <paramref name="then"/> on the same session; the results are merged.</summary>
    public static InitialForm Then(this InitialForm first, WorkflowForm? then) => then is null ? first : async (session, context) =>
    {
        var result = await first(session, context);
        foreach (var (key, value) in await then(session, context, result.DeepClone().AsObject())) result[key] = value?.DeepClone();
        return result;
    };
}
