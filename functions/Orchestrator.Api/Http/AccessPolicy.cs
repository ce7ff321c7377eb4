using Microsoft.AspNetCore.Http;

namespace Orchestrator.Api.Http;

/// <summary>
/// The single authentication and authorization seam every request of both hosts passes. For now everything is allowed and
/// the caller is "SYSTEM", as orchestrator-core reports with OAuth2 off; authentication replaces this class.
/// </summary>
public interface IAccessPolicy
{
    ValueTask<AccessDecision> DecideAsync(HttpContext context);
}

public sealed record AccessDecision(bool Allowed, string UserName, string? Reason = null);

public sealed class AllowAllAccessPolicy : IAccessPolicy
{
    public const string SystemUser = "SYSTEM";

    public ValueTask<AccessDecision> DecideAsync(HttpContext context) => ValueTask.FromResult(new AccessDecision(true, SystemUser));
}
