using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Subscriptions;
using Orchestrator.Domain.Workflows;

namespace Orchestrator.Workflows.Engine.Standard;

/// <summary>
/// The wrappers of orchestrator-core's workflows/utils.py: each puts the standard first form page before the workflow's own
/// pages and the standard steps around its body, so a workflow reads like <c>init >> body >> done</c>.
/// </summary>
public static class StandardWorkflow
{
    /// <summary>Start, body, Set subscription to 'active', Unlock subscription, Done; page 1 is <c>{product}</c>.</summary>
    public static WorkflowDefinition Create(string name, string description, WorkflowForm? form, params Step[] body) =>
        Versioned(1, name, WorkflowTarget.Create, description, StandardForms.ProductPage(name).Then(form),
            [StandardSteps.Start, .. body, StandardSteps.SetStatus(SubscriptionLifecycle.Active), StandardSteps.Unlock, StandardSteps.Done]);

    /// <summary>Start, Create Process Subscription relation, Lock subscription, body, Unlock subscription, Done.</summary>
    public static WorkflowDefinition Modify(string name, string description, WorkflowForm? form, params Step[] body) =>
        Versioned(1, name, WorkflowTarget.Modify, description, StandardForms.SubscriptionPage(name).Then(form),
            [StandardSteps.Start, StandardSteps.StoreProcessSubscription(WorkflowTarget.Modify), StandardSteps.Lock, .. body,
             StandardSteps.Unlock, StandardSteps.Done]);

    /// <summary>As modify, with Set subscription to 'terminated' after the body.</summary>
    public static WorkflowDefinition Terminate(string name, string description, WorkflowForm? form, params Step[] body) =>
        Versioned(1, name, WorkflowTarget.Terminate, description, StandardForms.SubscriptionPage(name).Then(form),
            [StandardSteps.Start, StandardSteps.StoreProcessSubscription(WorkflowTarget.Terminate), StandardSteps.Lock, .. body,
             StandardSteps.SetStatus(SubscriptionLifecycle.Terminated), StandardSteps.Unlock, StandardSteps.Done]);

    /// <summary>Start, Create Process Subscription relation, Lock subscription (unchecked), body, Unlock subscription, Done.</summary>
    public static WorkflowDefinition Validate(string name, string description, params Step[] body) =>
        Versioned(1, name, WorkflowTarget.Validate, description, StandardForms.SubscriptionPage(name),
            [StandardSteps.Start, StandardSteps.StoreProcessSubscription(WorkflowTarget.Validate), StandardSteps.LockUnchecked, .. body,
             StandardSteps.Unlock, StandardSteps.Done]);

    /// <summary>A task: Start, body, Done, with no form unless one is given.</summary>
    public static WorkflowDefinition Task(string name, string description, InitialForm? form, params Step[] body) =>
        Versioned(1, name, WorkflowTarget.System, description, form ?? StandardForms.NoInput,
            [StandardSteps.Start, .. body, StandardSteps.Done]);

    /// <summary>Exactly the steps given (orchestrator-core's plain <c>workflow</c>); the caller adds Start and Done.</summary>
    public static WorkflowDefinition Versioned(int version, string name, WorkflowTarget target, string description, InitialForm form, Step[] steps) =>
        new(name, target, description, version, form, steps);

    public static WorkflowDefinition WithVersion(this WorkflowDefinition definition, int version) => definition with { Version = version };
}
