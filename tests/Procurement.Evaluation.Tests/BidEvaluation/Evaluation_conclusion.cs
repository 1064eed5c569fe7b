using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Performance.Domain;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>
/// The decisions that were <c>EvaluationStore</c>'s (issue 16 item 11), now the domain's: when the review concludes, when
/// the evaluation completes, and whose past performance a tender scores.
/// </summary>
public sealed class Evaluation_conclusion
{
    private static readonly EligibilityJudgement Met = new("Registered social organisation", true, null);
    private static readonly EligibilityJudgement NotMet = new("Registered social organisation", false, "Registration lapsed");

    private static (EvaluatedTender Tender, List<EvaluatedBid> Bids) Opened(int bids, IReadOnlyList<Criterion>? criteria = null, int minimumValidBids = 2)
    {
        var tender = EvaluationData.Tender(criteria, minimumValidBids: minimumValidBids);
        tender.Open(bids, EvaluationData.Now);
        return (tender, [.. Enumerable.Range(0, bids).Select(i => EvaluatedBid.Opened(
            Guid.NewGuid(), tender.TenderId, Guid.NewGuid(), $"Agency {i + 1}", 400_000m + (i * 10_000m), new StaffingCounts(3, 1, 1), 3m, 0.7m, "plan", false, [], null))]);
    }

    private static Panel DrawPanel(EvaluatedTender tender) =>
        Panel.Draw(tender.TenderId, 3, [], new Dictionary<Guid, string> { [Guid.NewGuid()] = "e1", [Guid.NewGuid()] = "e2", [Guid.NewGuid()] = "e3" },
            "seed", "purchaser", EvaluationData.Now, EvaluationRules.Default, 3, true);

    [Fact]
    public void The_review_waits_while_a_verdict_is_pending_and_then_opens_scoring()
    {
        var (tender, bids) = Opened(2);
        bids[0].Review(tender, [Met], [], "e1", EvaluationData.Now);

        EvaluationConclusion.ConcludeComplianceWhenDone(tender, bids, EvaluationData.Now).Should().BeNull();
        tender.Stage.Should().Be(EvaluationStage.ComplianceReview, "one verdict is pending");

        bids[1].Review(tender, [Met], [], "e1", EvaluationData.Now);
        EvaluationConclusion.ConcludeComplianceWhenDone(tender, bids, EvaluationData.Now).Should().BeNull();
        tender.Stage.Should().Be(EvaluationStage.Scoring);
        EvaluationConclusion.ConcludeComplianceWhenDone(tender, bids, EvaluationData.Now).Should().BeNull("a concluded review is not concluded again");
    }

    [Fact]
    public void Too_few_passing_bids_fail_the_tender_when_the_last_verdict_is_in()
    {
        var (tender, bids) = Opened(2);
        bids[0].Review(tender, [Met], [], "e1", EvaluationData.Now);
        bids[1].Review(tender, [NotMet], [], "e1", EvaluationData.Now);

        var failure = EvaluationConclusion.ConcludeComplianceWhenDone(tender, bids, EvaluationData.Now);

        failure.Should().Be(new TenderFailure(1, 2, "1 valid bids, 2 required"));
        tender.Stage.Should().Be(EvaluationStage.Failed);
    }

    [Fact]
    public void The_evaluation_completes_only_when_every_sheet_is_in_and_names_the_failed_bids()
    {
        var (tender, bids) = Opened(3);
        bids[0].Review(tender, [Met], [], "e1", EvaluationData.Now);
        bids[1].Review(tender, [Met], [], "e1", EvaluationData.Now);
        bids[2].Review(tender, [NotMet], [], "e1", EvaluationData.Now);
        EvaluationConclusion.ConcludeComplianceWhenDone(tender, bids, EvaluationData.Now);
        var panel = DrawPanel(tender);
        var sheets = new List<ScoreSheet>();
        foreach (var (bid, plan) in new[] { (bids[0], 50m), (bids[1], 58m) })
        {
            foreach (var evaluator in new[] { "e1", "e2", "e3" })
            {
                sheets.Add(EvaluationData.Sheet(tender, bid.BidId, evaluator, [.. sheets.Where(s => s.BidId == bid.BidId)], plan, 8m));
            }
        }

        EvaluationConclusion.CompleteWhenScored(tender, panel, bids, sheets[..^1], EvaluationData.NoPastPerformance, EvaluationData.Now).Should().BeNull();
        tender.Stage.Should().Be(EvaluationStage.Scoring, "one sheet is missing");
        EvaluationConclusion.ResultOf(tender, panel, bids, sheets, EvaluationData.NoPastPerformance).Should().BeNull("not completed yet");

        var completed = EvaluationConclusion.CompleteWhenScored(tender, panel, bids, sheets, EvaluationData.NoPastPerformance, EvaluationData.Now);

        tender.Stage.Should().Be(EvaluationStage.Completed);
        completed.Should().BeEquivalentTo(
            new { Recommended = new { bids[1].BidId } }, options => options.ExcludingMissingMembers(), "58 on the plan outweighs the 10,000 price difference");
        completed!.Ranking.Select(r => r.Rank).Should().Equal(1, 2);
        completed.Invalid.Should().ContainSingle().Which.Should().BeEquivalentTo(new { bids[2].BidId, bids[2].AgencyId });
        EvaluationConclusion.CompleteWhenScored(tender, panel, bids, sheets, EvaluationData.NoPastPerformance, EvaluationData.Now)
            .Should().BeNull("a completed evaluation is not completed again");
        EvaluationConclusion.ResultOf(tender, panel, bids, sheets, EvaluationData.NoPastPerformance)
            .Should().BeEquivalentTo(completed, "the saved evaluation ranks again to the same result");
    }

    [Fact]
    public void Past_performance_is_read_only_for_a_tender_that_scores_it()
    {
        var (without, bids) = Opened(2);
        PastPerformanceRules.AgenciesScored(without, bids).Should().BeEmpty("the scheme has no past-performance criterion");

        var (with, scored) = Opened(2, [EvaluationData.Price30, EvaluationData.Plan60, EvaluationData.Past10]);
        PastPerformanceRules.AgenciesScored(with, scored).Should().Equal(scored.Select(b => b.AgencyId));

        var unopened = EvaluationData.Tender([EvaluationData.Price30, EvaluationData.Plan60, EvaluationData.Past10]);
        PastPerformanceRules.AgenciesScored(unopened, scored).Should().BeEmpty("no grade cutoff before the bids are opened");
    }

    [Fact]
    public void Each_agency_counts_only_its_own_grades_from_before_the_cutoff()
    {
        var (tender, bids) = Opened(2, [EvaluationData.Price30, EvaluationData.Plan60, EvaluationData.Past10]);
        var agencies = PastPerformanceRules.AgenciesScored(tender, bids);
        var cutoff = tender.GradeCutoff!.Value;
        (Guid, RecordedGrade)[] grades =
        [
            (agencies[0], new RecordedGrade(Guid.NewGuid(), PerformanceGrade.Excellent, 95m, cutoff.AddDays(-10))),
            (agencies[0], new RecordedGrade(Guid.NewGuid(), PerformanceGrade.Fail, 40m, cutoff.AddDays(1))),
            (agencies[1], new RecordedGrade(Guid.NewGuid(), PerformanceGrade.Good, 85m, cutoff.AddDays(-1))),
        ];

        var bases = PastPerformanceRules.Default.Bases(tender, agencies, grades);

        bases[agencies[0]].Share.Should().Be(1.00m, "the Fail came after the cutoff");
        bases[agencies[1]].Share.Should().Be(0.80m);
        PastPerformanceRules.Default.Bases(tender, [], grades).Should().BeEmpty();
    }
}
