using Procurement.Contracts.Continuity;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Domain;

/// <summary>A tender drafted for the renewal of a contract by a new tender (DOMAIN.md §2, renewal decision).</summary>
public sealed partial class Tender
{
    /// <summary>
    /// Calendar days the purchaser has to review a renewal draft and publish it without touching its default bid
    /// deadline: published on any of the first <c>RenewalReviewDays</c> days (Asia/Shanghai, the drafting day counting
    /// as the first), the deadline still lies the bidding period after publication.
    /// </summary>
    public const int RenewalReviewDays = 7;

    /// <summary>The tender whose content a renewal draft was copied from.</summary>
    public Guid? PrefilledFromTenderId { get; private set; }

    /// <summary>
    /// The contract running out whose successor this tender procures, when it was drafted for that renewal. At most one
    /// tender per contract (a unique index), so a repeated request drafts nothing more.
    /// </summary>
    public Guid? SuccessorOfContractId { get; private set; }

    /// <summary>
    /// A draft for the successor of <paramref name="contractId"/>, pre-filled with the whole content of
    /// <paramref name="source"/> (title, budget ceiling, method, evaluation scheme, staffing, eligibility, KPIs, payment
    /// schedule, personnel-cost rule, bid security, single-source justification) for the service period
    /// <paramref name="serviceStart"/>..<paramref name="serviceEnd"/>. Nothing of the source's life is copied (status,
    /// publication, amendments, outcome, documents), nor its <see cref="PredecessorContractId"/>: a new tender is not a
    /// direct renewal. The bid deadline is <see cref="RenewalBidDeadline"/>.
    /// </summary>
    public static Tender DraftRenewal(
        ServiceProgram program, Tender source, Guid contractId, DateOnly serviceStart, DateOnly serviceEnd,
        ProcurementMethodRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rules);
        if (source.ProgramId != program.Id)
        {
            throw new ArgumentException($"Tender {source.Id} is not of program {program.Id}.", nameof(source));
        }

        var content = source.Content with { PredecessorContractId = null };
        var tender = Draft(
            program, source.Title, source.BudgetCeiling, RenewalBidDeadline(source, serviceStart, rules, now),
            serviceStart, serviceEnd, content, rules, now);
        tender.PrefilledFromTenderId = source.Id;
        tender.SuccessorOfContractId = contractId;
        tender._events.Record(new RenewalTenderDrafted(contractId, tender.Id, program.Id, source.Id, tender.CreatedAt));
        return tender;
    }

    /// <summary>
    /// The default deadline of a renewal draft, so that it can be published as drafted: the bidding period (the
    /// source's, from its publication to its deadline, but never below the method's minimum; the largest minimum of
    /// any method when the source has none) counted from the end of the review days, at the source deadline's
    /// Beijing time of day (the opening hour the purchaser is used to). It never falls on or after the service start
    /// (the rule of every draft): when the service starts too soon for the full period it is the day before, and
    /// publication refuses the short bidding period until the purchaser moves the service period.
    /// </summary>
    public static DateTimeOffset RenewalBidDeadline(Tender source, DateOnly serviceStart, ProcurementMethodRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rules);
        var minimumDays = source.Method is { } method
            ? rules[method].MinimumBiddingDays ?? 0
            : rules.Methods.Max(rule => rule.MinimumBiddingDays ?? 0);
        var sourceDays = source.PublishedAt is { } published
            ? source.BidDeadline.ShanghaiDate().DayNumber - published.ShanghaiDate().DayNumber
            : 0;
        var day = now.ShanghaiDate().AddDays(RenewalReviewDays + Math.Max(minimumDays, sourceDays));
        var lastPossible = serviceStart.AddDays(-1);
        return ShanghaiDays.At(day < lastPossible ? day : lastPossible, source.BidDeadline.ToShanghai().TimeOfDay);
    }
}
