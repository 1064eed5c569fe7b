using Procurement.Contracts.Evaluation;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Evaluation.BidEvaluation.Domain;

public enum EvaluationStage
{
    /// <summary>Published; bids not opened yet.</summary>
    AwaitingOpening,

    /// <summary>Opened: the panel is drawn and reviews each bid for compliance.</summary>
    ComplianceReview,

    /// <summary>Enough bids passed: the panel scores the valid ones.</summary>
    Scoring,

    Completed,
    Failed,
    Cancelled,
}

public enum CriterionKind
{
    Price,
    Technical,
    PastPerformance,
    Other,
}

/// <summary>One criterion of the evaluation scheme; its maximum points are its weight in percent.</summary>
public sealed record Criterion(string Name, CriterionKind Kind, decimal MaxPoints);

/// <summary>The staff a bid must plan (the tender's staffing terms), or a bid's planned counts.</summary>
public sealed record StaffingCounts(int Certified, int IntermediateOrAbove, int Supervisors);

/// <summary>
/// Evaluation's copy of a tender (from <c>TenderPublished</c> / <c>TenderAmended</c>): what the panel checks and scores
/// against, the method's numbers from Tendering's rule table, and where the evaluation stands.
/// </summary>
public sealed class EvaluatedTender : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    private EvaluatedTender()
    {
        Title = "";
        ProcurementMethod = "";
        Staffing = new StaffingCounts(0, 0, 0);
        Eligibility = [];
        Criteria = [];
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    public Guid TenderId { get; private set; }

    public Guid ProgramId { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public string Title { get; private set; }

    public string ProcurementMethod { get; private set; }

    public decimal BudgetCeiling { get; private set; }

    public StaffingCounts Staffing { get; private set; }

    public IReadOnlyList<string> Eligibility { get; private set; }

    public IReadOnlyList<Criterion> Criteria { get; private set; }

    public bool FixedPrice { get; private set; }

    public int MinimumValidBids { get; private set; }

    public int? MinimumPanelSize { get; private set; }

    public bool OddPanelSize { get; private set; }

    public EvaluationStage Stage { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ConcludedAt { get; private set; }

    public string? Outcome { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// The bid deadline the tender was bid against (an amendment before opening may move it). The cut-off of the grades that
    /// feed the past-performance criterion; null for a copy kept before it was recorded (the opening time stands in).
    /// </summary>
    public DateTimeOffset? BidDeadline { get; private set; }

    /// <summary>The criteria each evaluator scores by hand on a sheet: every one but price and past performance.</summary>
    public IEnumerable<Criterion> PanelCriteria => Criteria.Where(c => c.Kind is not (CriterionKind.Price or CriterionKind.PastPerformance));

    /// <summary>The criteria the platform computes from the agencies' performance grades, the same for every evaluator.</summary>
    public IEnumerable<Criterion> PastPerformanceCriteria => Criteria.Where(c => c.Kind == CriterionKind.PastPerformance);

    /// <summary>The grades that feed past performance are those recorded before this instant.</summary>
    public DateTimeOffset? GradeCutoff => BidDeadline ?? OpenedAt;

    public static EvaluatedTender Published(
        Guid tenderId, Guid programId, Guid purchasingUnitId, string title, string method, TenderTerms terms, DateTimeOffset? bidDeadline = null) =>
        new EvaluatedTender
        {
            TenderId = tenderId,
            ProgramId = programId,
            PurchasingUnitId = purchasingUnitId,
            Title = title,
            ProcurementMethod = method,
            Stage = EvaluationStage.AwaitingOpening,
            BidDeadline = bidDeadline,
            Version = 1,
        }.WithTerms(terms);

    /// <summary>An amendment replaces the terms; after opening they no longer change what was bid against.</summary>
    public void Amend(TenderTerms terms, DateTimeOffset? bidDeadline = null)
    {
        if (Stage == EvaluationStage.AwaitingOpening)
        {
            WithTerms(terms);
            BidDeadline = bidDeadline ?? BidDeadline;
            Version++;
        }
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (Stage is EvaluationStage.Completed or EvaluationStage.Failed or EvaluationStage.Cancelled)
        {
            return;
        }

        Stage = EvaluationStage.Cancelled;
        Outcome = reason;
        ConcludedAt = at;
        Version++;
    }

    /// <summary>
    /// The bids were opened at <paramref name="at"/>. Fewer counted bids than the minimum fails the tender at once: it
    /// records <see cref="TenderFailed"/> at <paramref name="now"/>, when the opening was heard of (<paramref name="at"/> if not given).
    /// </summary>
    /// <returns>The failure, when the tender failed.</returns>
    public TenderFailure? Open(int countedBids, DateTimeOffset at, DateTimeOffset? now = null)
    {
        if (Stage != EvaluationStage.AwaitingOpening)
        {
            return null;
        }

        OpenedAt = at;
        Stage = EvaluationStage.ComplianceReview;
        Version++;
        return countedBids < MinimumValidBids ? Fail(countedBids, $"{countedBids} bids at opening, {MinimumValidBids} required", at, now ?? at) : null;
    }

    /// <summary>Every opened bid has a verdict: too few valid ones fail the tender (recording <see cref="TenderFailed"/>), otherwise scoring starts.</summary>
    public TenderFailure? ConcludeCompliance(int validBids, DateTimeOffset at)
    {
        EnsureStage(EvaluationStage.ComplianceReview, EvaluationCodes.ComplianceClosed);
        if (validBids < MinimumValidBids)
        {
            return Fail(validBids, $"{validBids} valid bids, {MinimumValidBids} required", at, at);
        }

        Stage = EvaluationStage.Scoring;
        Version++;
        return null;
    }

    /// <summary>The ranking is made: the evaluation is completed with <paramref name="result"/>, and records <see cref="EvaluationCompleted"/>.</summary>
    public void Complete(CompletedEvaluation result)
    {
        ArgumentNullException.ThrowIfNull(result);
        EnsureStage(EvaluationStage.Scoring, EvaluationCodes.ScoringNotOpen);
        Stage = EvaluationStage.Completed;
        ConcludedAt = result.CompletedAt;
        Outcome = "Ranked";
        Version++;
        var winner = result.Recommended;
        _events.Record(new EvaluationCompleted(
            TenderId,
            PurchasingUnitId,
            [.. result.Ranking.Select(r => new RankedBid(r.Rank, r.BidId, r.AgencyId, r.AgencyName, r.Price, r.PriceScore, r.Total))],
            winner.BidId,
            winner.AgencyId,
            [.. result.Invalid.Select(b => new InvalidBid(b.BidId, b.AgencyId, b.Reasons))],
            result.CompletedAt));
    }

    /// <summary>
    /// Marks a change inside the evaluation (a verdict, a sheet, a replacement). The version is the tender's concurrency
    /// token: of two changes racing to be the last verdict or the last sheet, one loses with a 409 instead of both
    /// missing that they completed the stage.
    /// </summary>
    public void RecordProgress() => Version++;

    /// <summary>Throws the right refusal when the evaluation is not at <paramref name="expected"/>.</summary>
    public void EnsureStage(EvaluationStage expected, string wrongStageCode)
    {
        if (Stage == expected)
        {
            return;
        }

        throw Stage switch
        {
            EvaluationStage.AwaitingOpening => new ConflictException(EvaluationCodes.BidsNotOpened),
            EvaluationStage.Completed or EvaluationStage.Failed or EvaluationStage.Cancelled => new ConflictException(EvaluationCodes.EvaluationClosed, Stage),
            _ => new ConflictException(wrongStageCode),
        };
    }

    private TenderFailure Fail(int validBids, string reason, DateTimeOffset at, DateTimeOffset now)
    {
        Stage = EvaluationStage.Failed;
        Outcome = reason;
        ConcludedAt = at;
        _events.Record(new TenderFailed(TenderId, validBids, MinimumValidBids, reason, now));
        return new TenderFailure(validBids, MinimumValidBids, reason);
    }

    private EvaluatedTender WithTerms(TenderTerms terms)
    {
        BudgetCeiling = terms.BudgetCeiling;
        Staffing = terms.Staffing;
        Eligibility = [.. terms.Eligibility];
        Criteria = [.. terms.Criteria];
        FixedPrice = terms.FixedPrice;
        MinimumValidBids = terms.MinimumValidBids;
        MinimumPanelSize = terms.MinimumPanelSize;
        OddPanelSize = terms.OddPanelSize;
        return this;
    }
}

/// <summary>The terms of a tender as the events carry them.</summary>
public sealed record TenderTerms(
    decimal BudgetCeiling, StaffingCounts Staffing, IReadOnlyList<string> Eligibility, IReadOnlyList<Criterion> Criteria, bool FixedPrice,
    int MinimumValidBids, int? MinimumPanelSize, bool OddPanelSize);

/// <summary>Why a tender failed (流标).</summary>
public sealed record TenderFailure(int ValidBids, int MinimumValidBids, string Reason);
