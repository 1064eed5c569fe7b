using Procurement.Rules;
using Procurement.Rules.Refusals;

namespace Procurement.Disbursement.Domain;

/// <summary>Where an instalment is in its flow (DOMAIN.md §9).</summary>
public enum InstalmentStatus
{
    /// <summary>Its condition is not met yet.</summary>
    Scheduled,

    /// <summary>Its condition is met: the agency may request it; the payment term runs.</summary>
    Due,

    /// <summary>Held back after a <c>Fail</c> grade until the purchaser decides.</summary>
    Withheld,

    Requested,
    Approved,
    Released,
    Paid,

    /// <summary>Refused with a reason; the agency may request it again (the payment term keeps running).</summary>
    Rejected,

    /// <summary>The contract ended before its condition was met: it will never fall due.</summary>
    Cancelled,
}

/// <summary>The person acting: their user id (token subject) and whether they hold the treasury role.</summary>
public sealed record Actor(string Id, bool IsTreasury);

/// <summary>What one step changed: the status before and after, the reason given, and the money it moved.</summary>
public sealed record InstalmentChange(InstalmentStatus From, InstalmentStatus To, string? Reason, IReadOnlyList<LedgerMovement> Movements);

/// <summary>
/// One instalment of a contract and its maker-checker flow: the agency requests, the purchaser approves, treasury
/// releases and confirms the payment. The approver and the releaser are different people, and neither is the
/// requester. Money moves on approval (committed against the appropriation), release (payable to the agency) and
/// confirmation (paid); each step answers the ledger movements to save with it.
/// </summary>
/// <remarks>
/// Decisions: confirmation (<c>Released → Paid</c>) is treasury's, by any treasury user — it records the bank's
/// receipt, not a second judgement. A rejected instalment may be requested again; its pay-by day does not move,
/// so a rejection never hides lateness. An instalment withheld after a <c>Fail</c> resumes only by the
/// purchaser's decision; if its condition was never met, the decision is what makes it due.
/// </remarks>
public sealed class Instalment
{
    private static readonly InstalmentStatus[] Unpaid =
        [InstalmentStatus.Due, InstalmentStatus.Withheld, InstalmentStatus.Requested, InstalmentStatus.Approved,
         InstalmentStatus.Released, InstalmentStatus.Rejected];

    private Instalment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public int Sequence { get; private set; }

    public decimal Percent { get; private set; }

    public PaymentCondition Condition { get; private set; }

    public decimal Amount { get; private set; }

    public InstalmentStatus Status { get; private set; }

    public int PaymentTermDays { get; private set; }

    /// <summary>The day its condition was met (Asia/Shanghai).</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The last day it may be paid without being late.</summary>
    public DateOnly? PayBy { get; private set; }

    public string? WithholdReason { get; private set; }

    public string? WithholdingDecidedBy { get; private set; }

    public string? RequestedBy { get; private set; }

    public DateTimeOffset? RequestedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The fiscal year whose appropriation holds its commitment.</summary>
    public int? FiscalYear { get; private set; }

    public string? ReleasedBy { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public string? PaidBy { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? RejectedBy { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>When it was flagged as not paid by its pay-by day; set once.</summary>
    public DateTimeOffset? OverdueAt { get; private set; }

    /// <summary>Optimistic concurrency token: two steps racing on one instalment, one wins.</summary>
    public int Version { get; private set; }

    public static Instalment Plan(Guid contractId, PlannedInstalment planned, int paymentTermDays)
    {
        ArgumentNullException.ThrowIfNull(planned);
        return new Instalment
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            Sequence = planned.Sequence,
            Percent = planned.Percent,
            Condition = planned.Condition,
            Amount = planned.Amount,
            Status = InstalmentStatus.Scheduled,
            PaymentTermDays = paymentTermDays,
            Version = 1,
        };
    }

    /// <summary>Not paid yet though its condition was met (or it is withheld after being due).</summary>
    public bool IsOpen => Unpaid.Contains(Status);

    /// <summary>Paid after its pay-by day, or still unpaid after it.</summary>
    public bool IsLate(DateOnly today) => PayBy is { } payBy && (Status == InstalmentStatus.Paid ? PaidOn > payBy : IsOpen && today > payBy);

    /// <summary>Days from its condition being met to payment (to today while unpaid); null before it fell due.</summary>
    public int? DaysFromDue(DateOnly today) => DueOn is { } due ? (PaidOn ?? today).DayNumber - due.DayNumber : null;

    /// <summary>
    /// Its condition was met on <paramref name="on"/>: due, to be paid within the payment term, or by
    /// <paramref name="payBy"/> when that is earlier (a bridge instalment: before the extension starts), never before <paramref name="on"/>.
    /// </summary>
    public InstalmentChange FallDue(DateOnly on, DateOnly? payBy = null)
    {
        Expect("fall_due", InstalmentStatus.Scheduled);
        DueOn = on;
        var byTerm = on.AddDays(PaymentTermDays);
        PayBy = payBy is { } latest && latest < byTerm ? (latest < on ? on : latest) : byTerm;
        return Move(InstalmentStatus.Due, null, []);
    }

    /// <summary>A <c>Fail</c> grade holds it back until the purchaser decides; an approval is uncommitted.</summary>
    public InstalmentChange Withhold(string reason, ContractAccount contract, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Expect("withhold", InstalmentStatus.Scheduled, InstalmentStatus.Due, InstalmentStatus.Requested,
            InstalmentStatus.Approved, InstalmentStatus.Rejected);
        var movements = Status == InstalmentStatus.Approved ? [Uncommit(contract, null, at)] : Array.Empty<LedgerMovement>();
        WithholdReason = reason;
        WithholdingDecidedBy = null;
        return Move(InstalmentStatus.Withheld, reason, movements);
    }

    /// <summary>
    /// The purchaser's decision on a withheld instalment: resume it (due now if its condition was never met) or
    /// keep withholding it with a reason (the status stays; the decision is recorded).
    /// </summary>
    public InstalmentChange DecideWithholding(bool resume, string reason, string purchaserId, ContractAccount contract, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Expect("decide_withholding", InstalmentStatus.Withheld);
        WithholdingDecidedBy = purchaserId;
        WithholdReason = reason;
        if (!resume)
        {
            Version++;
            return new InstalmentChange(InstalmentStatus.Withheld, InstalmentStatus.Withheld, reason, []);
        }

        if (contract.HasEnded && DueOn is null)
        {
            throw new ConflictException(DisbursementCodes.ContractEnded, contract.EndedOutcome);
        }

        if (DueOn is null)
        {
            DueOn = today;
            PayBy = today.AddDays(PaymentTermDays);
        }

        return Move(InstalmentStatus.Due, reason, []);
    }

    /// <summary>The agency asks for payment of a due (or rejected) instalment.</summary>
    public InstalmentChange Request(Actor agencyUser, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agencyUser);
        Expect("request", InstalmentStatus.Due, InstalmentStatus.Rejected);
        RequestedBy = agencyUser.Id;
        RequestedAt = at;
        ApprovedBy = null;
        ApprovedAt = null;
        return Move(InstalmentStatus.Requested, null, []);
    }

    /// <summary>The purchaser approves: within both limits, the amount is committed against this year's appropriation.</summary>
    public InstalmentChange Approve(Actor purchaser, ContractAccount contract, FundingPosition funding, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(purchaser);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(funding);
        Expect("approve", InstalmentStatus.Requested);
        if (purchaser.Id == RequestedBy)
        {
            throw new NotPermittedException(DisbursementCodes.ApproverIsRequester);
        }

        SpendingLimits.Check(funding, Amount);
        ApprovedBy = purchaser.Id;
        ApprovedAt = at;
        FiscalYear = funding.FiscalYear;
        return Move(InstalmentStatus.Approved, null, [Commit(contract, funding.FiscalYear, purchaser.Id, at)]);
    }

    /// <summary>
    /// Treasury releases the payment: a second pair of eyes, never the approver's nor the requester's. A release in
    /// another fiscal year than the approval moves the commitment to that year's appropriation first
    /// (<paramref name="releaseYear"/> is then checked against the limit again).
    /// </summary>
    public InstalmentChange Release(Actor releaser, ContractAccount contract, FundingPosition releaseYear, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(releaser);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(releaseYear);
        Expect("release", InstalmentStatus.Approved);
        if (releaser.Id == ApprovedBy)
        {
            throw new NotPermittedException(DisbursementCodes.ReleaserIsApprover);
        }

        if (releaser.Id == RequestedBy)
        {
            throw new NotPermittedException(DisbursementCodes.ReleaserIsRequester);
        }

        if (!releaser.IsTreasury)
        {
            throw new NotPermittedException(DisbursementCodes.ReleaseNeedsTreasury);
        }

        var movements = new List<LedgerMovement>();
        if (releaseYear.FiscalYear != FiscalYear)
        {
            movements.Add(Uncommit(contract, releaser.Id, at));
            // The commitment left the contract: the limit sees only what else is engaged on it.
            SpendingLimits.Check(releaseYear with { ContractEngaged = releaseYear.ContractEngaged - Amount }, Amount);
            FiscalYear = releaseYear.FiscalYear;
            movements.Add(Commit(contract, releaseYear.FiscalYear, releaser.Id, at));
        }

        ReleasedBy = releaser.Id;
        ReleasedAt = at;
        movements.Add(LedgerMovement.Of(MovementKind.Release, Accounts.Payable(contract.AgencyId), Accounts.Commitment(contract.ContractId),
            Amount, contract.Dimensions(FiscalYear!.Value, Id), releaser.Id, at));
        return Move(InstalmentStatus.Released, null, movements);
    }

    /// <summary>Treasury confirms the bank paid: the cash reached the agency on <paramref name="at"/>'s Shanghai day.</summary>
    public InstalmentChange ConfirmPaid(Actor treasurer, ContractAccount contract, DateTimeOffset at, DateOnly paidOn)
    {
        ArgumentNullException.ThrowIfNull(treasurer);
        ArgumentNullException.ThrowIfNull(contract);
        Expect("confirm", InstalmentStatus.Released);
        if (!treasurer.IsTreasury)
        {
            throw new NotPermittedException(DisbursementCodes.ConfirmNeedsTreasury);
        }

        PaidBy = treasurer.Id;
        PaidAt = at;
        PaidOn = paidOn;
        return Move(InstalmentStatus.Paid, null, [LedgerMovement.Of(MovementKind.Pay, Accounts.Paid(contract.AgencyId), Accounts.Payable(contract.AgencyId),
            Amount, contract.Dimensions(FiscalYear!.Value, Id), treasurer.Id, at)]);
    }

    /// <summary>
    /// Refuses the request with a reason: the purchaser a request, treasury an approval (whose commitment goes back
    /// to the appropriation). The requester cannot reject their own request.
    /// </summary>
    public InstalmentChange Reject(Actor actor, string reason, ContractAccount contract, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(contract);
        Expect("reject", InstalmentStatus.Requested, InstalmentStatus.Approved);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException(DisbursementCodes.ReasonRequired, "reason");
        }

        if (actor.Id == RequestedBy)
        {
            throw new NotPermittedException(DisbursementCodes.ApproverIsRequester);
        }

        if (Status == InstalmentStatus.Approved && (!actor.IsTreasury || actor.Id == ApprovedBy))
        {
            throw new NotPermittedException(DisbursementCodes.RejectApprovedNeedsTreasury);
        }

        var movements = Status == InstalmentStatus.Approved ? [Uncommit(contract, actor.Id, at)] : Array.Empty<LedgerMovement>();
        RejectedBy = actor.Id;
        RejectionReason = reason;
        return Move(InstalmentStatus.Rejected, reason, movements);
    }

    /// <summary>What a contract's end cancels once its service started: what has not fallen due.</summary>
    public static IReadOnlyList<InstalmentStatus> CancellableOnceServed { get; } = [InstalmentStatus.Scheduled];

    /// <summary>
    /// What the end of a contract that never started cancels: also what fell due at signing (a successor's advance)
    /// while no money is engaged for it.
    /// </summary>
    public static IReadOnlyList<InstalmentStatus> CancellableUnserved { get; } =
        [InstalmentStatus.Scheduled, InstalmentStatus.Due, InstalmentStatus.Requested, InstalmentStatus.Rejected];

    /// <summary>
    /// The contract ended: before the condition was met, the instalment never falls due; a contract that never
    /// started (<paramref name="served"/> false) owes not even what fell due at signing, unless money is engaged.
    /// </summary>
    public InstalmentChange Cancel(string outcome, bool served = true)
    {
        Expect("cancel", [.. served ? CancellableOnceServed : CancellableUnserved]);
        return Move(InstalmentStatus.Cancelled, outcome, []);
    }

    /// <summary>Flags it once when still unpaid after its pay-by day; answers whether it was flagged now.</summary>
    public bool FlagOverdue(DateOnly today, DateTimeOffset at)
    {
        if (OverdueAt is not null || !IsOpen || PayBy is not { } payBy || today <= payBy)
        {
            return false;
        }

        OverdueAt = at;
        Version++;
        return true;
    }

    private LedgerMovement Commit(ContractAccount contract, int year, string? actorId, DateTimeOffset at) =>
        LedgerMovement.Of(MovementKind.Commit, Accounts.Commitment(contract.ContractId),
            Accounts.Appropriation(contract.PurchasingUnitId, contract.ProgramId, year), Amount, contract.Dimensions(year, Id), actorId, at);

    private LedgerMovement Uncommit(ContractAccount contract, string? actorId, DateTimeOffset at)
    {
        var year = FiscalYear ?? throw new InvalidOperationException("An approved instalment has a fiscal year.");
        return LedgerMovement.Of(MovementKind.Uncommit, Accounts.Appropriation(contract.PurchasingUnitId, contract.ProgramId, year),
            Accounts.Commitment(contract.ContractId), Amount, contract.Dimensions(year, Id), actorId, at);
    }

    private void Expect(string action, params InstalmentStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            var conflict = new ConflictException(DisbursementCodes.WrongStatus, action, Status);
            conflict.Extensions["status"] = Status.ToString();
            conflict.Extensions["allowedFrom"] = allowed.Select(s => s.ToString()).ToArray();
            throw conflict;
        }
    }

    private InstalmentChange Move(InstalmentStatus to, string? reason, IReadOnlyList<LedgerMovement> movements)
    {
        var from = Status;
        Status = to;
        Version++;
        return new InstalmentChange(from, to, reason, movements);
    }
}
