using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Identity.Endpoints;

/// <summary>One user as the administrators see it.</summary>
/// <param name="Joined">Whether the user has set a password (accepted the invitation).</param>
/// <param name="InvitedAt">When the user was last invited; null for a user who was not invited (the command line, the demo).</param>
public sealed record UserResponse(
    Guid Id, string UserName, string DisplayName, string? Email, Guid OrganisationId, string OrganisationName,
    OrganisationKind OrganisationKind, string[] Roles, bool Joined, bool EmailConfirmed, bool TwoFactorEnabled, bool Active,
    DateTimeOffset? DeactivatedAt, DateTimeOffset? InvitedAt);

/// <summary>An invitation: the organisation (omitted = the caller's own), the person, their roles and, for an evaluator of the expert pool, service domains.</summary>
public sealed record InviteUserRequest(
    Guid? OrganisationId, string? Email, string? DisplayName, string? UserName, string[]? Roles, string[]? ServiceDomains);

public sealed record GrantRoleRequest(string? Role);

public sealed record DeactivateUserRequest(string? Reason);

/// <summary>One audited change to a user: what changed from what to what, who did it and when.</summary>
public sealed record UserChangeResponse(
    OrganisationChange Change, string? OldValue, string? NewValue, string? ActorId, string ActorName, DateTimeOffset At);

/// <summary>
/// The users of the directory (DOMAIN.md §12, issue 14 item 4): the platform administrator manages anyone's, an
/// organisation's own administrator (<c>org-admin</c>) only its organisation's — another organisation's users answer
/// 404 to it. People are invited (no password, a set-password link by mail, 72 hours), their roles are given and taken
/// away, they are deactivated (every token ended at once) and reactivated, and a reset link is mailed on request.
/// Every change writes an <see cref="OrganisationAudit"/> row naming the user.
/// </summary>
public static class UserEndpoints
{
    public const string Path = "/api/identity/users";

    /// <summary>The reason is kept in the audit row beside "inactive: ".</summary>
    public const int DeactivationReasonMaxLength = 300;

    public static RouteGroupBuilder MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        UserCodes.Register();
        var group = routes.MapGroup(Path).WithTags("Users");
        var administrators = Policy(Roles.Admin, Roles.OrganisationAdmin);

        group.MapGet("/", List).RequireAuthorization(administrators)
            .WithName("ListUsers").WithSummary("The users by user name: the platform admin's of any organisation, an org-admin's of its own; optionally of one organisation and only the active or inactive ones.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(administrators)
            .WithName("GetUser").WithSummary("One user (an org-admin sees only its own organisation's).");
        group.MapPost("/invitations", Invite).RequireAuthorization(administrators)
            .WithName("InviteUser").WithSummary("Invites a person: creates the user without a password and mails a link to set one, valid 72 hours.");
        group.MapPost("/{id:guid}/invitation", Resend).RequireAuthorization(administrators)
            .WithName("ResendInvitation").WithSummary("Mails a new invitation link to a user who has not joined; the earlier links stop working.");
        group.MapPost("/{id:guid}/roles", Grant).RequireAuthorization(administrators)
            .WithName("GrantRole").WithSummary("Gives a user a role that fits the organisation's kind (admin only by the platform admin).");
        group.MapDelete("/{id:guid}/roles/{role}", Revoke).RequireAuthorization(administrators)
            .WithName("RevokeRole").WithSummary("Takes a role away and ends the user's tokens; not the last active admin's admin, nor a user's only person role.");
        group.MapPost("/{id:guid}/deactivate", Deactivate).RequireAuthorization(administrators)
            .WithName("DeactivateUser").WithSummary("Deactivates a user: the account is locked and every token and session ends at once; not yourself, not the last active admin.");
        group.MapPost("/{id:guid}/reactivate", Reactivate).RequireAuthorization(administrators)
            .WithName("ReactivateUser").WithSummary("Makes a deactivated user active again; they sign in afresh.");
        group.MapPost("/{id:guid}/password-reset", ResetPassword).RequireAuthorization(administrators)
            .WithName("SendPasswordReset").WithSummary("Mails a joined, active user a link to choose a new password, valid 2 hours.");
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policy(Roles.Admin, Roles.OrganisationAdmin, Roles.Auditor))
            .WithName("GetUserHistory").WithSummary("Every audited change to a user, oldest first: what, from and to what, who and when (admin, the user's org-admin, auditor).");
        return group;
    }

    private static Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> Policy(params string[] roles) =>
        policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireRole(roles).RequireClaim(ProcurementClaims.OrganisationId);

    private static async Task<Ok<UserResponse[]>> List(IdentityDb db, HttpContext http, Guid? organisationId, bool? active)
    {
        var caller = Caller.Of(http.User);
        var query = db.Users.AsNoTracking();
        if (organisationId is { } organisation)
        {
            if (!caller.MaySee(organisation))
            {
                throw new NotFoundException("organisation", organisation);
            }

            query = query.Where(u => u.OrganisationId == organisation);
        }
        else if (!caller.PlatformAdmin)
        {
            query = query.Where(u => u.OrganisationId == caller.OrganisationId);
        }

        if (active is { } a)
        {
            query = a ? query.Where(u => u.DeactivatedAt == null) : query.Where(u => u.DeactivatedAt != null);
        }

        var users = await query.ToListAsync(http.RequestAborted);
        var responses = await DescribeAsync(db, users, http.RequestAborted);
        return TypedResults.Ok(responses.OrderBy(u => u.UserName, StringComparer.Ordinal).ToArray());
    }

    private static async Task<Ok<UserResponse>> Get(Guid id, IdentityDb db, HttpContext http) =>
        TypedResults.Ok(await DescribeAsync(db, await FindAsync(db, id, Caller.Of(http.User), http.RequestAborted), http.RequestAborted));

    private static async Task<Created<UserResponse>> Invite(
        InviteUserRequest request, HttpContext http, IdentityDb db, UserManager<ProcurementUser> users, Invitations invitations, TimeProvider clock)
    {
        var caller = Caller.Of(http.User);
        var errors = new FieldErrors()
            .Required("email", request.Email, OrganisationAudit.ValueMaxLength)
            .Required("displayName", request.DisplayName, ProcurementUser.DisplayNameMaxLength);
        if (request.Email is { } mail && !string.IsNullOrWhiteSpace(mail) && !IsMailAddress(mail.Trim()))
        {
            errors.Add("email", UserCodes.EmailShape);
        }

        if (request.UserName is not null)
        {
            errors.Required("userName", request.UserName, OrganisationAudit.ValueMaxLength);
        }

        var allowed = users.Options.User.AllowedUserNameCharacters;
        if ((request.UserName ?? request.Email)?.Trim() is { Length: > 0 } name && !string.IsNullOrEmpty(allowed) && name.Any(c => !allowed.Contains(c)))
        {
            errors.Add(request.UserName is null ? "email" : "userName", UserCodes.UserNameCharacters);
        }

        var roles = (request.Roles ?? []).Select(r => r?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (roles.Length == 0)
        {
            errors.Add("roles", "required");
        }

        errors.ThrowIfAny();

        var organisationId = request.OrganisationId ?? caller.OrganisationId;
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == organisationId, http.RequestAborted);
        if (organisation is null || !caller.MaySee(organisation.Id))
        {
            throw new NotFoundException("organisation", organisationId);
        }

        if (!organisation.Active)
        {
            throw new RuleViolationException(UserCodes.OrganisationInactive, null, organisation.Name);
        }

        foreach (var role in roles)
        {
            CheckRoleFits(role, organisation, caller);
        }

        var personRole = OrganisationRoles.PersonRoleOf(organisation.Kind);
        if (!roles.Contains(personRole))
        {
            throw new RuleViolationException(UserCodes.PersonRoleRequired, "roles", personRole);
        }

        var domains = (request.ServiceDomains ?? []).Select(d => d?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (domains.Length > 0)
        {
            if (!OrganisationRoles.IsExpertPool(organisation.Kind))
            {
                new FieldErrors().Add("serviceDomains", UserCodes.ServiceDomainsForExpertsOnly).ThrowIfAny();
            }

            if (domains.FirstOrDefault(d => !ServiceDomainNames.All.Contains(d)) is { } unknown)
            {
                new FieldErrors().Add("serviceDomains", "one_of", string.Join(", ", ServiceDomainNames.All)).ThrowIfAny();
            }
        }

        var email = request.Email!.Trim();
        var userName = (request.UserName ?? email).Trim();
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw AgencyRegistrationCodes.Taken(UserCodes.UserNameTaken, "userName", userName);
        }

        var normalisedEmail = users.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalisedEmail, http.RequestAborted))
        {
            throw new ConflictException(UserCodes.EmailTaken, email);
        }

        var user = new ProcurementUser(Guid.CreateVersion7(), userName, request.DisplayName!.Trim(), organisation.Id) { Email = email };
        var now = clock.GetUtcNow();
        await InTransactionAsync(db, async () =>
        {
            Check(await users.CreateAsync(user));
            Check(await users.AddToRolesAsync(user, roles));
            if (domains.Length > 0)
            {
                Check(await users.AddClaimsAsync(user, Invitations.ServiceDomainClaims(domains)));
            }

            db.OrganisationAudit.Add(Audit(user, OrganisationChange.UserInvited, null,
                $"{user.UserName} <{email}> ({string.Join(", ", roles)}{(domains.Length > 0 ? "; " + string.Join(", ", domains) : "")})", caller, now));
            invitations.Send(user, organisation, await caller.DisplayNameAsync(db, http.RequestAborted));
            await db.SaveChangesAsync(http.RequestAborted);
        }, http.RequestAborted);

        return TypedResults.Created($"{Path}/{user.Id}", await DescribeAsync(db, user, http.RequestAborted));
    }

    private static async Task<Ok<UserResponse>> Resend(Guid id, HttpContext http, IdentityDb db, Invitations invitations, TimeProvider clock)
    {
        var caller = Caller.Of(http.User);
        var user = await FindAsync(db, id, caller, http.RequestAborted);
        if (user.PasswordHash is not null)
        {
            throw new ConflictException(UserCodes.AlreadyJoined, user.UserName);
        }

        if (user.DeactivatedAt is not null)
        {
            throw new ConflictException(UserCodes.UserInactive, user.UserName);
        }

        if (string.IsNullOrEmpty(user.Email))
        {
            throw new RuleViolationException(UserCodes.NoEmail, null, user.UserName);
        }

        var organisation = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId, http.RequestAborted);
        await InTransactionAsync(db, async () =>
        {
            await invitations.ResendAsync(user, organisation, await caller.DisplayNameAsync(db, http.RequestAborted), http.RequestAborted);
            db.OrganisationAudit.Add(Audit(user, OrganisationChange.UserInvited, null, $"{user.UserName} <{user.Email}> (resent)", caller, clock.GetUtcNow()));
            await db.SaveChangesAsync(http.RequestAborted);
        }, http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(db, user, http.RequestAborted));
    }

    private static async Task<Ok<UserResponse>> Grant(
        Guid id, GrantRoleRequest request, HttpContext http, IdentityDb db, UserManager<ProcurementUser> users, TimeProvider clock)
    {
        new FieldErrors().Required("role", request.Role, 50).ThrowIfAny();
        var caller = Caller.Of(http.User);
        var user = await FindAsync(db, id, caller, http.RequestAborted);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId, http.RequestAborted);
        var role = request.Role!.Trim();
        CheckRoleFits(role, organisation, caller);
        if (await users.IsInRoleAsync(user, role))
        {
            throw new ConflictException(UserCodes.HasRole, user.UserName, role);
        }

        await InTransactionAsync(db, async () =>
        {
            Check(await users.AddToRoleAsync(user, role));
            db.OrganisationAudit.Add(Audit(user, OrganisationChange.RoleGranted, null, role, caller, clock.GetUtcNow()));
            await db.SaveChangesAsync(http.RequestAborted);
        }, http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(db, user, http.RequestAborted));
    }

    private static async Task<Ok<UserResponse>> Revoke(
        Guid id, string role, HttpContext http, IdentityDb db, UserManager<ProcurementUser> users, UserAccess access, TimeProvider clock)
    {
        var caller = Caller.Of(http.User);
        var user = await FindAsync(db, id, caller, http.RequestAborted);
        var held = await users.GetRolesAsync(user);
        if (!held.Contains(role))
        {
            throw new ConflictException(UserCodes.LacksRole, user.UserName, role);
        }

        if (role == Roles.Admin)
        {
            if (!caller.PlatformAdmin)
            {
                throw new ForbiddenException(UserCodes.AdminByPlatformAdminOnly);
            }

            await CheckNotLastAdminAsync(users, user);
        }

        if (OrganisationRoles.IsPersonRole(role) && held.Count(OrganisationRoles.IsPersonRole) == 1)
        {
            throw new RuleViolationException(UserCodes.OnlyPersonRole, null, user.UserName, role);
        }

        await InTransactionAsync(db, async () =>
        {
            Check(await users.RemoveFromRoleAsync(user, role));
            db.OrganisationAudit.Add(Audit(user, OrganisationChange.RoleRevoked, role, null, caller, clock.GetUtcNow()));
            await access.RevokeAsync(user.Id, UserAccess.RoleRevoked, http.RequestAborted);
            await db.SaveChangesAsync(http.RequestAborted);
        }, http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(db, user, http.RequestAborted));
    }

    private static async Task<Ok<UserResponse>> Deactivate(
        Guid id, DeactivateUserRequest? request, HttpContext http, IdentityDb db, UserManager<ProcurementUser> users, UserAccess access, TimeProvider clock)
    {
        var reason = request?.Reason?.Trim();
        if (reason is { Length: > DeactivationReasonMaxLength })
        {
            new FieldErrors().Add("reason", "max_length", DeactivationReasonMaxLength).ThrowIfAny();
        }

        var caller = Caller.Of(http.User);
        var user = await FindAsync(db, id, caller, http.RequestAborted);
        if (caller.UserId == user.Id)
        {
            throw new RuleViolationException(UserCodes.NotYourself);
        }

        if (user.DeactivatedAt is not null)
        {
            throw new ConflictException(UserCodes.UserAlreadyInactive, user.UserName);
        }

        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            await CheckNotLastAdminAsync(users, user);
        }

        var now = clock.GetUtcNow();
        await InTransactionAsync(db, async () =>
        {
            user.DeactivatedAt = now;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            Check(await users.UpdateSecurityStampAsync(user));
            db.OrganisationAudit.Add(Audit(user, OrganisationChange.UserDeactivated, "active", string.IsNullOrEmpty(reason) ? "inactive" : $"inactive: {reason}", caller, now));
            await access.RevokeAsync(user.Id, UserAccess.Deactivated, http.RequestAborted);
            await db.SaveChangesAsync(http.RequestAborted);
        }, http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(db, user, http.RequestAborted));
    }

    private static async Task<Ok<UserResponse>> Reactivate(Guid id, HttpContext http, IdentityDb db, UserManager<ProcurementUser> users, TimeProvider clock)
    {
        var caller = Caller.Of(http.User);
        var user = await FindAsync(db, id, caller, http.RequestAborted);
        if (user.DeactivatedAt is null)
        {
            throw new ConflictException(UserCodes.UserAlreadyActive, user.UserName);
        }

        await InTransactionAsync(db, async () =>
        {
            user.DeactivatedAt = null;
            user.LockoutEnd = null;
            Check(await users.UpdateSecurityStampAsync(user));
            db.OrganisationAudit.Add(Audit(user, OrganisationChange.UserReactivated, "inactive", "active", caller, clock.GetUtcNow()));
            await db.SaveChangesAsync(http.RequestAborted);
        }, http.RequestAborted);
        return TypedResults.Ok(await DescribeAsync(db, user, http.RequestAborted));
    }

    private static async Task<NoContent> ResetPassword(Guid id, HttpContext http, IdentityDb db, PasswordResets resets)
    {
        var user = await FindAsync(db, id, Caller.Of(http.User), http.RequestAborted);
        if (user.PasswordHash is null)
        {
            throw new ConflictException(UserCodes.NotJoined, user.UserName);
        }

        if (user.DeactivatedAt is not null)
        {
            throw new ConflictException(UserCodes.UserInactive, user.UserName);
        }

        if (string.IsNullOrEmpty(user.Email))
        {
            throw new RuleViolationException(UserCodes.NoEmail, null, user.UserName);
        }

        await InTransactionAsync(db, async () =>
        {
            await resets.SendAsync(user, http.RequestAborted);
            await db.SaveChangesAsync(http.RequestAborted);
        }, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<UserChangeResponse[]>> History(Guid id, IdentityDb db, HttpContext http)
    {
        var caller = Caller.Of(http.User);
        // The auditor reads every organisation's history; the others only what they may see.
        await FindAsync(db, id, http.User.IsInRole(Roles.Auditor) ? caller with { PlatformAdmin = true } : caller, http.RequestAborted);
        var rows = await db.OrganisationAudit.AsNoTracking().Where(a => a.UserId == id).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows.OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new UserChangeResponse(a.Change, a.OldValue, a.NewValue, a.ActorId, a.ActorName, a.At)).ToArray());
    }

    /// <summary>A role the caller may give a person of <paramref name="organisation"/>: one of its kind's, and admin only from the platform admin.</summary>
    private static void CheckRoleFits(string role, Organisation organisation, Caller caller)
    {
        var allowed = OrganisationRoles.AllowedFor(organisation.Kind);
        if (!allowed.Contains(role))
        {
            throw new RuleViolationException(UserCodes.RoleNotForKind, "roles", role, organisation.Kind, string.Join(", ", allowed));
        }

        if (role == Roles.Admin && !caller.PlatformAdmin)
        {
            throw new ForbiddenException(UserCodes.AdminByPlatformAdminOnly);
        }
    }

    /// <summary>Refuses to take the last active platform administrator away (nobody could run the platform afterwards).</summary>
    private static async Task CheckNotLastAdminAsync(UserManager<ProcurementUser> users, ProcurementUser user)
    {
        var others = (await users.GetUsersInRoleAsync(Roles.Admin)).Count(a => a.Id != user.Id && a.DeactivatedAt is null);
        if (user.DeactivatedAt is null && others == 0)
        {
            throw new RuleViolationException(UserCodes.LastAdmin, null, user.UserName);
        }
    }

    private static async Task<ProcurementUser> FindAsync(IdentityDb db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is not null && caller.MaySee(user.OrganisationId) ? user : throw new NotFoundException("user", id);
    }

    private static async Task<UserResponse> DescribeAsync(IdentityDb db, ProcurementUser user, CancellationToken cancellationToken) =>
        (await DescribeAsync(db, [user], cancellationToken)).Single();

    private static async Task<List<UserResponse>> DescribeAsync(IdentityDb db, IReadOnlyCollection<ProcurementUser> users, CancellationToken cancellationToken)
    {
        var ids = users.Select(u => u.Id).ToList();
        var organisationIds = users.Select(u => u.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var invited = (await db.OrganisationAudit.AsNoTracking()
                .Where(a => a.UserId != null && ids.Contains(a.UserId.Value) && a.Change == OrganisationChange.UserInvited)
                .Select(a => new { a.UserId, a.At }).ToListAsync(cancellationToken))
            .GroupBy(a => a.UserId!.Value).ToDictionary(g => g.Key, g => g.Max(a => a.At));
        return [.. users.Select(u =>
        {
            var organisation = organisations[u.OrganisationId];
            return new UserResponse(
                u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.OrganisationId, organisation.Name, organisation.Kind,
                [.. roles[u.Id].Order(StringComparer.Ordinal)], u.PasswordHash is not null, u.EmailConfirmed, u.TwoFactorEnabled,
                u.DeactivatedAt is null, u.DeactivatedAt, invited.TryGetValue(u.Id, out var at) ? at : null);
        })];
    }

    private static OrganisationAudit Audit(ProcurementUser user, OrganisationChange change, string? oldValue, string? newValue, Caller caller, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), user.OrganisationId, change, oldValue, newValue, caller.Subject, caller.Name, at) { UserId = user.Id };

    /// <summary>Runs <paramref name="work"/> in one transaction (by the provider's execution strategy, which retries it whole).</summary>
    internal static Task InTransactionAsync(IdentityDb db, Func<Task> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }

    private static bool IsMailAddress(string value) =>
        System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('@', StringComparison.Ordinal);

    /// <summary>Who calls: the platform admin sees every organisation, anyone else (an org-admin) only its own.</summary>
    private sealed record Caller(string? Subject, Guid? UserId, string Name, bool PlatformAdmin, Guid OrganisationId)
    {
        public static Caller Of(ClaimsPrincipal user)
        {
            var subject = user.FindFirstValue(ProcurementClaims.Subject);
            return new(subject, Guid.TryParse(subject, out var id) ? id : null, user.FindFirstValue(ProcurementClaims.Name) ?? user.UserId(),
                user.IsInRole(Roles.Admin), user.OrganisationId());
        }

        public bool MaySee(Guid organisationId) => PlatformAdmin || organisationId == OrganisationId;

        /// <summary>The name an invitation gives for who invited: the caller's display name, else the token's name.</summary>
        public async Task<string> DisplayNameAsync(IdentityDb db, CancellationToken cancellationToken) =>
            UserId is { } id && await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) is { } name
                ? name
                : Name;
    }
}

/// <summary>The stable codes of the users API's refusals.</summary>
public static class UserCodes
{
    // The shape and "taken" rules of a user name and an e-mail are the registration's: one code, one text.
    public const string EmailShape = AgencyRegistrationCodes.EmailShape;
    public const string UserNameTaken = AgencyRegistrationCodes.UserNameTaken;
    public const string UserNameCharacters = AgencyRegistrationCodes.UserNameCharacters;
    public const string EmailTaken = "user_email_taken";
    public const string OrganisationInactive = "organisation_inactive";
    public const string RoleNotForKind = "role_not_for_organisation_kind";
    public const string PersonRoleRequired = "person_role_required";
    public const string AdminByPlatformAdminOnly = "admin_by_platform_admin_only";
    public const string ServiceDomainsForExpertsOnly = "service_domains_for_expert_pool_only";
    public const string AlreadyJoined = "user_already_joined";
    public const string NotJoined = "user_not_joined";
    public const string NoEmail = "user_without_email";
    public const string HasRole = "user_has_role";
    public const string LacksRole = "user_lacks_role";
    public const string LastAdmin = "last_active_admin";
    public const string OnlyPersonRole = "only_person_role";
    public const string NotYourself = "not_yourself";
    public const string UserAlreadyInactive = "user_already_inactive";
    public const string UserAlreadyActive = "user_already_active";
    public const string UserInactive = "user_inactive";

    public static void Register() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        [EmailTaken] = ("A user with the e-mail {0} exists already.", "电子邮件为 {0} 的用户已存在。"),
        [OrganisationInactive] = ("{0} is inactive: nobody can be invited into it.", "{0} 已停用，不能邀请人员加入。"),
        [RoleNotForKind] = ("{0} is not a role of an organisation of kind {1}; its people may hold: {2}.", "{0} 不是 {1} 类单位人员可有的角色；可有的角色为：{2}。"),
        [PersonRoleRequired] = ("A person of this organisation needs the role {0}.", "该单位的人员须有角色 {0}。"),
        [AdminByPlatformAdminOnly] = ("Only the platform administrator gives or takes the role admin.", "只有平台管理员可以授予或收回 admin 角色。"),
        [ServiceDomainsForExpertsOnly] = ("{0} are given only to evaluators of the expert pool.", "{0}仅适用于专家库的评审专家。"),
        [AlreadyJoined] = ("{0} has joined already (has a password); send a password reset instead.", "{0} 已加入（已设置密码）；如需要，请发送重置密码链接。"),
        [NotJoined] = ("{0} has not joined yet; resend the invitation instead.", "{0} 尚未加入；请重新发送邀请。"),
        [NoEmail] = ("{0} has no e-mail address to send a link to.", "{0} 没有可接收链接的电子邮件地址。"),
        [HasRole] = ("{0} has the role {1} already.", "{0} 已有角色 {1}。"),
        [LacksRole] = ("{0} does not have the role {1}.", "{0} 没有角色 {1}。"),
        [LastAdmin] = ("{0} is the last active platform administrator: invite another one first.", "{0} 是最后一位在用的平台管理员：请先邀请另一位。"),
        [OnlyPersonRole] = ("{1} is the only role of {0} in the organisation; deactivate the user instead.", "{1} 是 {0} 在本单位唯一的人员角色；如需停止其访问，请停用该用户。"),
        [NotYourself] = ("You cannot deactivate yourself.", "不能停用您自己。"),
        [UserAlreadyInactive] = ("{0} is deactivated already.", "{0} 已是停用状态。"),
        [UserAlreadyActive] = ("{0} is active already.", "{0} 已是启用状态。"),
        [UserInactive] = ("{0} is deactivated; reactivate the user first.", "{0} 已停用；请先重新启用该用户。"),
    });
}
