using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Infra.Subscriptions;
using Orchestrator.Workflows.Engine;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.Tasks;

/// <summary>task_validate_products (spec §2.8): the catalogue in the database and the workflows in code agree.</summary>
public static class TaskValidateProducts
{
    public const string Name = "task_validate_products";

    static WorkflowRegistry Registry(IStepContext context) => context.Services.GetRequiredService<WorkflowRegistry>();

    static Step Check(string key, string name, Func<IStepContext, Task<JsonObject>> check) =>
        new ActionStep(key, name, async context => StepResult.With(await check(context)));

    static void FailIf(IEnumerable<string> problems, string what)
    {
        var list = problems.ToList();
        if (list.Count > 0) throw new ProcessFailureException($"{what}: {string.Join(", ", list)}");
    }

    static readonly Step WorkflowsInDatabase = Check("check_all_workflows_are_in_db", "Check all workflows in database", context =>
    {
        var inCode = Registry(context).Names.ToHashSet();
        var inDatabase = context.Catalogue.Workflows.Select(w => w.Name).ToHashSet();
        FailIf(inCode.Except(inDatabase).Order(), "Workflows in code but not in the database");
        FailIf(inDatabase.Except(inCode).Order(), "Workflows in the database but not in code");
        return Task.FromResult(new JsonObject { ["check_all_workflows_are_in_db"] = true });
    });

    static readonly Step TargetsAndDescriptions = Check("check_workflows_for_matching_targets_and_description",
        "Check workflows for matching targets and descriptions", context =>
        {
            var mismatches = context.Catalogue.Workflows
                .Select(w => (Db: w, Code: Registry(context).Latest(w.Name)))
                .Where(p => p.Code is not null && (p.Code.Target != p.Db.Target || p.Code.Description != p.Db.Description))
                .Select(p => $"{p.Db.Name} (database: {p.Db.Target} '{p.Db.Description}', code: {p.Code!.Target} '{p.Code.Description}')");
            FailIf(mismatches, "Workflows with a different target or description in code");
            return Task.FromResult(new JsonObject { ["check_workflows_for_matching_targets_and_description"] = true });
        });

    static readonly Step ProductsHaveWorkflows = Check("check_that_products_have_at_least_one_workflow",
        "Check that all products have at least one workflow", context =>
        {
            FailIf(context.Catalogue.Products.Where(p => !context.Catalogue.WorkflowsOf(p).Any()).Select(p => p.Name), "Products without workflows");
            return Task.FromResult(new JsonObject { ["check_that_products_have_at_least_one_workflow"] = true });
        });

    static readonly Step ActiveProductsHaveModifyNote = Check("check_that_active_products_have_a_modify_note",
        "Check that all active products have a modify note", context =>
        {
            FailIf(context.Catalogue.Products
                .Where(p => p.Status == ProductLifecycle.Active && !context.Catalogue.WorkflowsOf(p).Any(w => w.Name == "modify_note"))
                .Select(p => p.Name), "Active products without modify_note");
            return Task.FromResult(new JsonObject { ["check_that_active_products_have_a_modify_note"] = true });
        });

    static readonly Step FixedInputs = Check("check_db_fixed_input_config", "Check the DB fixed input config", context =>
    {
        var inconsistent = context.Catalogue.Products.GroupBy(p => p.ProductType)
            .Where(g => g.Select(p => string.Join(",", p.FixedInputs.Select(f => f.Name).Order())).Distinct().Count() > 1)
            .Select(g => g.Key);
        FailIf(inconsistent, "Product types whose products have different fixed inputs");
        return Task.FromResult(new JsonObject { ["check_db_fixed_input_config"] = true });
    });

    static readonly Step CompleteLifecycle = Check("check_products_have_create_modify_terminate_validate",
        "Check that all products have a create, modify, terminate and validate workflow", context =>
        {
            var report = new JsonObject();
            foreach (var product in context.Catalogue.Products)
            {
                var targets = context.Catalogue.WorkflowsOf(product).Select(w => w.Target).ToHashSet();
                var missing = new[] { WorkflowTarget.Create, WorkflowTarget.Modify, WorkflowTarget.Terminate, WorkflowTarget.Validate }
                    .Where(t => !targets.Contains(t)).Select(t => (JsonNode)t.ToString().ToUpperInvariant()).ToArray();
                if (missing.Length > 0) report[product.Name] = new JsonArray(missing);
            }
            return Task.FromResult(new JsonObject { ["products_missing_workflows"] = report });
        });

    static readonly Step SubscriptionModels = Check("check_subscription_models", "Check subscription models", async context =>
    {
        var store = context.Services.GetRequiredService<SubscriptionStore>();
        var problems = new List<string>();
        var checkedCount = 0;
        string? token = null;
        do
        {
            var page = await store.QueryAsync(new SubscriptionQuery { Take = 500, ContinuationToken = token, SortField = "subscription_id", Descending = false });
            foreach (var stored in page.Items)
            {
                checkedCount++;
                var subscription = stored.Subscription;
                if (context.Catalogue.ProductById(subscription.ProductId) is null)
                    problems.Add($"{subscription.SubscriptionId}: product {subscription.ProductId} not in the catalogue");
                else if (LifecycleRules.MissingFields(subscription, context.Catalogue, subscription.Status) is { Count: > 0 } missing)
                    problems.Add($"{subscription.SubscriptionId}: {string.Join(", ", missing)} missing for status {subscription.Status.ToWire()}");
            }
            token = page.ContinuationToken;
        } while (token is not null && problems.Count < 100);
        FailIf(problems.Take(100), "Subscriptions that do not load into their domain model");
        return new JsonObject { ["check_subscription_models"] = true, ["subscriptions_checked"] = checkedCount };
    });

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Task(Name, "Validate products", null,
        WorkflowsInDatabase, TargetsAndDescriptions, ProductsHaveWorkflows, ActiveProductsHaveModifyNote, FixedInputs, CompleteLifecycle, SubscriptionModels);
}
