using Orchestrator.Domain.Workflows;
using Orchestrator.Workflows.Engine.Standard;

namespace Orchestrator.Workflows.Workflows.UserGroup;

/// <summary>
/// terminate_user_group (spec §2.7): refused by the start rules while a user that is not terminated uses the group;
/// deprovisioning gives the group name back.
/// </summary>
public static class TerminateUserGroup
{
    public const string Name = "terminate_user_group";

    static readonly Step DeprovisionUserGroup = TerminateSteps.Deprovision(UniqueNames.GroupNames, "deprovision_user_group",
        "Deprovision user group", UserGroupModel.GroupName);

    public static readonly WorkflowDefinition Definition = StandardWorkflow.Terminate(Name, "Terminate user group",
        TerminateSteps.ConfirmPage, DeprovisionUserGroup);
}
