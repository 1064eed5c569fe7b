using System.Security.Claims;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.ServiceDefaults.Security;

/// <summary>The role claim values of DOMAIN.md §1; each is also the name of an authorization policy.</summary>
public static class Roles
{
    public const string Purchaser = "purchaser";
    public const string Agency = "agency";
    public const string Evaluator = "evaluator";
    public const string Treasury = "treasury";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Purchaser, Agency, Evaluator, Treasury, Auditor, Admin];

    /// <summary>
    /// An organisation's own administrator (单位管理员): invites the organisation's users and gives or takes their roles.
    /// Held beside a person's role (an agency's first user is <c>agency</c> and <c>org-admin</c>); not a party of §1.
    /// </summary>
    public const string OrganisationAdmin = "org-admin";
}

/// <summary>Claim types carried by access tokens issued by Identity.</summary>
public static class ProcurementClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>The id of the organisation the caller belongs to.</summary>
    public const string OrganisationId = "org_id";
    public const string ClientId = "client_id";
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The rule a token without an organisation (a machine client's) breaks where one is needed: 403.</summary>
    public const string OrganisationRequired = "organisation_required";

    /// <summary>The caller's organisation; a token without one (a machine client's) is refused with 403.</summary>
    public static Guid OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ProcurementClaims.OrganisationId), out var id)
            ? id
            : throw new ForbiddenException(OrganisationRequired);

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ProcurementClaims.Subject) ?? user.FindFirstValue(ProcurementClaims.ClientId)
        ?? throw new InvalidOperationException("The access token carries no subject.");
}
