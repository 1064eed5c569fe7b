namespace Procurement.Contracts.Identity;

/// <summary>
/// An agency registered itself and confirmed its contact's e-mail: it is active at once and may bid (no approval gate,
/// 财库〔2019〕38号). Published by Identity; Bidding keeps the profile so the agency does not type it twice.
/// </summary>
/// <param name="AgencyId">The agency's organisation id (its users' <c>org_id</c>).</param>
/// <param name="Name">The registered name.</param>
/// <param name="UnifiedSocialCreditCode">统一社会信用代码, checked with its check character (GB 32100-2015).</param>
/// <param name="RegistrationAuthority">登记管理机关, e.g. 深圳市福田区民政局.</param>
/// <param name="LegalRepresentative">法定代表人.</param>
/// <param name="RegistrationDate">The day the agency was registered with the authority.</param>
/// <param name="Address">The registered address.</param>
/// <param name="ContactName">The person who registered it (the agency's first administrator).</param>
/// <param name="ContactPhone">That person's phone.</param>
/// <param name="ContactEmail">That person's e-mail, confirmed.</param>
/// <param name="OccurredAt">When the e-mail was confirmed (UTC).</param>
public sealed record AgencyRegistered(
    Guid AgencyId,
    string Name,
    string UnifiedSocialCreditCode,
    string RegistrationAuthority,
    string LegalRepresentative,
    DateOnly RegistrationDate,
    string Address,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    DateTimeOffset OccurredAt);

/// <summary>The platform administrator suspended a (fraudulent) agency registration; it may not bid until reinstated.</summary>
/// <param name="AgencyId">The agency's organisation id.</param>
/// <param name="Reason">The reason, shown to the agency.</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record AgencySuspended(Guid AgencyId, string Reason, DateTimeOffset OccurredAt);

/// <summary>The platform administrator lifted an agency's suspension.</summary>
public sealed record AgencyReinstated(Guid AgencyId, DateTimeOffset OccurredAt);

/// <summary>
/// An evaluator invited into the expert pool accepted the invitation (set a password). Published by Identity;
/// Evaluation adds the expert (its id is the user id) so that panels can draw them.
/// </summary>
/// <param name="UserId">The evaluator's user id (the token's <c>sub</c>).</param>
/// <param name="ExpertPoolId">The expert pool organisation the evaluator belongs to.</param>
/// <param name="Name">The evaluator's display name.</param>
/// <param name="ServiceDomains">The service domains the inviting administrator named (names of Tendering's ServiceDomain).</param>
/// <param name="OccurredAt">When (UTC).</param>
public sealed record ExpertJoinedPool(Guid UserId, Guid ExpertPoolId, string Name, IReadOnlyList<string> ServiceDomains, DateTimeOffset OccurredAt);

/// <summary>
/// A user's access ended at <paramref name="OccurredAt"/>: deactivated, a role taken away, or a password reset. Every
/// service refuses access tokens of <paramref name="UserId"/> issued at or before that instant (the user signs in
/// again, with what is left). Published by Identity, which also revokes the user's refresh tokens.
/// </summary>
/// <param name="UserId">The user id (the token's <c>sub</c>).</param>
/// <param name="Reason">Why: <c>deactivated</c>, <c>role_revoked</c> or <c>password_reset</c>.</param>
/// <param name="OccurredAt">When (UTC); tokens issued at or before it are refused.</param>
public sealed record UserAccessRevoked(Guid UserId, string Reason, DateTimeOffset OccurredAt);

/// <summary>
/// Organisations' public names, for the open data's <c>parties</c> (DOMAIN.md §10): Identity publishes every organisation
/// that is not an agency at each start (agencies are named by their own events), and an organisation when it is created
/// or renamed. A consumer keeps the latest name per id.
/// </summary>
/// <param name="Organisations">The organisations listed.</param>
/// <param name="ListedAt">When (UTC).</param>
public sealed record OrganisationsListed(IReadOnlyList<ListedOrganisation> Organisations, DateTimeOffset ListedAt);

/// <summary>One organisation's public particulars.</summary>
/// <param name="OrganisationId">Its id (its users' <c>org_id</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind as the enum name (<c>PurchasingUnit</c>, <c>Agency</c>, <c>Evaluator</c>, …).</param>
/// <param name="Region">Its region, if it has one.</param>
/// <param name="DivisionCode">Its administrative division code (行政区划代码), if it has one.</param>
public sealed record ListedOrganisation(Guid OrganisationId, string Name, string Kind, string? Region, string? DivisionCode);
