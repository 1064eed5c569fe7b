using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Security;

/// <summary>Writes <see cref="SecurityEvent"/>s with the request's address, user agent and the client named.</summary>
internal sealed class SecurityLog(IdentityDb db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds one event and saves it at once, whatever else the request does afterwards.</summary>
    public async Task RecordAsync(SecurityEventKind kind, Guid? userId, string? normalisedUserName, string? clientId)
    {
        var request = http.HttpContext?.Request;
        db.SecurityEvents.Add(new SecurityEvent(
            clock.GetUtcNow(), kind, userId, normalisedUserName,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            request?.Headers.UserAgent.ToString(),
            clientId));

        // Not cancellable: an attempt whose caller hung up is logged all the same.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}

/// <summary>One row of <c>GET /api/identity/security-events</c>.</summary>
public sealed record SecurityEventResponse(
    long Id, DateTimeOffset At, string Kind, Guid? UserId, string? UserName, string? ClientIp, string? UserAgent, string? ClientId);

/// <summary>A page of the security log, newest first, and how many rows match in all.</summary>
public sealed record SecurityEventPage(IReadOnlyList<SecurityEventResponse> Items, int Page, int PageSize, int Total);

internal static class SecurityLogEndpoints
{
    public const string Path = "/api/identity/security-events";

    /// <summary>The policy of the security log: an auditor or the platform administrator.</summary>
    public const string ReadersPolicy = "security-log-readers";

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapSecurityLogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ListAsync)
            .RequireAuthorization(ReadersPolicy)
            .WithTags("Identity")
            .WithName("ListSecurityEvents")
            .WithSummary("The security log (sign-ins, failures, lockouts, second-factor events, enrolments), newest first, for auditors and administrators.")
            .WithDescription("Filters: `from` and `to` (ISO 8601 instants, `to` exclusive), `userName` (as typed at sign-in, compared after normalisation), "
                + "`kind` (" + string.Join(", ", Enum.GetNames<SecurityEventKind>()) + "). Paged by `page` (from 1) and `pageSize` (1–" + MaxPageSize + ", default " + DefaultPageSize + ").")
            .Produces<SecurityEventPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> ListAsync(
        [FromServices] IdentityDb db,
        [FromServices] Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? userName,
        string? kind,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        SecurityEventKind? wanted = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (Enum.TryParse<SecurityEventKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("kind", "one_of", string.Join(", ", Enum.GetNames<SecurityEventKind>()));
            }
        }

        if (page is < 1)
        {
            errors.Add("page", "positive");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", "one_of", $"1–{MaxPageSize}");
        }

        if (from is not null && to is not null && to < from)
        {
            errors.Add("to", "not_before", "from");
        }

        errors.ThrowIfAny();

        var query = db.SecurityEvents.AsNoTracking();
        if (from is { } start)
        {
            query = query.Where(e => e.At >= start);
        }

        if (to is { } end)
        {
            query = query.Where(e => e.At < end);
        }

        if (!string.IsNullOrWhiteSpace(userName))
        {
            var normalised = normalizer.NormalizeName(userName.Trim());
            query = query.Where(e => e.UserName == normalised);
        }

        if (wanted is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SecurityEventPage(
            [.. rows.Select(e => new SecurityEventResponse(e.Id, e.At, e.Kind.ToString(), e.UserId, e.UserName, e.ClientIp, e.UserAgent, e.ClientId))],
            number, size, total));
    }

    /// <summary>Auditors and administrators, with a person's token (an organisation), as the role policies require.</summary>
    public static IServiceCollection AddSecurityLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<SecurityLog>();
        services.AddAuthorizationBuilder().AddPolicy(ReadersPolicy, policy => policy
            .AddAuthenticationSchemes(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Auditor, Roles.Admin)
            .RequireClaim(ProcurementClaims.OrganisationId));
        return services;
    }
}
