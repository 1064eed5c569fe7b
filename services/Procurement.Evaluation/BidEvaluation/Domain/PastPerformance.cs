using Procurement.Evaluation.Performance.Domain;

namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>A final performance grade of one of an agency's contracts, as recorded by performance evaluation (DOMAIN.md §8).</summary>
public sealed record RecordedGrade(Guid ContractId, PerformanceGrade Grade, decimal Score, DateTimeOffset EvaluatedAt);

/// <summary>A grade that counted for a bid's past-performance score, with the share of the criterion's maximum it is worth.</summary>
public sealed record CountedGrade(Guid ContractId, PerformanceGrade Grade, decimal Score, DateTimeOffset EvaluatedAt, decimal Share);

/// <summary>
/// What an agency's past-performance score rests on: the grades that counted (newest first) and the share of the
/// criterion's maximum they average to; with no grade, the neutral share of the table.
/// </summary>
public sealed record PastPerformanceBasis(Guid AgencyId, IReadOnlyList<CountedGrade> Grades, decimal Share)
{
    public bool NoHistory => Grades.Count == 0;

    /// <summary>The points for a criterion: share × its maximum, two decimals, away from zero.</summary>
    public decimal PointsFor(Criterion criterion) => decimal.Round(Share * criterion.MaxPoints, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// How the platform's own performance grades feed the "past performance" criterion of later tenders (issue 4 item 7), in one
/// table. The panel does not score this criterion: it is computed, the same for every evaluator.
/// </summary>
/// <remarks>
/// <para><b>Which grades count.</b> Only <see cref="EvaluationStage.Final"/> grades (one per contract: the mid-term one is
/// provisional), recorded strictly before the tender's bid deadline (what an agency's record was when it bid; a grade
/// recorded while the panel sits cannot move the score), the <see cref="MostRecentGrades"/> newest of them.</para>
/// <para><b>The score.</b> Each grade is worth its share of the criterion's maximum (<see cref="GradeShares"/>); the
/// shares are averaged and the average times the maximum is rounded once to two decimals, away from zero.</para>
/// <para><b>No history.</b> An agency with no counted grade gets <see cref="NoHistoryShare"/> (60%, the share of a
/// <c>Pass</c>): a newcomer is neither rewarded above agencies with a good record nor shut out of the market by a zero
/// (government procurement may not treat suppliers differently by unreasonable conditions, 政府采购法 art. 22), and the
/// criterion stays computed for every bid, so no sheet is scored by hand for some bids and not others.</para>
/// </remarks>
public sealed class PastPerformanceRules
{
    public static PastPerformanceRules Default { get; } = new();

    /// <summary>At most this many of the newest final grades count.</summary>
    public int MostRecentGrades { get; init; } = 3;

    /// <summary>Each grade's share of the criterion's maximum.</summary>
    public IReadOnlyDictionary<PerformanceGrade, decimal> GradeShares { get; init; } = new Dictionary<PerformanceGrade, decimal>
    {
        [PerformanceGrade.Excellent] = 1.00m,
        [PerformanceGrade.Good] = 0.80m,
        [PerformanceGrade.Pass] = 0.60m,
        [PerformanceGrade.Fail] = 0.00m,
    };

    /// <summary>The share of an agency with no counted grade.</summary>
    public decimal NoHistoryShare { get; init; } = 0.60m;

    /// <summary>
    /// The bidding agencies whose past performance a tender scores: none when its scheme has no past-performance criterion
    /// or its bids have no deadline to count grades before (not opened), else every agency that bid.
    /// </summary>
    public static IReadOnlyList<Guid> AgenciesScored(EvaluatedTender tender, IReadOnlyList<EvaluatedBid> bids)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(bids);
        return !tender.PastPerformanceCriteria.Any() || tender.GradeCutoff is null ? [] : [.. bids.Select(b => b.AgencyId).Distinct()];
    }

    /// <summary>
    /// The basis of each of <paramref name="agencies"/> (by agency id) from the <paramref name="finalGrades"/> recorded for
    /// them, counted before the tender's grade cutoff; empty when the tender scores no past performance.
    /// </summary>
    public IReadOnlyDictionary<Guid, PastPerformanceBasis> Bases(
        EvaluatedTender tender, IReadOnlyList<Guid> agencies, IReadOnlyList<(Guid AgencyId, RecordedGrade Grade)> finalGrades)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(finalGrades);
        if (agencies.Count == 0 || tender.GradeCutoff is not { } cutoff)
        {
            return new Dictionary<Guid, PastPerformanceBasis>();
        }

        return agencies.ToDictionary(a => a, a => Basis(a, finalGrades.Where(g => g.AgencyId == a).Select(g => g.Grade), cutoff));
    }

    /// <summary>
    /// The basis of <paramref name="agencyId"/>'s score from its <paramref name="finalGrades"/> (any order): those recorded
    /// before <paramref name="cutoff"/>, the newest <see cref="MostRecentGrades"/>, their shares averaged.
    /// </summary>
    public PastPerformanceBasis Basis(Guid agencyId, IEnumerable<RecordedGrade> finalGrades, DateTimeOffset cutoff)
    {
        ArgumentNullException.ThrowIfNull(finalGrades);
        var counted = finalGrades
            .Where(g => g.EvaluatedAt < cutoff)
            .OrderByDescending(g => g.EvaluatedAt)
            .ThenBy(g => g.ContractId)
            .Take(MostRecentGrades)
            .Select(g => new CountedGrade(g.ContractId, g.Grade, g.Score, g.EvaluatedAt, GradeShares[g.Grade]))
            .ToList();
        return new PastPerformanceBasis(agencyId, counted, counted.Count == 0 ? NoHistoryShare : counted.Average(g => g.Share));
    }
}
