using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Contracting.Endpoints;

/// <summary>
/// One notice, in the caller's language (<c>Accept-Language</c>): <c>kind</c> the lifecycle trigger both parties are told
/// of, or what the purchasing unit must act on (<c>RenewalDue</c>, <c>RenewalDecisionPending</c>, <c>BridgeProposed</c>).
/// </summary>
public sealed record ContractNotificationResponse(
    Guid Id, Guid ContractId, ContractNoticeKind Kind, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The caller's inbox: the newest notices first (at most <see cref="ContractNotificationEndpoints.PageSize"/>) and how many are unread in all.</summary>
public sealed record ContractNotificationInboxResponse(int Unread, IReadOnlyList<ContractNotificationResponse> Notifications);

/// <summary>
/// Each organisation's inbox of notices about its contracts (both parties get one per activation, suspension,
/// resumption, termination, completion, renewal and bridge extension; the purchasing unit one per renewal due, renewal
/// decision pending and bridge proposed). An organisation reads and marks only its own; anyone else's notice is "not found".
/// </summary>
public static class ContractNotificationEndpoints
{
    public const int PageSize = 100;

    public static RouteGroupBuilder MapContractNotificationEndpoints(this IEndpointRouteBuilder routes)
    {
        // A literal segment: "/api/contracts/{id:guid}" does not match "notifications".
        var group = routes.MapGroup("/api/contracts/notifications").WithTags("Contracts");
        group.MapGet("/", Inbox).RequireAuthorization(Policies.AnyUser)
            .WithName("ListContractNotifications").WithSummary("The caller's organisation's contract notices, newest first, with the unread count.");
        // Only the parties (the purchasing unit and the agency) receive contract notices.
        group.MapPost("/{id:guid}/read", MarkRead).RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer")
                .RequireRole(Roles.Purchaser, Roles.Agency).RequireClaim(ProcurementClaims.OrganisationId))
            .WithName("MarkContractNotificationRead").WithSummary("Marks one of the caller's organisation's contract notices read; again changes nothing.");
        return group;
    }

    private static async Task<Ok<ContractNotificationInboxResponse>> Inbox(HttpContext http, ContractingDb db)
    {
        var organisation = http.User.OrganisationId();
        var ct = http.RequestAborted;
        var mine = db.Notifications.AsNoTracking().Where(n => n.OrganisationId == organisation);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        // Ids are version 7, so they break ties between notices of the same instant in creation order.
        var page = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize).ToListAsync(ct);
        return TypedResults.Ok(new ContractNotificationInboxResponse(unread, [.. page.Select(From)]));
    }

    private static async Task<Ok<ContractNotificationResponse>> MarkRead(Guid id, HttpContext http, ContractingDb db, TimeProvider clock)
    {
        var organisation = http.User.OrganisationId();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.OrganisationId == organisation, http.RequestAborted)
            ?? throw new NotFoundException(ProblemMessages.Get("contract_notification"), id);
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(From(notification));
    }

    private static ContractNotificationResponse From(ContractNotification n) =>
        new(n.Id, n.ContractId, n.Kind, n.Text(ProblemMessages.IsChinese(CultureInfo.CurrentUICulture)), n.CreatedAt, n.ReadAt);
}
