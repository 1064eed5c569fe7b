using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Endpoints;

public sealed record SignatureView(DateTimeOffset? SignedAt, Guid? SignedBy);

public sealed record SignaturesView(SignatureView Purchaser, SignatureView Agency);

public sealed record EvaluationView(string Stage, decimal Score, string Grade, bool Passed, DateTimeOffset EvaluatedAt);

/// <summary>A contract in a list.</summary>
public sealed record ContractSummary(
    Guid Id, Guid? TenderId, Guid ProgramId, Guid PurchasingUnitId, Guid AgencyId, string AgencyName, ContractState State,
    decimal Amount, DateOnly Start, DateOnly End, int TermsVersion, Guid? PredecessorId, Guid? SuccessorId,
    DateTimeOffset? PurchaserSignedAt, DateTimeOffset? AgencySignedAt)
{
    public static ContractSummary From(Contract c) => new(
        c.Id, c.TenderId, c.ProgramId, c.PurchasingUnitId, c.AgencyId, c.AgencyName, c.State, c.Amount, c.Start, c.End, c.TermsVersion,
        c.PredecessorId, c.SuccessorId, c.PurchaserSignedAt, c.AgencySignedAt);
}

/// <summary>
/// A contract as a party (or an auditor) reads it: its state, the triggers the caller may fire now, the signatures,
/// the terms in force, the links to predecessor and successor, and what the renewal rules make of its dates.
/// <c>amountPaid</c> on a termination is the figure it was terminated with (the purchaser's, or the recorded sum when
/// the purchaser gave none); <c>recordedPaid</c> is the sum of the instalments Disbursement reported paid.
/// </summary>
public sealed record ContractView(
    Guid Id,
    Guid? TenderId,
    Guid? AwardId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    string AgencyName,
    Guid? BidId,
    ContractState State,
    IReadOnlyList<ContractTrigger> PermittedTriggers,
    SignaturesView Signatures,
    decimal Amount,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<ContractKpi> Kpis,
    IReadOnlyList<ContractInstalment> PaymentSchedule,
    int PaymentTermDays,
    int TermsVersion,
    decimal MonthlyRate,
    DateOnly RenewalWindowOpens,
    DateOnly ConsecutiveSince,
    DateOnly ConsecutiveCapEnd,
    Guid? PredecessorId,
    Guid? SuccessorId,
    DateTimeOffset? ActivatedAt,
    string? SuspensionReason,
    string? TerminationReason,
    decimal? AmountPaid,
    DateTimeOffset? EndedAt,
    IReadOnlyList<EvaluationView> Evaluations,
    int Version)
{
    /// <summary>The sum of the instalments Disbursement reported paid for this contract (<c>InstalmentPaid</c>).</summary>
    public decimal RecordedPaid { get; init; }

    public static ContractView From(Contract c, IReadOnlyList<ContractTrigger> permitted, DateOnly consecutiveSince, ContractRules rules) => new(
        c.Id, c.TenderId, c.AwardId, c.ProgramId, c.PurchasingUnitId, c.AgencyId, c.AgencyName, c.BidId, c.State, permitted,
        new SignaturesView(new SignatureView(c.PurchaserSignedAt, c.PurchaserSignedBy), new SignatureView(c.AgencySignedAt, c.AgencySignedBy)),
        c.Amount, c.Start, c.End, c.Kpis, c.PaymentSchedule, c.PaymentTermDays, c.TermsVersion, rules.MonthlyRate(c.Amount, c.Start, c.End),
        rules.RenewalWindowOpens(c.End), consecutiveSince, rules.CapEnd(consecutiveSince), c.PredecessorId, c.SuccessorId, c.ActivatedAt,
        c.SuspensionReason, c.TerminationReason, c.AmountPaid, c.EndedAt,
        [.. c.Evaluations.OrderBy(e => e.EvaluatedAt).Select(e => new EvaluationView(e.Stage, e.Score, e.Grade, e.Passed, e.EvaluatedAt))],
        c.Version);
}

/// <summary>One version of the terms; <c>current</c> marks the one in force.</summary>
public sealed record TermsVersionView(
    int Number, bool Current, decimal Amount, DateOnly Start, DateOnly End, IReadOnlyList<ContractKpi> Kpis,
    IReadOnlyList<ContractInstalment> PaymentSchedule, int PaymentTermDays, string? ReasonCode, string? Text, int? BridgeMonths, Guid? ActorId, DateTimeOffset CreatedAt)
{
    public static TermsVersionView From(ContractTermsVersion v, int current) => new(
        v.Number, v.Number == current, v.Amount, v.Start, v.End, v.Kpis, v.PaymentSchedule, v.PaymentTermDays, v.ReasonCode, v.Text, v.BridgeMonths, v.ActorId, v.CreatedAt);
}

/// <summary>
/// One entry of the contract's history, read by both parties: the drafting (<c>trigger</c> null), then each trigger
/// with the states before and after, the reason, the acting party (null: the clock) and the terms version after it.
/// </summary>
public sealed record ActivityView(
    int Sequence, ContractTrigger? Trigger, ContractState From, ContractState To, string? Reason, ContractParty? Party, Guid? ActorId,
    int TermsVersion, DateTimeOffset OccurredAt)
{
    public static ActivityView Of(ContractActivity a) =>
        new(a.Sequence, a.Trigger, a.From, a.To, a.Reason, a.Party, a.ActorId, a.TermsVersion, a.OccurredAt);
}
