using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Notifications;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Contracting.Endpoints;

/// <summary>
/// One notice, in the caller's language (<c>Accept-Language</c>): <c>kind</c> the lifecycle trigger both parties are told
/// of, or what the purchasing unit must act on (<c>RenewalDue</c>, <c>RenewalDecisionPending</c>, <c>BridgeProposed</c>).
/// </summary>
public sealed record ContractNotificationResponse(
    Guid Id, Guid ContractId, ContractNoticeKind Kind, string Text, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The caller's inbox: the newest notices first (at most <see cref="NoticeInbox.PageSize"/>) and how many are unread in all.</summary>
public sealed record ContractNotificationInboxResponse(int Unread, IReadOnlyList<ContractNotificationResponse> Notifications);

/// <summary>
/// Each organisation's inbox of notices about its contracts (both parties get one per activation, suspension,
/// resumption, termination, completion, renewal and bridge extension; the purchasing unit one per renewal due, renewal
/// decision pending and bridge proposed). An organisation reads and marks only its own; anyone else's notice is "not found"
/// (<see cref="NoticeInbox"/>).
/// </summary>
public static class ContractNotificationEndpoints
{
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
        var page = await NoticeInbox.ReadAsync(Mine(db, http), http.RequestAborted);
        return TypedResults.Ok(new ContractNotificationInboxResponse(page.Unread, [.. page.Newest.Select(From)]));
    }

    private static async Task<Ok<ContractNotificationResponse>> MarkRead(Guid id, HttpContext http, ContractingDb db, TimeProvider clock) =>
        TypedResults.Ok(From(await NoticeInbox.MarkReadAsync(db, Mine(db, http), id, clock.GetUtcNow(), "contract_notification", http.RequestAborted)));

    private static IQueryable<ContractNotification> Mine(ContractingDb db, HttpContext http)
    {
        var organisation = http.User.OrganisationId();
        return db.Notifications.Where(n => n.OrganisationId == organisation);
    }

    private static ContractNotificationResponse From(ContractNotification n) =>
        new(n.Id, n.ContractId, n.Kind, n.Text(ProblemMessages.IsChinese(CultureInfo.CurrentUICulture)), n.CreatedAt, n.ReadAt);
}
