using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Procurement.ServiceDefaults.Security;

namespace Procurement.ServiceDefaults.Problems;

/// <summary>
/// A caller who is signed in but may not act is told why, as a ProblemDetails of type <c>forbidden</c> whose
/// <c>rule</c> and <c>detail</c> say it: the token carries no organisation (a machine client's), or the roles the
/// endpoint needs. Everything else (401, success) is the default handling.
/// It runs in the authorization middleware, before the endpoint reads its body or its ids: an auditor's write is
/// 403 whatever the body says.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || context.User.Identity?.IsAuthenticated != true)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        // The type stays the generic "forbidden" a client already handles; the reason is the rule and the detail.
        var problem = ProblemDetailsExtensions.ToProblemDetails(ReasonFor(context, authorizeResult.AuthorizationFailure));
        problem.Type = ProblemDetailsExtensions.TypePrefix + "forbidden";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static ForbiddenException ReasonFor(HttpContext context, AuthorizationFailure? failure)
    {
        var failed = failure?.FailedRequirements.ToList() ?? [];
        if (failed.OfType<ClaimsAuthorizationRequirement>().Any(r => r.ClaimType == ProcurementClaims.OrganisationId))
        {
            return new ForbiddenException(ClaimsPrincipalExtensions.OrganisationRequired);
        }

        var roles = failed.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        return roles.Count > 0 && !roles.Any(context.User.IsInRole)
            ? new ForbiddenException("role_required", string.Join(", ", roles))
            : new ForbiddenException();
    }
}
