using System.Security.Claims;
using Procurement.Portal.Client;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Pages.Payments;

/// <summary>A step of the payment flow a person may take on an instalment (DOMAIN.md §9).</summary>
public enum PaymentAction
{
    Request,
    Approve,
    Reject,
    Release,
    Confirm,
    DecideWithholding,
}

/// <summary>The person looking at the payments: their user id (the API's actor id), organisation and roles.</summary>
public sealed record PaymentCaller(string UserId, Guid? OrganisationId, IReadOnlySet<string> Roles)
{
    public static PaymentCaller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new PaymentCaller(
            user.FindFirst(ProcurementClaims.Subject)?.Value ?? "",
            Guid.TryParse(user.FindFirst(ProcurementClaims.OrganisationId)?.Value, out var organisation) ? organisation : null,
            user.FindAll(ProcurementClaims.Role).Select(c => c.Value)
                .Concat(user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value))
                .ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>An auditor reads every payment and acts on none.</summary>
    public bool ReadsOnly => Roles.Contains(ServiceDefaults.Security.Roles.Auditor);

    public bool Is(string role) => !ReadsOnly && Roles.Contains(role);
}

/// <summary>What a person may do with an instalment now, and why not when the separation of duties forbids it.</summary>
public sealed record PaymentChoices(IReadOnlyList<PaymentAction> Actions, string? BlockedBy)
{
    public static readonly PaymentChoices None = new([], null);
}

/// <summary>
/// The buttons of the payments page, by the API's own rules (Instalment in Disbursement): the agency requests a due or
/// rejected instalment; the purchasing unit approves or rejects a request (never its requester) and decides on a
/// withheld one; treasury releases an approved one (never its approver nor requester), rejects it, and confirms a
/// released one. A step the API would refuse gets no button; the separation of duties is said in words instead.
/// </summary>
public static class PaymentRules
{
    public static PaymentChoices For(InstalmentResponse instalment, PaymentCaller caller)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        ArgumentNullException.ThrowIfNull(caller);
        var status = instalment.Status;
        if (caller.Is(Roles.Agency) && caller.OrganisationId == instalment.AgencyId && status is "Due" or "Rejected")
        {
            return new([PaymentAction.Request], null);
        }

        if (caller.Is(Roles.Purchaser) && caller.OrganisationId == instalment.PurchasingUnitId)
        {
            switch (status)
            {
                case "Requested" when instalment.RequestedBy == caller.UserId:
                    return new([], "ApproverIsRequester");
                case "Requested":
                    return new([PaymentAction.Approve, PaymentAction.Reject], null);
                case "Withheld":
                    return new([PaymentAction.DecideWithholding], null);
            }
        }

        if (caller.Is(Roles.Treasury))
        {
            switch (status)
            {
                case "Approved" when instalment.ApprovedBy == caller.UserId:
                    return new([], "ReleaserIsApprover");
                case "Approved" when instalment.RequestedBy == caller.UserId:
                    return new([], "ReleaserIsRequester");
                case "Approved":
                    return new([PaymentAction.Release, PaymentAction.Reject], null);
                case "Released":
                    return new([PaymentAction.Confirm], null);
            }
        }

        return PaymentChoices.None;
    }

    /// <summary>Days past the pay-by day: today is <c>dueOn + daysFromDue</c> for an unpaid instalment.</summary>
    public static int? DaysLate(InstalmentResponse instalment)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        return instalment is { Late: true, DueOn: { } due, PayBy: { } payBy, DaysFromDue: { } days } && instalment.Status != "Paid"
            ? days - (payBy.DayNumber - due.DayNumber)
            : null;
    }

    /// <summary>Not paid by its pay-by day and still open, most days late first.</summary>
    public static IReadOnlyList<(InstalmentResponse Instalment, int DaysLate)> Overdue(IEnumerable<InstalmentResponse> instalments) =>
        [.. instalments.Select(i => (Instalment: i, DaysLate: DaysLate(i)))
            .Where(x => x.DaysLate is > 0)
            .Select(x => (x.Instalment, x.DaysLate!.Value))
            .OrderByDescending(x => x.Value)];

    /// <summary>Per purchaser: paid instalments, how many within their term, the share, the average days to pay, and the overdue now.</summary>
    public static IReadOnlyList<OnTimeFigure> OnTime(IEnumerable<InstalmentResponse> instalments) =>
        [.. instalments.GroupBy(i => i.PurchasingUnitId).Select(g =>
        {
            var paid = g.Where(i => i.Status == "Paid" && i.DaysFromDue is not null).ToList();
            var onTime = paid.Count(i => !i.Late);
            return new OnTimeFigure(
                g.Key, paid.Count, onTime,
                paid.Count == 0 ? null : Math.Round(100m * onTime / paid.Count, 1),
                paid.Count == 0 ? null : Math.Round((decimal)paid.Average(i => i.DaysFromDue!.Value), 1),
                g.Count(i => DaysLate(i) is > 0));
        }).OrderBy(f => f.OnTimePercent ?? 101m)];
}

/// <summary>A purchaser's on-time figure: <c>OnTimePercent</c> and <c>AverageDays</c> are null before anything was paid.</summary>
public sealed record OnTimeFigure(Guid PurchasingUnitId, int Paid, int PaidOnTime, decimal? OnTimePercent, decimal? AverageDays, int OverdueNow);

/// <summary>
/// The <c>Idempotency-Key</c> of each intended money step, kept while the page lives: made when the step is first
/// sent, the same on a second click or a retry after a failure, and forgotten once the step succeeded (the next
/// request of the same instalment, after a rejection, is a new intended action with a new key).
/// </summary>
public sealed class IdempotencyKeys
{
    private readonly Dictionary<(Guid, PaymentAction), string> _keys = [];

    public string For(Guid instalmentId, PaymentAction action)
    {
        if (!_keys.TryGetValue((instalmentId, action), out var key))
        {
            key = Guid.NewGuid().ToString();
            _keys[(instalmentId, action)] = key;
        }

        return key;
    }

    public void Succeeded(Guid instalmentId, PaymentAction action) => _keys.Remove((instalmentId, action));
}
