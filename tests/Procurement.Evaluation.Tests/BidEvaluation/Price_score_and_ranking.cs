using Procurement.Evaluation.BidEvaluation.Domain;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Price_score_and_ranking
{
    private static readonly Guid A = new("aaaaaaaa-0000-4000-8000-000000000001");
    private static readonly Guid B = new("bbbbbbbb-0000-4000-8000-000000000002");
    private static readonly Guid C = new("cccccccc-0000-4000-8000-000000000003");

    private static ScoredBid Bid(Guid id, decimal price, params (string Criterion, decimal[] Points)[] points) =>
        new(id, id, id == A ? "Agency A" : id == B ? "Agency B" : "Agency C", price,
            points.ToDictionary(p => p.Criterion, p => (IReadOnlyList<decimal>)p.Points));

    [Fact]
    public void The_lowest_price_scores_the_full_weight()
    {
        // The criterion's maximum points are the weight in percent: 30 points is a 30% weight.
        PriceScore.For(400_000m, 400_000m, 30m).Should().Be(30.00m);
    }

    [Fact]
    public void A_dearer_bid_scores_lowest_over_its_price_times_the_weight()
    {
        // 400000 / 450000 × 30 = 26.666… → 26.67; 400000 / 480000 × 30 = 25.
        PriceScore.For(450_000m, 400_000m, 30m).Should().Be(26.67m);
        PriceScore.For(480_000m, 400_000m, 30m).Should().Be(25.00m);
        // The weight scales it: with a 10% weight, 400000 / 450000 × 10 = 8.888… → 8.89.
        PriceScore.For(450_000m, 400_000m, 10m).Should().Be(8.89m);
    }

    [Fact]
    public void A_half_hundredth_rounds_away_from_zero()
    {
        // 100 / 1600 × 10 = 0.625 exactly: away from zero 0.63 (banker's rounding would give 0.62).
        PriceScore.For(1600m, 100m, 10m).Should().Be(0.63m);
        // 100 / 1600 × 1 = 0.0625 → 0.06 (below the half): rounding goes down there.
        PriceScore.For(1600m, 100m, 1m).Should().Be(0.06m);
    }

    [Fact]
    public void Worked_example_1_three_bids_three_evaluators()
    {
        // Criteria: Price 30, Service plan 60, Staff experience 10.
        // A 400000.00: price 400000/400000 × 30 = 30.00; plan (50 + 52 + 54)/3 = 52; experience (8 + 8 + 9)/3 = 8.333…
        //   total 30 + 52 + 8.333… = 90.333… → 90.33
        // B 450000.00: price 400000/450000 × 30 = 26.666… → 26.67; plan (55 + 56 + 57)/3 = 56; experience 9
        //   total 26.67 + 56 + 9 = 91.67
        // C 480000.00: price 400000/480000 × 30 = 25.00; plan (48 + 50 + 49)/3 = 49; experience (7 + 8 + 9)/3 = 8
        //   total 25 + 49 + 8 = 82.00
        // Ranking: B (91.67), A (90.33), C (82.00).
        var ranking = Ranking.Rank(
        [
            Bid(A, 400_000m, ("Service plan", [50m, 52m, 54m]), ("Staff experience", [8m, 8m, 9m])),
            Bid(B, 450_000m, ("Service plan", [55m, 56m, 57m]), ("Staff experience", [9m, 9m, 9m])),
            Bid(C, 480_000m, ("Service plan", [48m, 50m, 49m]), ("Staff experience", [7m, 8m, 9m])),
        ], [EvaluationData.Price30, EvaluationData.Plan60, EvaluationData.Experience10], fixedPrice: false);

        ranking.Select(r => (r.Rank, r.BidId, r.PriceScore, r.Total)).Should().Equal(
            (1, B, (decimal?)26.67m, 91.67m),
            (2, A, (decimal?)30.00m, 90.33m),
            (3, C, (decimal?)25.00m, 82.00m));
        ranking[1].Means["Staff experience"].Should().Be(8.33m);
    }

    [Fact]
    public void Worked_example_2_equal_totals_are_ranked_by_the_lower_price()
    {
        // Criteria: Price 10, Technical 90.
        // A 300000.00: price 250000/300000 × 10 = 8.333… → 8.33; technical (80 + 81 + 82)/3 = 81; total 89.33
        // B 250000.00: price 10.00 (lowest); technical (79 + 79.50 + 79.49)/3 = 237.99/3 = 79.33; total 89.33
        // Equal totals: B is cheaper, so B ranks 1 and A 2.
        Criterion[] criteria = [new("Price", CriterionKind.Price, 10m), new("Technical", CriterionKind.Technical, 90m)];
        var ranking = Ranking.Rank(
        [
            Bid(A, 300_000m, ("Technical", [80m, 81m, 82m])),
            Bid(B, 250_000m, ("Technical", [79m, 79.50m, 79.49m])),
        ], criteria, fixedPrice: false);

        ranking.Select(r => (r.Rank, r.BidId, r.PriceScore, r.Total)).Should().Equal(
            (1, B, (decimal?)10.00m, 89.33m),
            (2, A, (decimal?)8.33m, 89.33m));
    }

    [Fact]
    public void Worked_example_3_a_fixed_price_tender_scores_no_price_and_a_full_tie_shares_the_rank()
    {
        // Fixed price: every bid is at the ceiling, 480000.00; criteria Technical 70, Other 30 (no price score).
        // A: technical (60 + 62)/2 = 61; other (20 + 22)/2 = 21; total 82.00
        // B: technical (61 + 61)/2 = 61; other (21 + 21)/2 = 21; total 82.00
        // C: technical (50 + 52)/2 = 51; other (25 + 25)/2 = 25; total 76.00
        // A and B tie on total and on price: both rank 1; C ranks 3 (two bids are ahead of it).
        Criterion[] criteria = [new("Technical", CriterionKind.Technical, 70m), new("Other", CriterionKind.Other, 30m)];
        var ranking = Ranking.Rank(
        [
            Bid(C, 480_000m, ("Technical", [50m, 52m]), ("Other", [25m, 25m])),
            Bid(B, 480_000m, ("Technical", [61m, 61m]), ("Other", [21m, 21m])),
            Bid(A, 480_000m, ("Technical", [60m, 62m]), ("Other", [20m, 22m])),
        ], criteria, fixedPrice: true);

        ranking.Select(r => (r.Rank, r.BidId, r.PriceScore, r.Total)).Should().Equal(
            (1, A, (decimal?)null, 82.00m),
            (1, B, (decimal?)null, 82.00m),
            (3, C, (decimal?)null, 76.00m));
    }

    [Fact]
    public void Worked_example_4_the_total_is_rounded_once_away_from_zero()
    {
        // Technical only (fixed price, 100 points): (40.00 + 40.01)/2 = 40.005 → 40.01 (banker's would give 40.00).
        // B: (40.00 + 40.00)/2 = 40.00. A ranks above B by a hundredth.
        Criterion[] criteria = [new("Technical", CriterionKind.Technical, 100m)];
        var ranking = Ranking.Rank(
        [
            Bid(A, 480_000m, ("Technical", [40.00m, 40.01m])),
            Bid(B, 480_000m, ("Technical", [40.00m, 40.00m])),
        ], criteria, fixedPrice: true);

        ranking.Select(r => (r.Rank, r.BidId, r.Total)).Should().Equal((1, A, 40.01m), (2, B, 40.00m));
    }

    [Fact]
    public void Ranking_a_scoring_evaluation_end_to_end_from_sheets()
    {
        // The same numbers as worked example 1, through sheets of three evaluators.
        var tender = EvaluationData.Scoring();
        var panel = Panel.Draw(tender.TenderId, 3, [], new Dictionary<Guid, string> { [A] = "e1", [B] = "e2", [C] = "e3" },
            "seed", "purchaser", EvaluationData.Now, EvaluationRules.Default, 3, true);
        var bids = new[] { (A, 400_000m), (B, 450_000m), (C, 480_000m) }.Select(b =>
        {
            var bid = EvaluatedBid.Opened(b.Item1, tender.TenderId, b.Item1, "Agency", b.Item2, new StaffingCounts(3, 1, 1), 3m, 0.7m, "plan", false, [], null);
            var review = EvaluationData.Tender();
            review.Open(3, EvaluationData.Now);
            bid.Review(review, [new("Registered social organisation", true, null)], [], "e1", EvaluationData.Now);
            return bid;
        }).ToList();
        var scores = new Dictionary<Guid, (decimal[] Plan, decimal[] Past)>
        {
            [A] = ([50m, 52m, 54m], [8m, 8m, 9m]),
            [B] = ([55m, 56m, 57m], [9m, 9m, 9m]),
            [C] = ([48m, 50m, 49m], [7m, 8m, 9m]),
        };
        var sheets = new List<ScoreSheet>();
        foreach (var (bid, (plan, past)) in scores)
        {
            for (var e = 0; e < 3; e++)
            {
                sheets.Add(EvaluationData.Sheet(tender, bid, $"e{e + 1}", [.. sheets.Where(s => s.BidId == bid)], plan[e], past[e]));
            }
        }

        EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets.Take(8), EvaluationData.NoPastPerformance).Should().BeNull("one sheet is missing");
        EvaluationProgress.RankingWhenComplete(tender, panel, bids, sheets, EvaluationData.NoPastPerformance)!.Select(r => (r.Rank, r.BidId, r.Total))
            .Should().Equal((1, B, 91.67m), (2, A, 90.33m), (3, C, 82.00m));
    }

    [Fact]
    public void A_scheme_scored_by_price_alone_ranks_without_any_sheet()
    {
        // Price 100: A 300000 → 100.00; B 400000 → 300000/400000 × 100 = 75.00.
        var tender = EvaluationData.Tender([new Criterion("Price", CriterionKind.Price, 100m)], minimumValidBids: 2);
        tender.Open(2, EvaluationData.Now);
        var bids = new[] { (A, 300_000m), (B, 400_000m) }.Select(b =>
        {
            var bid = EvaluatedBid.Opened(b.Item1, tender.TenderId, b.Item1, "Agency", b.Item2, new StaffingCounts(3, 1, 1), 3m, 0.7m, "plan", false, [], null);
            bid.Review(tender, [new("Registered social organisation", true, null)], [], "e1", EvaluationData.Now);
            return bid;
        }).ToList();
        tender.ConcludeCompliance(2, EvaluationData.Now);
        var panel = Panel.Draw(tender.TenderId, 3, [], new Dictionary<Guid, string> { [A] = "e1", [B] = "e2", [C] = "e3" },
            "seed", "purchaser", EvaluationData.Now, EvaluationRules.Default, 3, true);

        EvaluationProgress.Expected(tender, panel, bids).Should().Be(0);
        EvaluationProgress.RankingWhenComplete(tender, panel, bids, [], EvaluationData.NoPastPerformance)!.Select(r => (r.Rank, r.BidId, r.Total))
            .Should().Equal((1, A, 100.00m), (2, B, 75.00m));
    }
}
