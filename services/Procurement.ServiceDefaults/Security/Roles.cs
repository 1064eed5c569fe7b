using System.Security.Claims;

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
    /// <summary>The caller's organisation; a token without one is refused by every policy.</summary>
    public static Guid OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ProcurementClaims.OrganisationId), out var id)
            ? id
            : throw new InvalidOperationException("The access token carries no org_id claim.");

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ProcurementClaims.Subject) ?? user.FindFirstValue(ProcurementClaims.ClientId)
        ?? throw new InvalidOperationException("The access token carries no subject.");
}
