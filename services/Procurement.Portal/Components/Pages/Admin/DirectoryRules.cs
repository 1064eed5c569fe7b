using System.Globalization;
using Procurement.Portal.Client;
using Procurement.Portal.Localization;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Pages.Admin;

/// <summary>Where an organisation stands, as the administrator's table shows it.</summary>
public enum OrganisationState
{
    Active,
    Inactive,

    /// <summary>An agency that registered itself and whose contact has not confirmed the e-mail yet.</summary>
    AwaitingConfirmation,

    /// <summary>An agency the administrator suspended (with a reason it sees): it cannot bid until reinstated.</summary>
    Suspended,
}

/// <summary>
/// The directory's rules as the portal's screens apply them, the same as Identity applies them (so a form offers only
/// what the API accepts): the kinds the administrator creates and the fields each needs, the roles an organisation's kind
/// allows, the state of an organisation, and a suspension's reason.
/// </summary>
public static class DirectoryRules
{
    /// <summary>The kinds the administrator creates (agencies register themselves; the platform operator comes from the command line).</summary>
    public static IReadOnlyList<OrganisationKind> CreatableKinds { get; } =
        [OrganisationKind.PurchasingUnit, OrganisationKind.TreasuryOffice, OrganisationKind.AuditOffice, OrganisationKind.ExpertPool];

    /// <summary>A purchasing unit needs its region and its administrative division code (GB/T 2260).</summary>
    public static bool NeedsDivision(OrganisationKind? kind) => kind == OrganisationKind.PurchasingUnit;

    /// <summary>Six digits starting with a province code (11–82), as Identity checks an administrative division code.</summary>
    public static bool IsDivisionCode(string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit)
        && int.Parse(code.AsSpan(0, 2), CultureInfo.InvariantCulture) is >= 11 and <= 82;

    /// <summary>The person role an organisation's kind gives its users.</summary>
    public static string PersonRoleOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.PurchasingUnit => Roles.Purchaser,
        OrganisationKind.Agency => Roles.Agency,
        OrganisationKind.TreasuryOffice or OrganisationKind.FinanceDepartment => Roles.Treasury,
        OrganisationKind.AuditOffice or OrganisationKind.Oversight => Roles.Auditor,
        OrganisationKind.ExpertPool or OrganisationKind.EvaluationOrganisation => Roles.Evaluator,
        OrganisationKind.PlatformOperator => Roles.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The roles a user of an organisation of this kind may be given: its person role and <c>org-admin</c>. Only the
    /// platform administrator gives <c>admin</c> (the platform operator's person role).
    /// </summary>
    public static IReadOnlyList<string> RolesFor(OrganisationKind kind, bool byPlatformAdmin)
    {
        var role = PersonRoleOf(kind);
        return role == Roles.Admin && !byPlatformAdmin ? [Roles.OrganisationAdmin] : [role, Roles.OrganisationAdmin];
    }

    /// <summary>An evaluator invited into the expert pool is given the service domains the pool draws them for.</summary>
    public static bool AsksForServiceDomains(IEnumerable<string> roles) => roles.Contains(Roles.Evaluator);

    /// <summary>Suspended first (whatever else), then inactive, then awaiting the e-mail's confirmation, else active.</summary>
    public static OrganisationState StateOf(bool active, DateTimeOffset? awaitingConfirmationSince, DateTimeOffset? suspendedAt) =>
        suspendedAt is not null ? OrganisationState.Suspended
        : !active ? OrganisationState.Inactive
        : awaitingConfirmationSince is not null ? OrganisationState.AwaitingConfirmation
        : OrganisationState.Active;

    /// <summary>Only an agency is suspended (and reinstated): the other kinds are deactivated.</summary>
    public static bool MaySuspend(OrganisationKind kind) => kind == OrganisationKind.Agency;

    /// <summary>A suspension says why: the agency reads the reason.</summary>
    public static bool IsReason(string? reason) => !string.IsNullOrWhiteSpace(reason);

    /// <summary>The platform operator stays active (its administrators run the platform).</summary>
    public static bool MayDeactivate(OrganisationKind kind) => kind != OrganisationKind.PlatformOperator;
}

/// <summary>The security log's period as the auditor picks it: whole days in Asia/Shanghai, the last day included.</summary>
public static class ShanghaiDays
{
    /// <summary>Midnight in Shanghai at the start of <paramref name="day"/>, as an instant.</summary>
    public static DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Format.Shanghai.GetUtcOffset(local));
    }

    /// <summary>From the start of the first day to the start of the day after the last one (the API's <c>to</c> is exclusive).</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Period(DateOnly? first, DateOnly? last) =>
        (first is { } f ? Start(f) : null, last is { } l ? Start(l.AddDays(1)) : null);
}
