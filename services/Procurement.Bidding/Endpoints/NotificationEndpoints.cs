using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Notifications;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Endpoints;

/// <summary>One notice, in the caller's language (<c>Accept-Language</c>).</summary>
public sealed record NotificationResponse(
    Guid Id, Guid TenderId, NotificationKind Kind, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The caller's inbox: the newest notices first (at most <see cref="NotificationEndpoints.PageSize"/>) and how many are unread in all.</summary>
public sealed record NotificationInboxResponse(int Unread, IReadOnlyList<NotificationResponse> Notifications);

/// <summary>
/// Each agency's inbox of notices about the tenders it bid on: amendments, answers that can change bids, openings.
/// An agency reads and marks only its own; anyone else's notice is "not found".
/// </summary>
public static class NotificationEndpoints
{
    public const int PageSize = 100;

    public static RouteGroupBuilder MapNotificationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/bids/notifications").WithTags("Notifications");
        group.MapGet("/", Inbox).RequireAuthorization(Roles.Agency)
            .WithName("ListNotifications").WithSummary("The caller's agency's notices, newest first, with the unread count.");
        group.MapPost("/{id:guid}/read", MarkRead).RequireAuthorization(Roles.Agency)
            .WithName("MarkNotificationRead").WithSummary("Marks one of the caller's agency's notices read; again changes nothing.");
        return group;
    }

    private static async Task<Ok<NotificationInboxResponse>> Inbox(HttpContext http, BiddingDb db)
    {
        var agencyId = http.User.OrganisationId();
        var ct = http.RequestAborted;
        var mine = db.Notifications.AsNoTracking().Where(n => n.AgencyId == agencyId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        // Ids are version 7, so they break ties between notices of the same instant in creation order.
        var page = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize).ToListAsync(ct);
        return TypedResults.Ok(new NotificationInboxResponse(unread, [.. page.Select(From)]));
    }

    private static async Task<Ok<NotificationResponse>> MarkRead(Guid id, HttpContext http, BiddingDb db, TimeProvider clock)
    {
        var agencyId = http.User.OrganisationId();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.AgencyId == agencyId, http.RequestAborted)
            ?? throw new NotFoundException(ProblemMessages.Get("notification"), id);
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(From(notification));
    }

    private static NotificationResponse From(AgencyNotification n) =>
        new(n.Id, n.TenderId, n.Kind, ProblemMessages.Get(n.Code, [.. n.Arguments]), n.CreatedAt, n.ReadAt);
}
