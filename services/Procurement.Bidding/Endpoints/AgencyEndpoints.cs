using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Endpoints;

/// <summary>
/// An agency as the platform shows it; <c>debarredToday</c> is judged on today's date in Asia/Shanghai; <c>suspended</c> and its
/// reason come from the platform administrator's suspension of the registration (Identity).
/// </summary>
public sealed record AgencyResponse(
    Guid Id, string Name, string UnifiedSocialCreditCode, DateOnly RegistrationDate, string Address, IReadOnlyList<AgencyContact> Contacts,
    Debarment? Debarment, bool DebarredToday, DateTimeOffset RegisteredAt, DateTimeOffset UpdatedAt, int Version,
    bool Suspended, DateTimeOffset? SuspendedAt, string? SuspensionReason)
{
    public static AgencyResponse From(Agency a, DateOnly today) => new(
        a.Id, a.Name, a.UnifiedSocialCreditCode.Value, a.RegistrationDate, a.Address, a.Contacts, a.Debarment, a.IsDebarredOn(today),
        a.RegisteredAt, a.UpdatedAt, a.Version, a.Suspended, a.SuspendedAt, a.SuspensionReason);
}

public static class AgencyEndpoints
{
    /// <summary>Those who may read any agency's profile: purchasers, oversight and the platform operator.</summary>
    private static readonly string[] ProfileReaders = [Roles.Purchaser, Roles.Auditor, Roles.Admin];

    public static RouteGroupBuilder MapAgencyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/agencies").WithTags("Agencies");

        group.MapPut("/me", PutOwn).RequireAuthorization(Roles.Agency)
            .WithName("PutOwnAgency").WithSummary("An agency registers or updates its own profile (its id is the caller's organisation).");
        group.MapGet("/me", GetOwn).RequireAuthorization(Roles.Agency)
            .WithName("GetOwnAgency").WithSummary("The caller's own agency profile.");
        group.MapGet("/", List).RequireAuthorization(ReadersPolicy)
            .WithName("ListAgencies").WithSummary("Every registered agency, by name; for purchasers, auditors and admins.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetAgency").WithSummary("One agency: purchasers, auditors and admins see any; an agency only itself (others are 404).");
        group.MapPost("/{id:guid}/debarment", Debar).RequireAuthorization(Roles.Admin)
            .WithName("DebarAgency").WithSummary("An admin bars the agency from bidding over a span of days, both inclusive.");
        group.MapDelete("/{id:guid}/debarment", LiftDebarment).RequireAuthorization(Roles.Admin)
            .WithName("LiftAgencyDebarment").WithSummary("An admin lifts the agency's debarment; lifting none changes nothing.");
        return group;
    }

    /// <summary>Purchasers, oversight and the platform operator, each of an organisation.</summary>
    internal static void ReadersPolicy(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireRole(ProfileReaders)
        .RequireClaim(ProcurementClaims.OrganisationId);

    private static async Task<Results<Created<AgencyResponse>, Ok<AgencyResponse>>> PutOwn(
        AgencyProfileRequest request, HttpContext http, BiddingDb db, TimeProvider clock)
    {
        var profile = request.ToProfile();
        var id = http.User.OrganisationId();
        var now = clock.GetUtcNow();
        var today = now.ShanghaiDate();
        if (await db.Agencies.AnyAsync(a => a.UnifiedSocialCreditCode == profile.UnifiedSocialCreditCode && a.Id != id, http.RequestAborted))
        {
            throw new ConflictException("uscc_already_registered", profile.UnifiedSocialCreditCode.Value);
        }

        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, http.RequestAborted);
        if (agency is null)
        {
            agency = Agency.Register(id, profile, today, now);
            db.Agencies.Add(agency);
            await db.SaveOrConflictAsync(http.RequestAborted);
            return TypedResults.Created("/api/agencies/me", AgencyResponse.From(agency, today));
        }

        agency.EnsureVersion(request.Version);
        agency.Update(profile, today, now);
        await db.SaveOrConflictAsync(http.RequestAborted);
        return TypedResults.Ok(AgencyResponse.From(agency, today));
    }

    private static async Task<Ok<AgencyResponse>> GetOwn(HttpContext http, BiddingDb db, TimeProvider clock)
    {
        var id = http.User.OrganisationId();
        return TypedResults.Ok(AgencyResponse.From(await db.FindAgencyAsync(id, http.RequestAborted), clock.GetUtcNow().ShanghaiDate()));
    }

    private static async Task<Ok<AgencyResponse[]>> List(BiddingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().ShanghaiDate();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(agencies.Select(a => AgencyResponse.From(a, today)).ToArray());
    }

    private static async Task<Ok<AgencyResponse>> Get(Guid id, HttpContext http, BiddingDb db, TimeProvider clock)
    {
        EnsureMayRead(http.User, id);
        return TypedResults.Ok(AgencyResponse.From(await db.FindAgencyAsync(id, http.RequestAborted), clock.GetUtcNow().ShanghaiDate()));
    }

    private static async Task<Ok<AgencyResponse>> Debar(Guid id, DebarmentRequest request, HttpContext http, BiddingDb db, TimeProvider clock)
    {
        request.Validate();
        var agency = await db.FindAgencyAsync(id, http.RequestAborted);
        agency.EnsureVersion(request.Version);
        var now = clock.GetUtcNow();
        agency.Debar(request.From!.Value, request.Until, request.Reason!, http.User.UserId(), now);
        await db.SaveOrConflictAsync(http.RequestAborted);
        return TypedResults.Ok(AgencyResponse.From(agency, now.ShanghaiDate()));
    }

    private static async Task<Ok<AgencyResponse>> LiftDebarment(Guid id, HttpContext http, BiddingDb db, TimeProvider clock)
    {
        var agency = await db.FindAgencyAsync(id, http.RequestAborted);
        var now = clock.GetUtcNow();
        agency.LiftDebarment(now);
        await db.SaveOrConflictAsync(http.RequestAborted);
        return TypedResults.Ok(AgencyResponse.From(agency, now.ShanghaiDate()));
    }

    /// <summary>Readers see every agency; an agency sees itself, and another agency is "not found"; other roles are refused.</summary>
    private static void EnsureMayRead(ClaimsPrincipal user, Guid id)
    {
        if (ProfileReaders.Any(user.IsInRole))
        {
            return;
        }

        if (!user.IsInRole(Roles.Agency))
        {
            throw new ForbiddenException();
        }

        if (user.OrganisationId() != id)
        {
            throw new NotFoundException(ProblemMessages.Get("agency"), id);
        }
    }

    internal static async Task<Agency> FindAgencyAsync(this BiddingDb db, Guid id, CancellationToken cancellationToken) =>
        await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new NotFoundException(ProblemMessages.Get("agency"), id);
}
