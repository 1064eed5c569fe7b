using Procurement.ServiceDefaults.Problems;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests.Rules;

public sealed class The_panel_is_odd_and_large_enough_for_the_budget
{
    private static readonly ProcurementMethodRule PublicTender = ProcurementMethodRules.Default[ProcurementMethod.PublicTender];
    private static readonly ProcurementMethodRule Consultation = ProcurementMethodRules.Default[ProcurementMethod.CompetitiveConsultation];

    [Fact]
    public void A_public_tender_just_under_ten_million_needs_five()
    {
        PublicTender.MinimumPanelSize(9_999_999.99m).Should().Be(5);
    }

    [Fact]
    public void A_public_tender_of_exactly_ten_million_needs_seven()
    {
        PublicTender.MinimumPanelSize(10_000_000.00m).Should().Be(7);
    }

    [Theory]
    [InlineData("9999999.99", 5)]
    [InlineData("9999999.99", 7)]
    [InlineData("10000000.00", 7)]
    [InlineData("10000000.00", 9)]
    public void A_public_tender_panel_of_an_odd_size_at_the_minimum_or_above_is_accepted(string budget, int members)
    {
        PublicTender.Invoking(r => r.CheckPanelSize(Money.Parse(budget), members)).Should().NotThrow();
    }

    [Theory]
    [InlineData("9999999.99", 4, "panel_too_small")]
    [InlineData("9999999.99", 6, "panel_size_even")]
    [InlineData("10000000.00", 5, "panel_too_small")]
    [InlineData("10000000.00", 8, "panel_size_even")]
    public void A_public_tender_panel_too_small_or_even_is_refused(string budget, int members, string code)
    {
        var check = () => PublicTender.CheckPanelSize(Money.Parse(budget), members);

        check.Should().Throw<RuleViolationException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void A_consultation_panel_of_three_is_accepted()
    {
        Consultation.MinimumPanelSize(50_000_000m).Should().Be(3);
        Consultation.Invoking(r => r.CheckPanelSize(50_000_000m, 3)).Should().NotThrow();
    }

    [Theory]
    [InlineData(2, "panel_too_small")]
    [InlineData(4, "panel_size_even")]
    public void A_consultation_panel_of_two_or_four_is_refused(int members, string code)
    {
        var check = () => Consultation.CheckPanelSize(100_000m, members);

        check.Should().Throw<RuleViolationException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void A_single_source_procurement_has_no_panel()
    {
        var rule = ProcurementMethodRules.Default[ProcurementMethod.SingleSource];

        rule.MinimumPanelSize(100_000m).Should().BeNull();
        rule.Invoking(r => r.CheckPanelSize(100_000m, 3)).Should().Throw<RuleViolationException>().Which.Code.Should().Be("method_has_no_panel");
    }
}

public sealed class A_tender_fails_with_fewer_valid_bids_than_its_method_needs
{
    private static readonly ProcurementMethodRules Rules = ProcurementMethodRules.Default;

    [Fact]
    public void A_public_tender_needs_three_even_where_the_region_allows_fewer_for_consultations()
    {
        Rules[ProcurementMethod.PublicTender].ValidBidsNeeded().Should().Be(3);
        Rules[ProcurementMethod.PublicTender].ValidBidsNeeded(regionAllowsFewer: true).Should().Be(3);
    }

    [Fact]
    public void A_consultation_needs_three_by_default()
    {
        Rules[ProcurementMethod.CompetitiveConsultation].ValidBidsNeeded().Should().Be(3);
    }

    [Fact]
    public void A_consultation_needs_two_where_the_region_allows_it()
    {
        Rules[ProcurementMethod.CompetitiveConsultation].ValidBidsNeeded(regionAllowsFewer: true).Should().Be(2);
    }

    [Fact]
    public void A_single_source_procurement_needs_its_one_response()
    {
        Rules[ProcurementMethod.SingleSource].ValidBidsNeeded().Should().Be(1);
    }
}

public sealed class Bid_security_and_performance_bond_are_capped
{
    private static readonly ProcurementMethodRules Rules = ProcurementMethodRules.Default;

    [Fact]
    public void A_bid_security_of_exactly_two_percent_of_the_ceiling_is_accepted()
    {
        Rules.Invoking(r => r.CheckBidSecurity(20_000.00m, 1_000_000.00m)).Should().NotThrow();
        Rules.MaximumBidSecurity(1_000_000.00m).Should().Be(20_000.00m);
    }

    [Fact]
    public void A_bid_security_one_fen_above_two_percent_is_refused()
    {
        var check = () => Rules.CheckBidSecurity(20_000.01m, 1_000_000.00m);

        var refusal = check.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("bid_security_above_maximum");
        refusal.Args.Should().Equal(20_000.01m, 20_000.00m, 2.00m);
    }

    [Fact]
    public void The_largest_bid_security_is_rounded_down_to_the_fen_so_it_never_passes_the_cap()
    {
        // 2 % of 100.25 is 2.005: 2.01 would be above the cap.
        Rules.MaximumBidSecurity(100.25m).Should().Be(2.00m);
        Rules.Invoking(r => r.CheckBidSecurity(2.00m, 100.25m)).Should().NotThrow();
        Rules.Invoking(r => r.CheckBidSecurity(2.01m, 100.25m)).Should().Throw<RuleViolationException>();
    }

    [Fact]
    public void A_performance_bond_of_exactly_ten_percent_of_the_contract_is_accepted()
    {
        Rules.Invoking(r => r.CheckPerformanceBond(50_000.00m, 500_000.00m)).Should().NotThrow();
        Rules.MaximumPerformanceBond(500_000.00m).Should().Be(50_000.00m);
    }

    [Fact]
    public void A_performance_bond_one_fen_above_ten_percent_is_refused()
    {
        var check = () => Rules.CheckPerformanceBond(50_000.01m, 500_000.00m);

        check.Should().Throw<RuleViolationException>().Which.Code.Should().Be("performance_bond_above_maximum");
    }
}

public sealed class The_method_rules_are_a_table_a_deployment_can_replace
{
    [Fact]
    public void The_default_table_has_one_rule_per_method()
    {
        ProcurementMethodRules.Default.Methods.Select(rule => rule.Method)
            .Should().BeEquivalentTo(Enum.GetValues<ProcurementMethod>());
    }

    [Fact]
    public void A_regional_table_changes_the_numbers_without_changing_the_code()
    {
        var regional = new ProcurementMethodRules(
            ProcurementMethodRules.DefaultMethods.Select(rule =>
                rule.Method == ProcurementMethod.CompetitiveConsultation ? rule with { MinimumBiddingDays = 15 } : rule),
            bidSecurityMaximumShare: 0.01m,
            performanceBondMaximumShare: 0.05m,
            minimumAdvancePercent: 30m);
        var published = Beijing.At(2026, 12, 1, 10, 0);

        regional[ProcurementMethod.CompetitiveConsultation].MinimumDeadline(published).Should().Be(Beijing.At(2026, 12, 16, 10, 0));
        regional[ProcurementMethod.PublicTender].MinimumDeadline(published).Should().Be(Beijing.At(2026, 12, 21, 10, 0));
        regional.MaximumBidSecurity(1_000_000m).Should().Be(10_000.00m);
        var lowAdvance = () => PaymentSchedule.Create(
            [new Instalment(20m, PaymentCondition.Activation), new Instalment(80m, PaymentCondition.FinalPassed)], regional);
        lowAdvance.Should().Throw<RuleViolationException>().Which.Code.Should().Be("advance_below_minimum");
    }

    [Fact]
    public void A_table_without_a_rule_for_every_method_is_refused()
    {
        var build = () => new ProcurementMethodRules(
            ProcurementMethodRules.DefaultMethods.Where(rule => rule.Method != ProcurementMethod.SingleSource), 0.02m, 0.10m, 10m);

        build.Should().Throw<ArgumentException>().WithMessage("*SingleSource*");
    }

    [Fact]
    public void A_table_with_two_rules_for_one_method_is_refused()
    {
        var build = () => new ProcurementMethodRules(
            [.. ProcurementMethodRules.DefaultMethods, ProcurementMethodRules.DefaultMethods[0]], 0.02m, 0.10m, 10m);

        build.Should().Throw<ArgumentException>().WithMessage("*two rules for PublicTender*");
    }
}
