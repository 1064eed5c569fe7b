using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Identity;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Identity.Endpoints;

/// <summary>Creating an organisation: a purchasing unit needs its region and administrative division code.</summary>
public sealed record CreateOrganisationRequest(
    string? Name, OrganisationKind? Kind, string? Region, string? DivisionCode, string? UnifiedSocialCreditCode);

public sealed record RenameOrganisationRequest(string? Name);

/// <summary>Suspending an agency: the reason (required, at most 500 characters) is shown to the agency.</summary>
public sealed record SuspendOrganisationRequest(string? Reason);

/// <summary>
/// An organisation; a self-registered agency also carries what it registered with, whether it still awaits its e-mail
/// confirmation, and its suspension (when and why) — which the agency reads at <c>…/mine</c>.
/// </summary>
public sealed record OrganisationResponse(
    Guid Id, string Name, OrganisationKind Kind, string? UnifiedSocialCreditCode, string? Region, string? DivisionCode,
    bool Active, DateTimeOffset? DeactivatedAt,
    string? RegistrationAuthority, string? LegalRepresentative, DateOnly? RegistrationDate, string? Address,
    bool AwaitingConfirmation, DateTimeOffset? AwaitingConfirmationSince, bool Suspended, DateTimeOffset? SuspendedAt, string? SuspensionReason)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id, o.Name, o.Kind, o.UnifiedSocialCreditCode, o.Region, o.DivisionCode, o.Active, o.DeactivatedAt,
            o.RegistrationAuthority, o.LegalRepresentative, o.RegistrationDate, o.Address,
            o.AwaitingConfirmationSince is not null, o.AwaitingConfirmationSince, o.Suspended, o.SuspendedAt, o.SuspensionReason);
}

/// <summary>
/// An organisation's name and kind in the directory of names every signed-in person reads: names of purchasing units,
/// agencies, evaluation organisations and treasury offices are public facts; nothing else of the organisation is here.
/// </summary>
public sealed record OrganisationNameResponse(Guid Id, string Name, OrganisationKind Kind);

/// <summary>One audited change: what changed from what to what, who did it and when.</summary>
public sealed record OrganisationChangeResponse(
    OrganisationChange Change, string? OldValue, string? NewValue, string? ActorId, string ActorName, DateTimeOffset At);

/// <summary>
/// The administrator's directory of organisations (DOMAIN.md §12): purchasing units, treasury offices, audit offices
/// and the expert pool are created, listed, renamed, deactivated and reactivated here; agencies register themselves
/// (<see cref="AgencyRegistrationEndpoints"/>), are listed here with <c>?kind=Agency</c>, and are suspended and reinstated
/// here (raising <c>AgencySuspended</c> / <c>AgencyReinstated</c>); the platform operator comes from <c>admin create</c>.
/// Anyone signed in reads their own organisation at <c>…/mine</c>, and the names of the active organisations at
/// <c>…/names</c> (so that the portal shows a name where an API answers an id). Every change writes an <see cref="OrganisationAudit"/> row,
/// which the administrator and the auditor read at <c>…/{id}/history</c>.
/// </summary>
public static class OrganisationEndpoints
{
    public const string Path = "/api/identity/organisations";

    /// <summary>The kinds the administrator creates here.</summary>
    public static IReadOnlyList<OrganisationKind> CreatableKinds { get; } =
        [OrganisationKind.PurchasingUnit, OrganisationKind.TreasuryOffice, OrganisationKind.AuditOffice, OrganisationKind.ExpertPool];

    public static RouteGroupBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder routes)
    {
        OrganisationCodes.Register();
        var group = routes.MapGroup(Path).WithTags("Organisations");

        group.MapPost("/", Create).RequireAuthorization(Roles.Admin)
            .WithName("CreateOrganisation").WithSummary("Creates a purchasing unit (with region and division code), treasury office, audit office or expert pool.");
        group.MapGet("/", List).RequireAuthorization(Roles.Admin)
            .WithName("ListOrganisations").WithSummary("The organisations by name, optionally of one kind and only the active or inactive ones.");
        group.MapGet("/mine", Mine).RequireAuthorization(Policies.AnyUser)
            .WithName("GetOwnOrganisation").WithSummary("The caller's own organisation, with its suspension and the reason when suspended (any signed-in person).");
        group.MapGet("/names", Names).RequireAuthorization(Policies.AnyUser)
            .WithName("ListOrganisationNames")
            .WithSummary("Id, name and kind of the active organisations (optionally of the given kinds), by name: no contact, credit code or user (any signed-in person).");
        group.MapPost("/{id:guid}/suspension", Suspend).RequireAuthorization(Roles.Admin)
            .WithName("SuspendAgency").WithSummary("Suspends an agency (reason required, shown to the agency); it may not bid until reinstated but still signs in.");
        group.MapDelete("/{id:guid}/suspension", Reinstate).RequireAuthorization(Roles.Admin)
            .WithName("ReinstateAgency").WithSummary("Lifts an agency's suspension.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Roles.Admin)
            .WithName("GetOrganisation").WithSummary("One organisation.");
        group.MapPut("/{id:guid}/name", Rename).RequireAuthorization(Roles.Admin)
            .WithName("RenameOrganisation").WithSummary("Renames an organisation; the old and new names go into its history.");
        group.MapPost("/{id:guid}/deactivate", Deactivate).RequireAuthorization(Roles.Admin)
            .WithName("DeactivateOrganisation").WithSummary("Deactivates an organisation (it stays, listed as inactive); the platform operator stays active.");
        group.MapPost("/{id:guid}/reactivate", Reactivate).RequireAuthorization(Roles.Admin)
            .WithName("ReactivateOrganisation").WithSummary("Makes a deactivated organisation active again.");
        group.MapGet("/{id:guid}/history", History)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireRole(Roles.Admin, Roles.Auditor).RequireClaim(ProcurementClaims.OrganisationId))
            .WithName("GetOrganisationHistory").WithSummary("Every change to an organisation, oldest first: what, from and to what, who and when (admin, auditor).");
        return group;
    }

    private static async Task<Created<OrganisationResponse>> Create(CreateOrganisationRequest request, HttpContext http, IdentityDb db, TimeProvider clock)
    {
        // Not FieldErrors.Required(kind): PurchasingUnit is the enum's default value, and it is a kind.
        var errors = new FieldErrors().Required("name", request.Name, Organisation.NameMaxLength);
        if (request.Kind is not { } kind)
        {
            errors.Add("kind", "required");
        }
        else if (!CreatableKinds.Contains(kind))
        {
            errors.Add("kind", "one_of", string.Join(", ", CreatableKinds));
        }

        var purchasingUnit = request.Kind == OrganisationKind.PurchasingUnit;
        if (purchasingUnit || request.Region is not null)
        {
            errors.Required("region", request.Region, Organisation.RegionMaxLength);
        }

        if (purchasingUnit && string.IsNullOrWhiteSpace(request.DivisionCode))
        {
            errors.Add("divisionCode", "required");
        }
        else if (request.DivisionCode is not null && !AdministrativeDivision.IsCode(request.DivisionCode))
        {
            errors.Add("divisionCode", OrganisationCodes.DivisionCodeShape);
        }

        errors.ThrowIfAny();
        if (request.UnifiedSocialCreditCode is not null)
        {
            // The same rule as an agency's registration (GB 32100-2015, check characters too), and like every rule a 422.
            var broken = new FieldErrors();
            AgencyRegistration.AddCreditCodeFinding(broken, request.UnifiedSocialCreditCode);
            broken.ThrowIfAnyRuleBroken();
        }

        if (request.UnifiedSocialCreditCode is { } code && await db.Organisations.AnyAsync(o => o.UnifiedSocialCreditCode == code, http.RequestAborted))
        {
            throw new ConflictException(OrganisationCodes.CreditCodeTaken, code);
        }

        var organisation = new Organisation(
            Guid.CreateVersion7(), request.Name!.Trim(), request.Kind!.Value, request.UnifiedSocialCreditCode,
            request.Region?.Trim(), request.DivisionCode);
        db.Organisations.Add(organisation);
        db.OrganisationAudit.Add(OrganisationHistory.Created(organisation, Actor(http.User), clock.GetUtcNow()));
        organisation.Announce(clock.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"{Path}/{organisation.Id}", OrganisationResponse.From(organisation));
    }

    private static async Task<Ok<OrganisationResponse[]>> List(IdentityDb db, HttpContext http, OrganisationKind? kind, bool? active)
    {
        var query = db.Organisations.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        if (active is { } a)
        {
            query = a ? query.Where(o => o.DeactivatedAt == null) : query.Where(o => o.DeactivatedAt != null);
        }

        var organisations = await query.ToListAsync(http.RequestAborted);
        return TypedResults.Ok(organisations.OrderBy(o => o.Name, StringComparer.Ordinal).Select(OrganisationResponse.From).ToArray());
    }

    /// <summary>
    /// The active organisations' names: a deactivated organisation, and an agency's registration still awaiting its
    /// e-mail confirmation (not yet an organisation anyone deals with), are not listed.
    /// </summary>
    private static async Task<Ok<OrganisationNameResponse[]>> Names(IdentityDb db, HttpContext http, OrganisationKind[]? kind)
    {
        var query = db.Organisations.AsNoTracking().Where(o => o.DeactivatedAt == null && o.AwaitingConfirmationSince == null);
        if (kind is { Length: > 0 } kinds)
        {
            query = query.Where(o => kinds.Contains(o.Kind));
        }

        var names = await query.Select(o => new OrganisationNameResponse(o.Id, o.Name, o.Kind)).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(names.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id).ToArray());
    }

    private static async Task<Ok<OrganisationResponse>> Get(Guid id, IdentityDb db, HttpContext http) =>
        TypedResults.Ok(OrganisationResponse.From(await FindAsync(db, id, http.RequestAborted)));

    private static async Task<Ok<OrganisationResponse>> Rename(Guid id, RenameOrganisationRequest request, HttpContext http, IdentityDb db, TimeProvider clock)
    {
        new FieldErrors().Required("name", request.Name, Organisation.NameMaxLength).ThrowIfAny();
        var organisation = await FindAsync(db, id, http.RequestAborted);
        var name = request.Name!.Trim();
        if (name != organisation.Name)
        {
            var old = organisation.Name;
            organisation.Rename(name);
            db.OrganisationAudit.Add(OrganisationHistory.Change(organisation, OrganisationChange.Renamed, old, name, Actor(http.User), clock.GetUtcNow()));
            organisation.Announce(clock.GetUtcNow());
            await db.SaveChangesAsync(http.RequestAborted);
        }

        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Ok<OrganisationResponse>> Deactivate(Guid id, HttpContext http, IdentityDb db, TimeProvider clock)
    {
        var organisation = await FindAsync(db, id, http.RequestAborted);
        if (organisation.Kind == OrganisationKind.PlatformOperator)
        {
            throw new RuleViolationException(OrganisationCodes.PlatformOperatorStaysActive);
        }

        if (!organisation.Active)
        {
            throw new ConflictException(OrganisationCodes.AlreadyInactive, organisation.Name);
        }

        var now = clock.GetUtcNow();
        organisation.Deactivate(now);
        db.OrganisationAudit.Add(OrganisationHistory.Change(organisation, OrganisationChange.Deactivated, "active", "inactive", Actor(http.User), now));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Ok<OrganisationResponse>> Reactivate(Guid id, HttpContext http, IdentityDb db, TimeProvider clock)
    {
        var organisation = await FindAsync(db, id, http.RequestAborted);
        if (organisation.Active)
        {
            throw new ConflictException(OrganisationCodes.AlreadyActive, organisation.Name);
        }

        organisation.Reactivate();
        db.OrganisationAudit.Add(OrganisationHistory.Change(organisation, OrganisationChange.Reactivated, "inactive", "active", Actor(http.User), clock.GetUtcNow()));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Ok<OrganisationResponse>> Mine(IdentityDb db, HttpContext http)
    {
        var id = http.User.OrganisationId();
        return TypedResults.Ok(OrganisationResponse.From(await FindAsync(db, id, http.RequestAborted)));
    }

    private static async Task<Ok<OrganisationResponse>> Suspend(
        Guid id, SuspendOrganisationRequest request, HttpContext http, IdentityDb db, TimeProvider clock)
    {
        new FieldErrors().Required("reason", request.Reason, Organisation.SuspensionReasonMaxLength).ThrowIfAny();
        var organisation = await FindAgencyAsync(db, id, http.RequestAborted);
        if (organisation.Suspended)
        {
            throw new ConflictException(OrganisationCodes.AlreadySuspended, organisation.Name);
        }

        var now = clock.GetUtcNow();
        var reason = request.Reason!.Trim();
        organisation.Suspend(reason, now);
        db.OrganisationAudit.Add(OrganisationHistory.Change(organisation, OrganisationChange.Suspended, null, reason, Actor(http.User), now));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Ok<OrganisationResponse>> Reinstate(Guid id, HttpContext http, IdentityDb db, TimeProvider clock)
    {
        var organisation = await FindAgencyAsync(db, id, http.RequestAborted);
        if (!organisation.Suspended)
        {
            throw new ConflictException(OrganisationCodes.NotSuspended, organisation.Name);
        }

        var now = clock.GetUtcNow();
        var reason = organisation.SuspensionReason;
        organisation.Reinstate(now);
        db.OrganisationAudit.Add(OrganisationHistory.Change(organisation, OrganisationChange.Reinstated, reason, null, Actor(http.User), now));
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    /// <summary>Only agencies are suspended (a fraudulent registration); other kinds are deactivated instead.</summary>
    private static async Task<Organisation> FindAgencyAsync(IdentityDb db, Guid id, CancellationToken cancellationToken)
    {
        var organisation = await FindAsync(db, id, cancellationToken);
        return organisation.Kind == OrganisationKind.Agency
            ? organisation
            : throw new RuleViolationException(OrganisationCodes.OnlyAgenciesSuspended, null, organisation.Name);
    }

    private static async Task<Ok<OrganisationChangeResponse[]>> History(Guid id, IdentityDb db, HttpContext http)
    {
        await FindAsync(db, id, http.RequestAborted);
        var rows = await db.OrganisationAudit.AsNoTracking().Where(a => a.OrganisationId == id).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows.OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new OrganisationChangeResponse(a.Change, a.OldValue, a.NewValue, a.ActorId, a.ActorName, a.At)).ToArray());
    }

    private static async Task<Organisation> FindAsync(IdentityDb db, Guid id, CancellationToken cancellationToken) =>
        await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("organisation", id);

    private static (string? Id, string Name) Actor(ClaimsPrincipal user) =>
        (user.FindFirstValue(ProcurementClaims.Subject), user.FindFirstValue(ProcurementClaims.Name) ?? user.UserId());

}

/// <summary>The audit rows of organisation changes.</summary>
public static class OrganisationHistory
{
    public static OrganisationAudit Created(Organisation organisation, (string? Id, string Name) actor, DateTimeOffset at) =>
        Created(organisation, actor.Id, actor.Name, at);

    public static OrganisationAudit Created(Organisation organisation, string? actorId, string actorName, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), organisation.Id, OrganisationChange.Created, null,
            $"{organisation.Name} ({organisation.Kind}{(organisation.DivisionCode is null ? "" : $", {organisation.Region} {organisation.DivisionCode}")})",
            actorId, actorName, at);

    public static OrganisationAudit Change(
        Organisation organisation, OrganisationChange change, string? oldValue, string? newValue, (string? Id, string Name) actor, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), organisation.Id, change, oldValue, newValue, actor.Id, actor.Name, at);
}

/// <summary>The stable codes of the directory's refusals.</summary>
public static class OrganisationCodes
{
    public const string DivisionCodeShape = "division_code_shape";
    public const string CreditCodeTaken = "organisation_credit_code_taken";
    public const string AlreadyInactive = "organisation_already_inactive";
    public const string AlreadyActive = "organisation_already_active";
    public const string PlatformOperatorStaysActive = "platform_operator_stays_active";
    public const string AlreadySuspended = "agency_already_suspended";
    public const string NotSuspended = "agency_not_suspended";
    public const string OnlyAgenciesSuspended = "only_agencies_suspended";

    public static void Register() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        [DivisionCodeShape] = ("{0} must be an administrative division code of GB/T 2260: six digits starting with a province code (e.g. 440304).",
            "{0} 须为 GB/T 2260 行政区划代码：以省级代码开头的六位数字（如 440304）。"),
        [CreditCodeTaken] = ("An organisation with the unified social credit code {0} exists already.", "统一社会信用代码为 {0} 的单位已存在。"),
        [AlreadyInactive] = ("{0} is inactive already.", "{0} 已是停用状态。"),
        [AlreadyActive] = ("{0} is active already.", "{0} 已是启用状态。"),
        [PlatformOperatorStaysActive] = ("The platform operator cannot be deactivated: its administrators run the platform.",
            "平台运营方不能停用：平台由其管理员运行。"),
        [AlreadySuspended] = ("{0} is suspended already.", "{0} 已处于暂停状态。"),
        [NotSuspended] = ("{0} is not suspended.", "{0} 未被暂停。"),
        [OnlyAgenciesSuspended] = ("Only an agency's registration is suspended; {0} is not an agency (deactivate it instead).",
            "只有机构的注册可以暂停；{0} 不是机构（请改为停用）。"),
    });
}
