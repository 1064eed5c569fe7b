using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using static Procurement.Contracting.Tests.Contracts;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>The renewal decision of DOMAIN.md §2: latest grade <c>Good</c> or better and under 36 consecutive months → direct renewal.</summary>
public sealed class Renewal_proposal
{
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2027, 12, 31);

    [Fact]
    public void Without_a_grade_the_platform_proposes_a_new_tender()
    {
        var proposal = RenewalProposal.For(Active(Start, End), Start, Contracts.Rules, ContinuityRules.Default);

        proposal.Path.Should().Be(RenewalPath.NewTender);
        proposal.Obstacles.Should().Equal(RenewalObstacle.NoGrade);
        proposal.ConsecutiveMonths.Should().Be(12m);
    }

    [Theory]
    [InlineData("Excellent", RenewalPath.DirectRenewal)]
    [InlineData("Good", RenewalPath.DirectRenewal)]
    [InlineData("Pass", RenewalPath.NewTender)]
    [InlineData("Fail", RenewalPath.NewTender)]
    public void Good_or_better_is_renewed_directly(string grade, RenewalPath path)
    {
        var contract = Active(Start, End);
        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.MidTerm, 85m, grade, grade != "Fail", At(new DateOnly(2027, 6, 30)));

        var proposal = RenewalProposal.For(contract, Start, Contracts.Rules, ContinuityRules.Default);

        proposal.Path.Should().Be(path);
        proposal.LatestGrade.Should().Be(grade);
        proposal.Obstacles.Should().Equal(path == RenewalPath.DirectRenewal ? [] : [RenewalObstacle.GradeBelowMinimum]);
    }

    [Fact]
    public void The_latest_grade_counts_whichever_stage_it_is()
    {
        // Good at mid-term (06-30), then Pass at the final evaluation (11-30): the latest is Pass.
        var contract = Active(Start, End);
        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.MidTerm, 85m, "Good", true, At(new DateOnly(2027, 6, 30)));
        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.Final, 70m, "Pass", true, At(new DateOnly(2027, 11, 30)));

        RenewalProposal.For(contract, Start, Contracts.Rules, ContinuityRules.Default).Path.Should().Be(RenewalPath.NewTender);
    }

    [Fact]
    public void Thirty_six_consecutive_months_with_the_agency_by_the_end_send_the_program_to_a_new_tender()
    {
        var contract = Active(Start, End);
        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.MidTerm, 95m, "Excellent", true, At(new DateOnly(2027, 6, 30)));

        // Since 2025-01-01 to 2027-12-31: 36 whole months → the cap is reached.
        var atCap = RenewalProposal.For(contract, new DateOnly(2025, 1, 1), Contracts.Rules, ContinuityRules.Default);
        (atCap.Path, atCap.ConsecutiveMonths).Should().Be((RenewalPath.NewTender, 36m));
        atCap.Obstacles.Should().Equal(RenewalObstacle.ConsecutiveCapReached);

        // Since 2025-01-03: 35 whole months (to 2027-12-02) + 29 days / 30 = 35.9666… < 36 → renewed directly.
        var under = RenewalProposal.For(contract, new DateOnly(2025, 1, 3), Contracts.Rules, ContinuityRules.Default);
        under.Path.Should().Be(RenewalPath.DirectRenewal);
        under.ConsecutiveMonths.Should().BeLessThan(36m).And.BeGreaterThan(35.96m);
    }
}
