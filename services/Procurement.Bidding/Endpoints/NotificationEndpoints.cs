using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Notifications;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Notifications;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Endpoints;

/// <summary>One notice, in the caller's language (<c>Accept-Language</c>).</summary>
public sealed record NotificationResponse(
    Guid Id, Guid TenderId, NotificationKind Kind, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The caller's inbox: the newest notices first (at most <see cref="NoticeInbox.PageSize"/>) and how many are unread in all.</summary>
public sealed record NotificationInboxResponse(int Unread, IReadOnlyList<NotificationResponse> Notifications);

/// <summary>
/// Each agency's inbox of notices about the tenders it bid on: amendments, answers that can change bids, openings.
/// An agency reads and marks only its own; anyone else's notice is "not found" (<see cref="NoticeInbox"/>).
/// </summary>
public static class NotificationEndpoints
{
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
        var page = await NoticeInbox.ReadAsync(Mine(db, http), http.RequestAborted);
        return TypedResults.Ok(new NotificationInboxResponse(page.Unread, [.. page.Newest.Select(From)]));
    }

    private static async Task<Ok<NotificationResponse>> MarkRead(Guid id, HttpContext http, BiddingDb db, TimeProvider clock) =>
        TypedResults.Ok(From(await NoticeInbox.MarkReadAsync(db, Mine(db, http), id, clock.GetUtcNow(), "notification", http.RequestAborted)));

    private static IQueryable<AgencyNotification> Mine(BiddingDb db, HttpContext http)
    {
        var agencyId = http.User.OrganisationId();
        return db.Notifications.Where(n => n.AgencyId == agencyId);
    }

    private static NotificationResponse From(AgencyNotification n) =>
        new(n.Id, n.TenderId, n.Kind, ProblemMessages.Get(n.Code, [.. n.Arguments]), n.CreatedAt, n.ReadAt);
}
