using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Engine.Standard;
using Orchestrator.Workflows.Workflows.UserGroup;

namespace Orchestrator.Workflows.Workflows.User;

/// <summary>terminate_user (spec §2.7): a confirmation, then deprovisioning gives the username back.</summary>
public static class TerminateUser
{
    public const string Name = "terminate_user";

    static readonly Step DeprovisionUser = TerminateSteps.Deprovision(UniqueNames.UserNames, "deprovision_user",
        "Deprovision user", UserModel.Username);

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Terminate(Name, "Terminate user",
        TerminateSteps.ConfirmPage, DeprovisionUser);
}
