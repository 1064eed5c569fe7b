using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Performance.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>
/// The past-performance criterion computed from the agencies' final performance grades (PastPerformanceRules): grade shares
/// Excellent 100%, Good 80%, Pass 60%, Fail 0%; the newest 3 final grades recorded before the bid deadline; 60% with none.
/// </summary>
public sealed class Past_performance
{
    private static readonly PastPerformanceRules Rules = PastPerformanceRules.Default;
    private static readonly DateTimeOffset Deadline = EvaluationData.Now;
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Criterion Past10 = EvaluationData.Past10;

    /// <summary>Grades recorded 1, 2, 3… days before the deadline, the first given the newest.</summary>
    private static RecordedGrade[] Grades(params PerformanceGrade[] newestFirst) =>
        [.. newestFirst.Select((g, i) => new RecordedGrade(Guid.NewGuid(), g, 85m, Deadline.AddDays(-(i + 1))))];

    private static decimal Points(Criterion criterion, params PerformanceGrade[] newestFirst) =>
        Rules.Basis(Agency, Grades(newestFirst), Deadline).PointsFor(criterion);

    [Fact]
    public void Each_grade_is_worth_its_share_of_the_criterion_maximum()
    {
        // One grade on a 10-point criterion: 100% → 10.00, 80% → 8.00, 60% → 6.00, 0% → 0.00.
        Points(Past10, PerformanceGrade.Excellent).Should().Be(10.00m);
        Points(Past10, PerformanceGrade.Good).Should().Be(8.00m);
        Points(Past10, PerformanceGrade.Pass).Should().Be(6.00m);
        Points(Past10, PerformanceGrade.Fail).Should().Be(0.00m);
    }

    [Fact]
    public void The_shares_are_averaged_and_rounded_once_away_from_zero()
    {
        // Excellent, Good, Fail: (1.00 + 0.80 + 0.00) / 3 = 0.60 → × 10 = 6.00.
        Points(Past10, PerformanceGrade.Excellent, PerformanceGrade.Good, PerformanceGrade.Fail).Should().Be(6.00m);
        // Excellent, Good, Good: 2.60 / 3 = 0.8666… → × 10 = 8.666… → 8.67 (up); × 15 = 13.00.
        Points(Past10, PerformanceGrade.Excellent, PerformanceGrade.Good, PerformanceGrade.Good).Should().Be(8.67m);
        Points(Past10 with { MaxPoints = 15m }, PerformanceGrade.Excellent, PerformanceGrade.Good, PerformanceGrade.Good).Should().Be(13.00m);
        // Good, Pass, Fail: 1.40 / 3 = 0.4666… → × 10 = 4.666… → 4.67; Good, Pass on 7 points: 0.70 × 7 = 4.90.
        Points(Past10, PerformanceGrade.Good, PerformanceGrade.Pass, PerformanceGrade.Fail).Should().Be(4.67m);
        Points(Past10 with { MaxPoints = 7m }, PerformanceGrade.Good, PerformanceGrade.Pass).Should().Be(4.90m);
        // Pass, Fail, Fail on 12.5 points: 0.20 × 12.5 = 2.50; Excellent, Pass, Pass on 2.25: 0.7333… × 2.25 = 1.65.
        Points(Past10 with { MaxPoints = 12.5m }, PerformanceGrade.Pass, PerformanceGrade.Fail, PerformanceGrade.Fail).Should().Be(2.50m);
        Points(Past10 with { MaxPoints = 2.25m }, PerformanceGrade.Excellent, PerformanceGrade.Pass, PerformanceGrade.Pass).Should().Be(1.65m);
    }

    [Fact]
    public void At_most_the_three_newest_grades_count()
    {
        // Three grades: all count. Fail, Fail, Excellent → 1.00 / 3 = 0.333… → 3.33.
        var three = Rules.Basis(Agency, Grades(PerformanceGrade.Fail, PerformanceGrade.Fail, PerformanceGrade.Excellent), Deadline);
        three.Grades.Should().HaveCount(3);
        three.PointsFor(Past10).Should().Be(3.33m);

        // A fourth, older Excellent is left out: Fail, Fail, Excellent still → 3.33 (all four would be 2.00 / 4 → 5.00).
        var four = Grades(PerformanceGrade.Fail, PerformanceGrade.Fail, PerformanceGrade.Excellent, PerformanceGrade.Excellent);
        var basis = Rules.Basis(Agency, four.Reverse(), Deadline);
        basis.Grades.Select(g => g.ContractId).Should().Equal(four.Take(3).Select(g => g.ContractId), "the newest three, newest first, whatever the input order");
        basis.PointsFor(Past10).Should().Be(3.33m);
    }

    [Fact]
    public void Only_grades_recorded_before_the_bid_deadline_count()
    {
        var before = new RecordedGrade(Guid.NewGuid(), PerformanceGrade.Excellent, 95m, Deadline.AddTicks(-1));
        var atDeadline = new RecordedGrade(Guid.NewGuid(), PerformanceGrade.Fail, 40m, Deadline);
        var after = new RecordedGrade(Guid.NewGuid(), PerformanceGrade.Fail, 40m, Deadline.AddDays(1));

        var basis = Rules.Basis(Agency, [after, atDeadline, before], Deadline);

        basis.Grades.Should().ContainSingle().Which.ContractId.Should().Be(before.ContractId);
        basis.PointsFor(Past10).Should().Be(10.00m);
        basis.Grades[0].Share.Should().Be(1.00m);
    }

    [Fact]
    public void An_agency_with_no_counted_grade_gets_the_neutral_share_of_a_pass()
    {
        // No grade at all: 60% of 10 → 6.00, marked as no history.
        var none = Rules.Basis(Agency, [], Deadline);
        none.NoHistory.Should().BeTrue();
        none.PointsFor(Past10).Should().Be(6.00m);
        // Only grades recorded after the deadline: the same.
        var late = Rules.Basis(Agency, [new RecordedGrade(Guid.NewGuid(), PerformanceGrade.Excellent, 99m, Deadline.AddHours(1))], Deadline);
        late.NoHistory.Should().BeTrue();
        late.PointsFor(Past10 with { MaxPoints = 15m }).Should().Be(9.00m);
        // One counted Fail is a history, not a newcomer: 0.00.
        Rules.Basis(Agency, Grades(PerformanceGrade.Fail), Deadline).NoHistory.Should().BeFalse();
    }

    [Fact]
    public void The_panel_sheets_carry_no_score_for_the_computed_criterion()
    {
        var tender = EvaluationData.Scoring([EvaluationData.Price30, EvaluationData.Plan60, Past10]);
        tender.PanelCriteria.Should().Equal(EvaluationData.Plan60);
        tender.PastPerformanceCriteria.Should().Equal(Past10);

        var withPast = () => ScoreSheet.Submit(
            tender, Guid.NewGuid(), "e1", [new("Service plan", 50m, "ok", null), new("Past performance", 8m, "ok", null)], [], EvaluationRules.Default, EvaluationData.Now);
        withPast.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ScoreCriterionComputed);

        var sheet = ScoreSheet.Submit(tender, Guid.NewGuid(), "e1", [new("Service plan", 50m, "ok", null)], [], EvaluationRules.Default, EvaluationData.Now);
        sheet.Scores.Select(s => s.Criterion).Should().Equal("Service plan");
    }

    [Fact]
    public void The_ranking_adds_the_computed_points_once_the_same_for_every_evaluator()
    {
        // Price 30, Service plan 60 (three sheets), Past performance 10 (computed).
        // A 400000: price 30.00; plan (40 + 42 + 44) / 3 = 42; past: no history → 6.00;       total 78.00.
        // B 450000: price 400000 / 450000 × 30 = 26.67; plan (40 + 41 + 42) / 3 = 41; past: Excellent, Good → 0.90 × 10 = 9.00;
        //   total 26.67 + 41 + 9 = 76.67.
        // With B graded Excellent, Excellent instead: past 10.00 → total 77.67; still second (78.00).
        // With A graded Fail: past 0.00 → A 72.00, B first with 76.67.
        var (tender, panel, bids, sheets) = Scored([EvaluationData.Price30, EvaluationData.Plan60, Past10], ([40m, 42m, 44m], 400_000m), ([40m, 41m, 42m], 450_000m));
        var (a, b) = (bids[0], bids[1]);
        IReadOnlyDictionary<Guid, PastPerformanceBasis> Past(PerformanceGrade[] forA, PerformanceGrade[] forB) => new Dictionary<Guid, PastPerformanceBasis>
        {
            [a.AgencyId] = Rules.Basis(a.AgencyId, Grades(forA), Deadline),
            [b.AgencyId] = Rules.Basis(b.AgencyId, Grades(forB), Deadline),
        };

        var ranking = EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets, Past([], [PerformanceGrade.Excellent, PerformanceGrade.Good]))!;
        ranking.Select(r => (r.Rank, r.BidId, r.Total)).Should().Equal((1, a.BidId, 78.00m), (2, b.BidId, 76.67m));
        ranking[1].Means["Past performance"].Should().Be(9.00m);
        ranking[0].Means["Past performance"].Should().Be(6.00m);

        EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets, Past([], [PerformanceGrade.Excellent, PerformanceGrade.Excellent]))!
            .Select(r => (r.BidId, r.Total)).Should().Equal((a.BidId, 78.00m), (b.BidId, 77.67m));
        EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets, Past([PerformanceGrade.Fail], [PerformanceGrade.Excellent, PerformanceGrade.Good]))!
            .Select(r => (r.Rank, r.BidId, r.Total)).Should().Equal((1, b.BidId, 76.67m), (2, a.BidId, 72.00m));
    }

    [Fact]
    public void A_scheme_of_price_and_past_performance_needs_no_sheet()
    {
        // Price 70, Past performance 30. A 300000: 70.00 + no history 0.60 × 30 = 18.00 → 88.00.
        // B 350000: 300000 / 350000 × 70 = 60.00; Excellent → 30.00; total 90.00: first.
        var (tender, panel, bids, _) = Scored([EvaluationData.Price30 with { MaxPoints = 70m }, Past10 with { MaxPoints = 30m }], ([], 300_000m), ([], 350_000m));
        EvaluationProgress.Expected(tender, panel, bids).Should().Be(0);
        var past = new Dictionary<Guid, PastPerformanceBasis>
        {
            [bids[0].AgencyId] = Rules.Basis(bids[0].AgencyId, [], Deadline),
            [bids[1].AgencyId] = Rules.Basis(bids[1].AgencyId, Grades(PerformanceGrade.Excellent), Deadline),
        };
        EvaluationProgress.RankingWhenComplete(tender, panel, bids, [], past)!.Select(r => (r.Rank, r.BidId, r.PriceScore, r.Total))
            .Should().Equal((1, bids[1].BidId, (decimal?)60.00m, 90.00m), (2, bids[0].BidId, (decimal?)70.00m, 88.00m));
    }

    /// <summary>A tender in scoring with two valid bids and, per bid, the three evaluators' service-plan scores.</summary>
    private static (EvaluatedTender Tender, Panel Panel, IReadOnlyList<EvaluatedBid> Bids, IReadOnlyList<ScoreSheet> Sheets) Scored(
        IReadOnlyList<Criterion> criteria, params (decimal[] Plan, decimal Price)[] bidsAndScores)
    {
        var tender = EvaluationData.Tender(criteria, minimumValidBids: 2);
        tender.Open(bidsAndScores.Length, EvaluationData.Now);
        var bids = bidsAndScores.Select(b =>
        {
            var bid = EvaluatedBid.Opened(Guid.NewGuid(), tender.TenderId, Guid.NewGuid(), "Agency", b.Price, new StaffingCounts(3, 1, 1), 3m, 0.7m, "plan", false, [], null);
            bid.Review(tender, [new("Registered social organisation", true, null)], [], "e1", EvaluationData.Now);
            return bid;
        }).ToList();
        tender.ConcludeCompliance(bids.Count, EvaluationData.Now);
        var panel = Panel.Draw(tender.TenderId, 3, [], new Dictionary<Guid, string> { [Guid.NewGuid()] = "e1", [Guid.NewGuid()] = "e2", [Guid.NewGuid()] = "e3" },
            "seed", "purchaser", EvaluationData.Now, EvaluationRules.Default, 3, true);
        var sheets = new List<ScoreSheet>();
        for (var i = 0; i < bids.Count; i++)
        {
            for (var e = 0; e < bidsAndScores[i].Plan.Length; e++)
            {
                sheets.Add(ScoreSheet.Submit(
                    tender, bids[i].BidId, $"e{e + 1}", [new("Service plan", bidsAndScores[i].Plan[e], "ok", "checked")],
                    [.. sheets.Where(s => s.BidId == bids[i].BidId)], EvaluationRules.Default, EvaluationData.Now));
            }
        }

        return (tender, panel, bids, sheets);
    }
}
