using Orchestrator.Domain.Products.ProductTypes;

namespace Orchestrator.Domain.Catalogue;

/// <summary>The workflows and tasks the catalogue registers, with the spec's names, targets and descriptions (§2).</summary>
public static class WorkflowRegistrations
{
    static readonly string[] AllProducts =
        [Node.ProductName, Circuit.ProductName, UserGroup.ProductName, User.InternalProductName, User.ExternalProductName];
    static readonly string[] Users = [User.InternalProductName, User.ExternalProductName];

    /// <summary>The core's own workflows, attached to every product, and the engine's tasks (catalogue version 1).</summary>
    public static readonly IReadOnlyList<WorkflowRegistration> Core =
    [
        Workflow("modify_note", WorkflowTarget.Modify, "Modify Note", AllProducts),
        Task("task_validate_products", "Validate products"),
    ];

    public static readonly IReadOnlyList<WorkflowRegistration> UserAndGroupWorkflows =
    [
        Workflow("create_user_group", WorkflowTarget.Create, "Create user group", UserGroup.ProductName),
        Workflow("modify_user_group", WorkflowTarget.Modify, "Modify user group", UserGroup.ProductName),
        Workflow("terminate_user_group", WorkflowTarget.Terminate, "Terminate user group", UserGroup.ProductName),
        Workflow("create_user", WorkflowTarget.Create, "Create user", Users),
        Workflow("modify_user", WorkflowTarget.Modify, "Modify user", Users),
        Workflow("terminate_user", WorkflowTarget.Terminate, "Terminate user", Users),
    ];

    public static readonly IReadOnlyList<WorkflowRegistration> NodeWorkflows =
    [
        Workflow("create_node", WorkflowTarget.Create, "Create Node", Node.ProductName),
        Workflow("validate_node", WorkflowTarget.Validate, "Validate Node", Node.ProductName),
        Workflow("terminate_node", WorkflowTarget.Terminate, "Terminate Node", Node.ProductName),
    ];

    public static readonly IReadOnlyList<WorkflowRegistration> CircuitWorkflows =
    [
        Workflow("create_circuit", WorkflowTarget.Create, "Create Circuit", Circuit.ProductName),
        Workflow("modify_circuit", WorkflowTarget.Modify, "Modify the circuit maintenance state", Circuit.ProductName),
        Workflow("terminate_circuit", WorkflowTarget.Terminate, "Terminate the circuit", Circuit.ProductName),
        Workflow("validate_circuit", WorkflowTarget.Validate, "Validate Circuit", Circuit.ProductName),
    ];

    public static readonly IReadOnlyList<WorkflowRegistration> EngineTasks =
    [
        Task("task_resume_workflows", "Resume all workflows that are stuck on tasks with the status 'waiting'"),
        Task("task_clean_up_tasks", "Clean up old tasks"),
    ];

    public static readonly IReadOnlyList<WorkflowRegistration> ValidationTasks =
    [
        Task("task_validate_subscriptions", "Validate subscriptions"),
    ];

    static WorkflowRegistration Workflow(string name, WorkflowTarget target, string description, params string[] products) =>
        new(DeterministicGuid.From($"workflow:{name}"), name, target, description, products, false,
            new DateTimeOffset(2023, 9, 28, 0, 0, 0, TimeSpan.Zero));

    static WorkflowRegistration Task(string name, string description) =>
        new(DeterministicGuid.From($"workflow:{name}"), name, WorkflowTarget.System, description, [], true,
            new DateTimeOffset(2023, 9, 28, 0, 0, 0, TimeSpan.Zero));
}
