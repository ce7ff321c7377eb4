using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Catalogue.Migrations;
using Orchestrator.Domain.Forms;
using Orchestrator.Domain.Products.ProductTypes;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Testing;

/// <summary>Workflows that use every step kind, for engine and protocol tests; registered as tasks by a test-only catalogue version.</summary>
public static class TestWorkflows
{
    public const string TwoPages = "test_two_pages";
    public const string Flaky = "test_flaky";
    public const string Conditional = "test_conditional";
    public const string CreatesSubscription = "test_creates_subscription";
    public const string Gated = "test_gated";
    public const string Retrying = "test_retrying";
    public const string Callback = "test_callback";
    public const string CallbackTimeout = "test_callback_timeout";
    public const string Grouped = "test_grouped";
    public const string LockingModify = "test_locking_modify";
    public const string Versioned = "test_versioned";

    /// <summary>Two form pages (the second depends on the first), then an input step, then a step that records the answers.</summary>
    public static readonly WorkflowDefinition TwoPagesWorkflow = StandardWorkflow.Task(TwoPages, "Two pages and a confirmation",
        async (session, _) =>
        {
            var first = await session.AskAsync(new FormPage("Who", [new TextField("name") { MaxLength = 20 }]));
            var name = first["name"]!.GetValue<string>();
            var second = await session.AskAsync(new FormPage($"Details for {name}",
            [
                new IntegerField("count") { Minimum = 1, Maximum = 10 },
                new ChoiceField("colour", "Colour", [new Choice("red", "Red"), new Choice("green", "Green")]),
            ], HasNext: false));
            return new JsonObject { ["name"] = name, ["count"] = second["count"]!.DeepClone(), ["colour"] = second["colour"]!.DeepClone() };
        },
        new InputStep("confirm", "Confirm the order", async (session, state, _) =>
        {
            var page = await session.AskAsync(new FormPage("Confirm",
            [
                new ReadOnlyField("summary", $"{state["count"]} x {state["colour"]} for {state["name"]}") { Format = "long" },
                new AcceptField("confirmed"),
                new TextField("remark") { Required = false, Default = "" },
            ], HasNext: false));
            return new JsonObject { ["confirmed"] = page["confirmed"]!.DeepClone(), ["remark"] = page["remark"]?.DeepClone() };
        }),
        new ActionStep("record", "Record the order", context => Task.FromResult(StepResult.With(new JsonObject
        {
            ["recorded"] = $"{context.State["name"]}:{context.State["count"]}:{context.State["colour"]}:{context.State["confirmed"]}",
        }))));

    /// <summary>A step that fails (the same way) as often as <see cref="TestSwitches"/> says, then succeeds.</summary>
    public static readonly WorkflowDefinition FlakyWorkflow = StandardWorkflow.Task(Flaky, "A step that fails until told not to", null,
        new ActionStep("flaky", "Flaky step", context =>
        {
            var switches = context.Services.GetService<TestSwitches>();
            if (switches?.ShouldFail(context.WorkflowName) == true) throw new ProcessFailureException("flaky failure");
            return Task.FromResult(StepResult.With(new JsonObject { ["flaky_done"] = true }));
        }));

    public static readonly WorkflowDefinition ConditionalWorkflow = StandardWorkflow.Task(Conditional, "A conditional step",
        async (session, _) =>
        {
            var page = await session.AskAsync(new FormPage("Choose", [new BooleanField("run_optional")], HasNext: false));
            return new JsonObject { ["run_optional"] = page["run_optional"]!.DeepClone() };
        },
        new ActionStep("optional", "Optional step", _ => Task.FromResult(StepResult.With(new JsonObject { ["optional_ran"] = true })))
        {
            Condition = state => state["run_optional"]?.GetValue<bool>() == true,
        },
        new ActionStep("always", "Always step", _ => Task.FromResult(StepResult.With(new JsonObject { ["always_ran"] = true }))));

    /// <summary>A step that creates a subscription, and one that changes it; each body run is counted.</summary>
    public static readonly WorkflowDefinition CreatesSubscriptionWorkflow = StandardWorkflow.Task(CreatesSubscription, "Creates a subscription", null,
        new ActionStep("create", "Create subscription", context =>
        {
            context.Services.GetService<TestSwitches>()?.ShouldFail("count-only");
            var product = context.Catalogue.ProductByName(Node.ProductName)!;
            var subscription = Subscription.Create(context.Catalogue, product, "test-customer", Guid.NewGuid(), Guid.NewGuid);
            return Task.FromResult(StepResult.Saving(subscription));
        }),
        new ActionStep("note", "Write a note", async context =>
        {
            var subscription = await context.LoadSubscriptionAsync(StandardSteps.SubscriptionId(context));
            subscription.Note = (subscription.Note ?? "") + "noted;";
            return StepResult.Saving(subscription);
        }));

    /// <summary>A step that waits for the test to open its gate, then a step after it: to catch a process mid-way.</summary>
    public static readonly WorkflowDefinition GatedWorkflow = StandardWorkflow.Task(Gated, "Waits at a gate", null,
        new ActionStep("gate", "Wait at the gate", async context =>
        {
            if (context.Services.GetService<TestSwitches>() is { } switches) await switches.PassGateAsync(context.ProcessId.ToString());
            return StepResult.With(new JsonObject { ["gate_passed"] = true });
        }),
        new ActionStep("after", "After the gate", _ => Task.FromResult(StepResult.With(new JsonObject { ["after_ran"] = true }))));

    /// <summary>A retry step: its failure parks the process as waiting, for task_resume_workflows.</summary>
    public static readonly WorkflowDefinition RetryingWorkflow = StandardWorkflow.Task(Retrying, "A retry step", null,
        new ActionStep("retry", "Retry step", context =>
        {
            var switches = context.Services.GetService<TestSwitches>();
            if (switches?.ShouldFail(context.WorkflowName) == true) throw new ProcessFailureException("not yet");
            return Task.FromResult(StepResult.With(new JsonObject { ["retried"] = true }));
        }) { IsRetryStep = true });

    static CallbackStep CallExternalSystem(TimeSpan timeout) => new("call", "Call the external system", context =>
    {
        context.Services.GetService<TestSwitches>()?.Record(context.ProcessId.ToString(), context.State["callback_route"]!.GetValue<string>());
        return Task.FromResult(StepResult.With(new JsonObject { ["called"] = true }));
    }, timeout);

    static readonly Step UseCallbackResult = new ActionStep("use", "Use the result", context =>
        Task.FromResult(StepResult.With(new JsonObject { ["used"] = context.State["callback_result"]?["value"]?.DeepClone() })));

    /// <summary>A callback step with a generous timeout, then a step that reads what the external system posted.</summary>
    public static readonly WorkflowDefinition CallbackWorkflow = StandardWorkflow.Task(Callback, "Waits for a callback", null,
        CallExternalSystem(TimeSpan.FromMinutes(5)), UseCallbackResult);

    /// <summary>The same with a 2 second timeout.</summary>
    public static readonly WorkflowDefinition CallbackTimeoutWorkflow = StandardWorkflow.Task(CallbackTimeout, "A callback that times out", null,
        CallExternalSystem(TimeSpan.FromSeconds(2)), UseCallbackResult);

    /// <summary>Three sub-steps logged as one step; the second fails as often as TestSwitches says.</summary>
    public static readonly WorkflowDefinition GroupedWorkflow = StandardWorkflow.Task(Grouped, "A step group", null,
        new StepGroup("group", "Grouped step",
        [
            new ActionStep("first", "First", context =>
            {
                context.Services.GetService<TestSwitches>()?.Count($"{context.ProcessId}:first");
                return Task.FromResult(StepResult.With(new JsonObject { ["first"] = 1 }));
            }),
            new ActionStep("second", "Second", context =>
            {
                if (context.Services.GetService<TestSwitches>()?.ShouldFail(context.WorkflowName) == true) throw new ProcessFailureException("second failed");
                return Task.FromResult(StepResult.With(new JsonObject { ["second"] = 2 }));
            }),
            new ActionStep("third", "Third", _ => Task.FromResult(StepResult.With(new JsonObject { ["third"] = 3 }))),
        ]));

    /// <summary>A modify workflow of the Node product that waits at an input step while it holds the subscription's lock.</summary>
    public static readonly WorkflowDefinition LockingModifyWorkflow = StandardWorkflow.Modify(LockingModify, "Holds the lock until confirmed", null,
        new InputStep("hold", "Hold the lock", async (session, _, _) =>
        {
            var page = await session.AskAsync(new FormPage("Release", [new AcceptField("release")], HasNext: false));
            return new JsonObject { ["release"] = page["release"]!.DeepClone() };
        }));

    /// <summary>Version 1 and 2 of one workflow: a process keeps the version it started on.</summary>
    public static WorkflowDefinition VersionedWorkflow(int version) => StandardWorkflow.Task(Versioned, "A workflow with two versions", null,
        [
            new InputStep("wait", "Wait for input", async (session, _, _) =>
            {
                var page = await session.AskAsync(new FormPage("Go on", [new AcceptField("go")], HasNext: false));
                return new JsonObject { ["go"] = page["go"]!.DeepClone() };
            }),
            new ActionStep($"v{version}", $"Step of version {version}", _ => Task.FromResult(StepResult.With(new JsonObject { ["ran_version"] = version }))),
        ]).WithVersion(version);

    public static readonly IReadOnlyList<WorkflowDefinition> All =
    [
        TwoPagesWorkflow, FlakyWorkflow, ConditionalWorkflow, CreatesSubscriptionWorkflow, GatedWorkflow, RetryingWorkflow,
        CallbackWorkflow, CallbackTimeoutWorkflow, GroupedWorkflow, LockingModifyWorkflow,
    ];

    /// <summary>A catalogue version that registers the test workflows, applied after the real ones.</summary>
    public static CatalogueMigration Migration(IEnumerable<WorkflowDefinition>? workflows = null) => new(900, "test_workflows", [], [], [],
        (workflows ?? All).DistinctBy(w => w.Name).Select(w => new WorkflowRegistration(DeterministicGuid.From($"workflow:{w.Name}"), w.Name, w.Target,
            w.Description, w.Target == WorkflowTarget.System ? [] : [Node.ProductName, Circuit.ProductName], w.IsTask, Samples.Now)).ToList());

    public static IReadOnlyList<CatalogueMigration> CatalogueWithTests(IEnumerable<WorkflowDefinition>? workflows = null) =>
        [.. CatalogueMigrations.All, Migration(workflows)];
}
