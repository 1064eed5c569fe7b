using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Tests.Bids;

public sealed class Bid_content_rules
{
    private readonly BidScenario _s = new();

    [Fact]
    public void A_bid_that_meets_every_rule_is_not_flagged()
    {
        var validated = _s.Validate();

        validated.Content.AbnormallyLow.Should().BeFalse();
        validated.Content.AbnormallyLowReasons.Should().BeEmpty();
        validated.People.Select(p => p.DisplayName).Should().Equal("Wang Fang", "Li Na", "Zhang Wei");
    }

    [Fact]
    public void A_price_equal_to_the_ceiling_is_accepted_and_one_fen_above_is_refused()
    {
        var atCeiling = _s.Draft(500_000.00m, new CostBreakdown(320_000.00m, 120_000.00m, 40_000.00m, 20_000.00m));
        var above = _s.Draft(500_000.01m, new CostBreakdown(320_000.01m, 120_000.00m, 40_000.00m, 20_000.00m));

        _s.Validate(atCeiling).Content.Price.Should().Be(500_000.00m);
        Refusal(above).Should().Match<RuleViolationException>(e => e.Code == BidCodes.PriceAboveCeiling && e.Field == "price");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    public void A_price_of_zero_or_less_is_refused(string price)
    {
        Refusal(_s.Draft(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture))).Code.Should().Be(BidCodes.PriceNotPositive);
    }

    [Fact]
    public void Amounts_have_two_decimals_at_most()
    {
        var price = _s.Draft(479_999.995m, new CostBreakdown(299_999.995m, 120_000.00m, 40_000.00m, 20_000.00m));
        var pay = _s.Draft(staffing: _s.Plan(liPay: 6_000.001m));

        Refusal(price).Should().Match<RuleViolationException>(e => e.Code == BidCodes.AmountNotTwoDecimals && e.Field == "price");
        Refusal(pay).Should().Match<RuleViolationException>(e => e.Code == BidCodes.AmountNotTwoDecimals && e.Field == "staffing[1].monthlyPay");
    }

    [Theory]
    [InlineData("479999.99")]
    [InlineData("480000.01")]
    public void A_cost_breakdown_one_fen_off_the_price_is_refused(string personnelPlusRest)
    {
        var total = decimal.Parse(personnelPlusRest, System.Globalization.CultureInfo.InvariantCulture);
        var draft = _s.Draft(costs: new CostBreakdown(total - 180_000.00m, 120_000.00m, 40_000.00m, 20_000.00m));

        var refusal = Refusal(draft);

        refusal.Code.Should().Be(BidCodes.CostBreakdownNotPrice);
        refusal.Args.Should().Equal(total, 480_000.00m);
    }

    [Fact]
    public void A_negative_cost_line_is_refused_even_when_the_lines_add_up()
    {
        var draft = _s.Draft(costs: new CostBreakdown(310_000.00m, 120_000.00m, 40_000.00m, -10_000.00m));

        Refusal(draft).Should().Match<RuleViolationException>(e => e.Code == BidCodes.CostNegative && e.Field == "costs.other");
    }

    [Fact]
    public void A_staffing_plan_short_of_the_requirement_names_each_count_that_falls_short()
    {
        // Without Zhang (senior): 2 certified of 3, 1 intermediate-or-above of 2; the supervisor is still there.
        var draft = _s.Draft(staffing: [new(_s.Wang.Id, 1.0m, 8_000.00m), new(_s.Li.Id, 1.0m, 6_000.00m), new(_s.Chen.Id, 1.0m, 4_000.00m)]);

        var refusal = Refusal(draft);

        refusal.Code.Should().Be(BidCodes.StaffingRequirementNotMet);
        refusal.Field.Should().Be("staffing.certified");
        refusal.Args.Should().Equal(2, 3, 1, 2, 1, 1);
        refusal.Extensions["shortfalls"].Should().BeEquivalentTo(new[]
        {
            new { requirement = "certified", planned = 2, required = 3 },
            new { requirement = "intermediateOrAbove", planned = 1, required = 2 },
        });
    }

    [Fact]
    public void A_plan_without_a_supervisor_is_refused_for_that_alone()
    {
        var notSupervisor = _s.Worker("Zhao Min", "2468", CertificateLevel.Intermediate);
        var roster = _s.Roster.Append(notSupervisor).ToList();
        var draft = _s.Draft(staffing: [new(notSupervisor.Id, 1.0m, 8_000.00m), new(_s.Li.Id, 1.0m, 6_000.00m), new(_s.Zhang.Id, 0.5m, 5_000.00m)]);

        var refuse = () => BidRules.Validate(draft, _s.Terms, _s.AgencyId, roster, FteCommitments.None);

        var refusal = refuse.Should().Throw<RuleViolationException>().Which;
        refusal.Field.Should().Be("staffing.supervisors");
        refusal.Args.Should().Equal(3, 3, 2, 2, 0, 1);
    }

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("0.01", true)]
    [InlineData("1.01", false)]
    [InlineData("0", false)]
    public void A_planned_fte_is_more_than_zero_and_at_most_one(string fte, bool accepted)
    {
        var draft = _s.Draft(staffing: _s.Plan(wangFte: decimal.Parse(fte, System.Globalization.CultureInfo.InvariantCulture)));

        if (accepted)
        {
            _s.Validate(draft).People[0].Fte.Should().Be(decimal.Parse(fte, System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            Refusal(draft).Should().Match<RuleViolationException>(e => e.Code == BidCodes.StaffingFteOutOfRange && e.Field == "staffing[0].fte");
        }
    }

    [Fact]
    public void A_worker_planned_twice_is_refused()
    {
        var draft = _s.Draft(staffing: [.. _s.Plan(), new(_s.Wang.Id, 0.1m, 800.00m)]);

        Refusal(draft).Should().Match<RuleViolationException>(e => e.Code == BidCodes.StaffingWorkerRepeated && e.Field == "staffing[3].workerId");
    }

    [Fact]
    public void Only_active_workers_of_the_agencys_own_roster_can_be_planned()
    {
        var elsewhere = _s.Worker("Sun Li", "1357", CertificateLevel.Senior, agencyId: Guid.CreateVersion7());
        var inactive = _s.Worker("Zhou Xun", "9753", CertificateLevel.Senior);
        inactive.Deactivate(BidScenario.Before);
        var roster = _s.Roster.Append(elsewhere).Append(inactive).ToList();

        var otherAgencys = () => BidRules.Validate(
            _s.Draft(staffing: [.. _s.Plan(), new(elsewhere.Id, 0.5m, 5_000.00m)]), _s.Terms, _s.AgencyId, roster, FteCommitments.None);
        var deactivated = () => BidRules.Validate(
            _s.Draft(staffing: [.. _s.Plan(), new(inactive.Id, 0.5m, 5_000.00m)]), _s.Terms, _s.AgencyId, roster, FteCommitments.None);

        otherAgencys.Should().Throw<RuleViolationException>().Which.Code.Should().Be(BidCodes.StaffingWorkerNotOnRoster);
        deactivated.Should().Throw<RuleViolationException>().Which.Code.Should().Be(BidCodes.StaffingWorkerInactive);
    }

    [Fact]
    public void A_personnel_share_at_the_minimum_is_not_flagged_and_one_fen_under_it_must_be_explained()
    {
        // 60% of 480,000.00 is 288,000.00.
        var atMinimum = _s.Draft(costs: new CostBreakdown(288_000.00m, 132_000.00m, 40_000.00m, 20_000.00m));
        var under = _s.Draft(costs: new CostBreakdown(287_999.99m, 132_000.01m, 40_000.00m, 20_000.00m));

        _s.Validate(atMinimum).Content.AbnormallyLow.Should().BeFalse();
        var refusal = Refusal(under);
        refusal.Code.Should().Be(BidCodes.AbnormallyLowNeedsExplanation);
        refusal.Field.Should().Be("abnormallyLowExplanation");

        var explained = _s.Validate(under with { AbnormallyLowExplanation = "  Our volunteers cover the weekend activities.  " }).Content;
        explained.AbnormallyLow.Should().BeTrue();
        explained.AbnormallyLowExplanation.Should().Be("Our volunteers cover the weekend activities.");
        explained.AbnormallyLowReasons.Should().ContainSingle().Which.Should().Be(
            new AbnormallyLowReason(BidCodes.PersonnelShareBelowMinimum, null, 287_999.99m / 480_000.00m, 0.60m));
    }

    [Fact]
    public void Pay_at_the_floor_is_not_flagged_and_one_fen_under_it_must_be_explained()
    {
        var atFloor = _s.Draft(staffing: _s.Plan(liPay: 5_000.00m));
        var under = _s.Draft(staffing: _s.Plan(liPay: 4_999.99m));

        _s.Validate(atFloor).Content.AbnormallyLow.Should().BeFalse();
        Refusal(under).Code.Should().Be(BidCodes.AbnormallyLowNeedsExplanation);
        var explained = _s.Validate(under with { AbnormallyLowExplanation = "Li Na also draws a district subsidy." }).Content;
        explained.AbnormallyLowReasons.Should().ContainSingle().Which.Should().Be(
            new AbnormallyLowReason(BidCodes.PayBelowFloor, _s.Li.Id, 4_999.99m, 5_000.00m));
    }

    [Fact]
    public void The_pay_floor_of_a_part_time_worker_is_scaled_by_their_fte()
    {
        // Zhang (senior, floor 8,000 full time) at 0.5 FTE: 4,000.00 is the floor.
        _s.Validate(_s.Draft(staffing: _s.Plan(zhangPay: 4_000.00m))).Content.AbnormallyLow.Should().BeFalse();
        var under = _s.Validate(_s.Draft(staffing: _s.Plan(zhangPay: 3_999.99m), explanation: "Paid by the hour.")).Content;

        under.AbnormallyLowReasons.Should().ContainSingle().Which.Threshold.Should().Be(4_000.00m);
    }

    [Fact]
    public void A_bid_needs_a_technical_proposal()
    {
        Refusal(_s.Draft() with { TechnicalProposal = "  " }).Code.Should().Be(BidCodes.TechnicalProposalRequired);
    }

    private RuleViolationException Refusal(BidDraft draft)
    {
        var validate = () => _s.Validate(draft);
        return validate.Should().Throw<RuleViolationException>().Which;
    }
}

public sealed class Bid_terms_from_the_published_tender
{
    [Fact]
    public void Staffing_and_personnel_first_terms_are_taken_from_the_tender_published_event()
    {
        var staffing = RequiredStaffing.From(new Procurement.Contracts.Tendering.StaffingTerms(3, 1, 1));
        var personnel = PersonnelFirst.From(new Procurement.Contracts.Tendering.PersonnelCostTerms(
            0.60m, [new("Assistant", 5_000.00m), new("senior", 8_000.00m)]));

        staffing.Should().Be(new RequiredStaffing(3, 1, 1));
        personnel.MinimumPersonnelShare.Should().Be(0.60m);
        personnel.PayFloors.Should().BeEquivalentTo(new Dictionary<CertificateLevel, decimal>
        {
            [CertificateLevel.Assistant] = 5_000.00m,
            [CertificateLevel.Senior] = 8_000.00m,
        });
        PersonnelFirst.From(null).Should().BeSameAs(PersonnelFirst.None);
    }
}
