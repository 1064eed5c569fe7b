using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Compliance_review
{
    private static readonly StaffingCounts Required = new(3, 1, 1);
    private static readonly EligibilityJudgement Met = new("Registered social organisation", true, null);

    [Fact]
    public void A_plan_that_meets_the_staffing_terms_exactly_passes()
    {
        var outcome = ComplianceReview.Judge(Required, new StaffingCounts(3, 1, 1), ["Registered social organisation"], [Met], []);
        outcome.Passed.Should().BeTrue();
        outcome.Reasons.Should().BeEmpty();
    }

    [Theory]
    [InlineData(2, 1, 1, "2 certified social workers planned, 3 required")]
    [InlineData(3, 0, 1, "0 at intermediate level or above planned, 1 required")]
    [InlineData(3, 1, 0, "0 supervisors planned, 1 required")]
    public void A_plan_one_short_of_any_staffing_term_fails_whatever_the_panel_says(int certified, int intermediate, int supervisors, string reason)
    {
        var outcome = ComplianceReview.Judge(Required, new StaffingCounts(certified, intermediate, supervisors), ["Registered social organisation"], [Met], []);
        outcome.Passed.Should().BeFalse();
        outcome.Reasons.Should().ContainSingle().Which.Should().Contain(reason);
    }

    [Fact]
    public void An_unmet_eligibility_requirement_fails_with_the_panel_reason()
    {
        var outcome = ComplianceReview.Judge(Required, Required, ["Registered social organisation"],
            [new("Registered social organisation", false, "Registration lapsed in 2025")], []);
        outcome.Passed.Should().BeFalse();
        outcome.Reasons.Should().ContainSingle().Which.Should().Be("Eligibility: Registered social organisation: Registration lapsed in 2025");
    }

    [Fact]
    public void A_further_rejection_fails_the_bid()
    {
        var outcome = ComplianceReview.Judge(Required, Required, ["Registered social organisation"], [Met], ["The abnormally low price is not explained"]);
        outcome.Passed.Should().BeFalse();
        outcome.Reasons.Should().Equal("The abnormally low price is not explained");
    }

    [Fact]
    public void Every_requirement_must_be_judged_and_an_unmet_one_needs_a_reason()
    {
        var unjudged = () => ComplianceReview.Judge(Required, Required, ["Registered social organisation", "No debarment"], [Met], []);
        unjudged.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.EligibilityNotJudged);

        var noReason = () => ComplianceReview.Judge(Required, Required, ["Registered social organisation"], [new("Registered social organisation", false, " ")], []);
        noReason.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ReasonRequired);

        var unknown = () => ComplianceReview.Judge(Required, Required, ["Registered social organisation"], [Met, new("Something else", true, null)], []);
        unknown.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.EligibilityUnknown);
    }

    [Fact]
    public void Valid_bids_at_the_minimum_go_to_scoring_and_one_fewer_fails_the_tender()
    {
        var enough = EvaluationData.Tender(minimumValidBids: 3);
        enough.Open(4, EvaluationData.Now).Should().BeNull();
        enough.ConcludeCompliance(3, EvaluationData.Now).Should().BeNull();
        enough.Stage.Should().Be(EvaluationStage.Scoring);

        var tooFew = EvaluationData.Tender(minimumValidBids: 3);
        tooFew.Open(4, EvaluationData.Now);
        var failure = tooFew.ConcludeCompliance(2, EvaluationData.Now);
        failure.Should().Be(new TenderFailure(2, 3, "2 valid bids, 3 required"));
        tooFew.Stage.Should().Be(EvaluationStage.Failed);
    }

    [Fact]
    public void Fewer_bids_at_opening_than_the_minimum_fail_the_tender_at_once()
    {
        var tender = EvaluationData.Tender(minimumValidBids: 2);
        tender.Open(1, EvaluationData.Now).Should().Be(new TenderFailure(1, 2, "1 bids at opening, 2 required"));
        tender.Stage.Should().Be(EvaluationStage.Failed);

        var atMinimum = EvaluationData.Tender(minimumValidBids: 2);
        atMinimum.Open(2, EvaluationData.Now).Should().BeNull();
        atMinimum.Stage.Should().Be(EvaluationStage.ComplianceReview);
    }
}
