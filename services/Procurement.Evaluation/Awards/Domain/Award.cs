using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Evaluation.Awards.Domain;

public enum AwardStatus
{
    /// <summary>The panel's ranking arrived; the purchaser has not confirmed the award yet.</summary>
    Recommended,

    /// <summary>The purchaser confirmed it and the result is published; the challenge window runs.</summary>
    Published,

    /// <summary>The window closed with no challenge left unanswered: the award stands and went to Contracting.</summary>
    Confirmed,

    /// <summary>The tender was cancelled before the award was confirmed.</summary>
    Cancelled,
}

/// <summary>One valid bid's place in the panel's ranking, as the award keeps it.</summary>
public sealed record RankedEntry(int Rank, Guid BidId, Guid AgencyId, string AgencyName, decimal Price, decimal? PriceScore, decimal Total);

/// <summary>A bid that failed compliance review, as the award keeps it (its agency may still challenge).</summary>
public sealed record InvalidEntry(Guid BidId, Guid AgencyId, IReadOnlyList<string> Reasons);

/// <summary>
/// A tender's award (DOMAIN.md §6): the panel's recommendation, the purchaser's confirmation and the published
/// result with its challenge window, and finally the confirmation that goes to Contracting.
/// </summary>
/// <remarks>
/// The purchaser may award any ranked bid, but a bid not at rank 1 needs a written reason that auditors read
/// (the law expects the rank-1 bid; the reason is the record of why not, e.g. the winner declined).
/// </remarks>
public sealed class Award : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    public const int MaxAgencyNameLength = 200;

    private Award()
    {
        Ranking = [];
        Invalid = [];
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public AwardStatus Status { get; private set; }

    public IReadOnlyList<RankedEntry> Ranking { get; private set; }

    public IReadOnlyList<InvalidEntry> Invalid { get; private set; }

    public Guid RecommendedBidId { get; private set; }

    public DateTimeOffset EvaluationCompletedAt { get; private set; }

    public Guid? BidId { get; private set; }

    public Guid? AgencyId { get; private set; }

    public string? AgencyName { get; private set; }

    public decimal? Amount { get; private set; }

    public int? AwardedRank { get; private set; }

    /// <summary>Why a bid below rank 1 was awarded; null when the rank-1 bid was.</summary>
    public string? DeviationReason { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateOnly? NoticeDate { get; private set; }

    public DateOnly? ChallengeWindowEnds { get; private set; }

    public DateTimeOffset? ChallengeWindowClosesAt { get; private set; }

    /// <summary>Part of the window lay outside the calendar's configured years: only weekends were skipped there.</summary>
    public bool WindowCountedOnWeekendsOnly { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public int Version { get; private set; }

    public static Award Recommend(
        Guid tenderId, Guid purchasingUnitId, IReadOnlyList<RankedEntry> ranking, Guid recommendedBidId,
        IReadOnlyList<InvalidEntry> invalid, DateTimeOffset completedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        TenderId = tenderId,
        PurchasingUnitId = purchasingUnitId,
        Status = AwardStatus.Recommended,
        Ranking = ranking,
        RecommendedBidId = recommendedBidId,
        Invalid = invalid,
        EvaluationCompletedAt = completedAt,
    };

    /// <summary>
    /// The panel's ranking of a tender meets the tender's <paramref name="current"/> award (DOMAIN.md §6): with none, the
    /// new recommendation is returned for the caller to add; one still recommended is re-ranked by a later ranking; a
    /// published or confirmed award, or an older ranking, changes nothing. Null unless a new award was made.
    /// </summary>
    public static Award? RecommendOrRerank(
        Award? current, Guid tenderId, Guid purchasingUnitId, IReadOnlyList<RankedEntry> ranking, Guid recommendedBidId,
        IReadOnlyList<InvalidEntry> invalid, DateTimeOffset completedAt)
    {
        if (current is null)
        {
            return Recommend(tenderId, purchasingUnitId, ranking, recommendedBidId, invalid, completedAt);
        }

        current.Rerank(ranking, recommendedBidId, invalid, completedAt);
        return null;
    }

    /// <summary>A later ranking for the same tender (a re-evaluation) replaces the recommendation until the award is published.</summary>
    public bool Rerank(IReadOnlyList<RankedEntry> ranking, Guid recommendedBidId, IReadOnlyList<InvalidEntry> invalid, DateTimeOffset completedAt)
    {
        if (Status != AwardStatus.Recommended || completedAt <= EvaluationCompletedAt)
        {
            return false;
        }

        Ranking = ranking;
        RecommendedBidId = recommendedBidId;
        Invalid = invalid;
        EvaluationCompletedAt = completedAt;
        Version++;
        return true;
    }

    /// <summary>
    /// The purchaser confirms the award to <paramref name="bidId"/> (the recommended bid when null) and the result
    /// is published now; the challenge window opens on <paramref name="calendar"/>.
    /// </summary>
    public void Publish(Guid? bidId, string? reason, string publishedBy, DateTimeOffset now, WorkingDayCalendar calendar, AwardRules rules)
    {
        EnsureStatus(AwardStatus.Recommended);
        var chosenId = bidId ?? RecommendedBidId;
        var chosen = Ranking.FirstOrDefault(r => r.BidId == chosenId)
            ?? throw new RuleViolationException(AwardCodes.AwardBidNotRanked, "bidId", chosenId);
        if (chosen.Rank != 1 && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException(AwardCodes.AwardReasonRequired, "reason", chosen.Rank);
        }

        var window = ChallengeWindow.Open(now, calendar, rules);
        Status = AwardStatus.Published;
        BidId = chosen.BidId;
        AgencyId = chosen.AgencyId;
        AgencyName = chosen.AgencyName;
        Amount = chosen.Price;
        AwardedRank = chosen.Rank;
        DeviationReason = chosen.Rank == 1 ? null : reason!.Trim();
        PublishedAt = now;
        PublishedBy = publishedBy;
        NoticeDate = window.NoticeDate;
        ChallengeWindowEnds = window.LastDay;
        ChallengeWindowClosesAt = window.ClosesAt;
        WindowCountedOnWeekendsOnly = window.WeekendsOnly;
        Version++;
        _events.Record(new AwardPublished(
            TenderId, Id, chosen.BidId, chosen.AgencyId, chosen.AgencyName, chosen.Price, window.LastDay, now,
            [.. Ranking.OrderBy(r => r.Rank).Select(r => new RankedBid(r.Rank, r.BidId, r.AgencyId, r.AgencyName, r.Price, r.PriceScore, r.Total))]));
    }

    /// <summary>An agency that bid: ranked, or refused at compliance review.</summary>
    public bool IsBidder(Guid agencyId) => Ranking.Any(r => r.AgencyId == agencyId) || Invalid.Any(i => i.AgencyId == agencyId);

    public bool IsWindowOpenAt(DateTimeOffset now) => Status == AwardStatus.Published && now < ChallengeWindowClosesAt;

    /// <summary>A bidder challenges the published result (质疑) inside the window.</summary>
    public Challenge Lodge(Guid agencyId, string lodgedBy, string text, DateTimeOffset now)
    {
        if (Status is AwardStatus.Recommended)
        {
            throw new ConflictException(AwardCodes.ChallengeBeforePublication);
        }

        if (Status is AwardStatus.Cancelled)
        {
            throw new ConflictException(AwardCodes.AwardCancelled);
        }

        if (!IsBidder(agencyId))
        {
            throw new NotPermittedException(AwardCodes.ChallengeNotABidder);
        }

        if (!IsWindowOpenAt(now))
        {
            throw new ConflictException(AwardCodes.ChallengeWindowClosed, ChallengeWindowEnds);
        }

        return Challenge.Lodge(this, agencyId, lodgedBy, text, now);
    }

    /// <summary>Whether the clock may confirm the award now: published, window closed, nothing unanswered.</summary>
    public bool IsDueForConfirmation(DateTimeOffset now, int unansweredChallenges) =>
        Status == AwardStatus.Published && now >= ChallengeWindowClosesAt && unansweredChallenges == 0;

    /// <summary>The clock confirms the award; <see cref="AwardConfirmed"/> carries the tender's <paramref name="terms"/> to Contracting.</summary>
    public void Confirm(DateTimeOffset now, int unansweredChallenges, TenderAwardTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!IsDueForConfirmation(now, unansweredChallenges))
        {
            throw new InvalidOperationException($"Award {Id} is not due for confirmation at {now:O}.");
        }

        Status = AwardStatus.Confirmed;
        ConfirmedAt = now;
        Version++;
        _events.Record(new AwardConfirmed(
            TenderId, Id, terms.ProgramId, PurchasingUnitId, BidId!.Value, AgencyId!.Value, AgencyName!,
            terms.ProcurementMethod, Amount!.Value, terms.ServiceStart, terms.ServiceEnd,
            [.. terms.Kpis.Select(k => new KpiTerms(k.Name, k.Unit, k.Target))],
            [.. terms.PaymentSchedule.Select(i => new InstalmentTerms(i.Percent, i.Condition))],
            NoticeDate!.Value, now));
    }

    /// <summary>The tender was cancelled: an award not yet confirmed falls with it.</summary>
    public bool Cancel()
    {
        if (Status is AwardStatus.Confirmed or AwardStatus.Cancelled)
        {
            return false;
        }

        Status = AwardStatus.Cancelled;
        Version++;
        return true;
    }

    private void EnsureStatus(AwardStatus expected)
    {
        if (Status == AwardStatus.Cancelled)
        {
            throw new ConflictException(AwardCodes.AwardCancelled);
        }

        if (Status != expected)
        {
            throw new ConflictException(AwardCodes.AwardNotRecommended, Status.ToString(), AwardTexts.Chinese(Status));
        }
    }
}
