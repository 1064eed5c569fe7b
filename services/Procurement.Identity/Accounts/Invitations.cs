using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Accounts;

/// <summary>
/// Which roles a person of an organisation may hold (the shared decision of issue 14): one person role that follows
/// from the organisation's kind, and <see cref="Roles.OrganisationAdmin"/> beside it in any organisation.
/// </summary>
public static class OrganisationRoles
{
    /// <summary>The person role of <paramref name="kind"/>'s people.</summary>
    public static string PersonRoleOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.PurchasingUnit => Roles.Purchaser,
        OrganisationKind.Agency => Roles.Agency,
        OrganisationKind.TreasuryOffice or OrganisationKind.FinanceDepartment => Roles.Treasury,
        OrganisationKind.AuditOffice or OrganisationKind.Oversight => Roles.Auditor,
        OrganisationKind.ExpertPool or OrganisationKind.EvaluationOrganisation => Roles.Evaluator,
        OrganisationKind.PlatformOperator => Roles.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An organisation kind without a person role."),
    };

    /// <summary>The roles a person of <paramref name="kind"/> may hold.</summary>
    public static IReadOnlyList<string> AllowedFor(OrganisationKind kind) => [PersonRoleOf(kind), Roles.OrganisationAdmin];

    public static bool IsPersonRole(string role) => Roles.All.Contains(role);

    /// <summary>Whether an evaluator of <paramref name="kind"/> joins the expert pool (and so has service domains).</summary>
    public static bool IsExpertPool(OrganisationKind kind) => kind is OrganisationKind.ExpertPool or OrganisationKind.EvaluationOrganisation;
}

/// <summary>
/// The service domains an evaluator may be invited with: the names of Evaluation's <c>ServiceDomains.All</c> (Tendering's
/// ServiceDomain enum). Identity does not reference Evaluation, so the list is repeated here; a name added there must be
/// added here too.
/// </summary>
public static class ServiceDomainNames
{
    /// <summary>The user claim that keeps an invited evaluator's domains until the invitation is accepted.</summary>
    public const string ClaimType = "service_domain";

    public static IReadOnlyList<string> All { get; } =
    [
        "Elderly", "ChildrenAndYouth", "Family", "Disability", "CommunityCorrection", "DrugRehabilitation",
        "SocialAssistance", "Medical", "CommunityBuilding", "Other",
    ];
}

/// <summary>
/// Inviting a person: the set-password link (<see cref="OneTimeLinks.Lifetime"/>, 72 hours) and its mail, for a new
/// invitation and for a resent one (which voids the links sent before). The caller saves.
/// </summary>
public sealed class Invitations(IdentityDb db, OneTimeLinks links, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>Issues a new set-password link for <paramref name="user"/> and enqueues the mail that carries it.</summary>
    public void Send(ProcurementUser user, Organisation organisation, string inviter)
    {
        var token = links.Issue(OneTimeLinkPurpose.SetPassword, user.Id);
        var link = OneTimeLinks.Address(PublicBaseUrl.Of(configuration), SetPasswordEndpoints.Path, token);
        db.EnqueueMail(AccountMails.Invitation(
            user.Email!, user.DisplayName, inviter, organisation.Name, link, clock.GetUtcNow() + OneTimeLinks.Lifetime));
    }

    /// <summary>Voids the earlier unused links of a person who has not joined, and sends a new one.</summary>
    public async Task ResendAsync(ProcurementUser user, Organisation organisation, string inviter, CancellationToken cancellationToken)
    {
        await links.VoidAsync(user.Id, OneTimeLinkPurpose.SetPassword, cancellationToken);
        Send(user, organisation, inviter);
    }

    /// <summary>The service domains kept as claims of an invited evaluator.</summary>
    public static async Task<List<string>> ServiceDomainsOfAsync(UserManager<ProcurementUser> users, ProcurementUser user) =>
        [.. (await users.GetClaimsAsync(user)).Where(c => c.Type == ServiceDomainNames.ClaimType).Select(c => c.Value)];

    public static IEnumerable<Claim> ServiceDomainClaims(IEnumerable<string> domains) =>
        domains.Distinct(StringComparer.Ordinal).Select(d => new Claim(ServiceDomainNames.ClaimType, d));
}

/// <summary>
/// A password reset link (<see cref="OneTimeLinks.ResetLifetime"/>, 2 hours) mailed to a joined, active user; the
/// earlier unused reset links of the user stop working. The caller saves.
/// </summary>
public sealed class PasswordResets(IdentityDb db, OneTimeLinks links, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>Whether a reset may be mailed to <paramref name="user"/>: joined (has a password), active, with an e-mail.</summary>
    public static bool MayReset(ProcurementUser user) =>
        user.PasswordHash is not null && user.DeactivatedAt is null && !string.IsNullOrEmpty(user.Email);

    public async Task SendAsync(ProcurementUser user, CancellationToken cancellationToken)
    {
        await links.VoidAsync(user.Id, OneTimeLinkPurpose.ResetPassword, cancellationToken);
        var token = links.Issue(OneTimeLinkPurpose.ResetPassword, user.Id, OneTimeLinks.ResetLifetime);
        var link = OneTimeLinks.Address(PublicBaseUrl.Of(configuration), ForgotPasswordEndpoints.ResetPath, token);
        db.EnqueueMail(AccountMails.PasswordReset(user.Email!, user.DisplayName, user.UserName ?? "", link, clock.GetUtcNow() + OneTimeLinks.ResetLifetime));
    }
}
