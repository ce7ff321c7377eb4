using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

/// <summary>Runs the access policy for one request; both hosts' middleware call this, so the rule is written once.</summary>
public static class AccessSeam
{
    public const string UserItemKey = "orchestrator.user";

    /// <summary>Returns null when the request may go on, or the refusal to send.</summary>
    public static async Task<IResult?> CheckAsync(HttpContext context, IAccessPolicy policy)
    {
        var decision = await policy.DecideAsync(context);
        if (!decision.Allowed) return ApiResults.Problem(StatusCodes.Status403Forbidden, decision.Reason ?? "Not allowed");
        context.Items[UserItemKey] = decision.UserName;
        return null;
    }

    public static string UserName(HttpContext context) =>
        context.Items.TryGetValue(UserItemKey, out var user) && user is string name ? name : AllowAllAccessPolicy.SystemUser;
}
