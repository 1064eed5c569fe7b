using Procurement.Rules.Refusals;
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

public sealed class A_kept_rule_table
{
    private static readonly DateTimeOffset Now = Beijing.At(2026, 12, 6, 10, 0);

    private static MethodRuleTableContent Defaults => MethodRuleTableContent.From(ProcurementMethodRules.Default);

    private static MethodRuleTableContent With(ProcurementMethod method, Func<MethodRuleEntry, MethodRuleEntry> change) =>
        Defaults with { Methods = [.. Defaults.Methods.Select(entry => entry.Method == method ? change(entry) : entry)] };

    private static IEnumerable<string> Refusals(MethodRuleTableContent content) => content.Check().Errors.Select(e => $"{e.Field}:{e.Rule}");

    [Fact]
    public void The_built_in_numbers_pass_the_checks_of_a_kept_table_and_come_back_unchanged()
    {
        Defaults.Check().Any.Should().BeFalse();
        var rules = Defaults.ToRules(null);
        foreach (var method in Enum.GetValues<ProcurementMethod>())
        {
            rules[method].Should().BeEquivalentTo(ProcurementMethodRules.Default[method]);
        }
    }

    [Fact]
    public void A_region_that_adopts_the_allowance_needs_two_valid_bids_for_a_consultation_and_one_that_does_not_needs_three()
    {
        var adopted = With(ProcurementMethod.CompetitiveConsultation, entry => entry with { RegionAdoptsAllowance = true });

        adopted.ToRules(null)[ProcurementMethod.CompetitiveConsultation].ValidBidsNeeded().Should().Be(2);
        Defaults.ToRules(null)[ProcurementMethod.CompetitiveConsultation].ValidBidsNeeded().Should().Be(3);
        adopted.ToRules(null)[ProcurementMethod.PublicTender].ValidBidsNeeded().Should().Be(3);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(0, false)]
    public void The_regional_allowance_is_at_least_one_and_below_the_minimum(int allowance, bool taken) =>
        Refusals(With(ProcurementMethod.CompetitiveConsultation, entry => entry with { RegionalMinimumValidBids = allowance }))
            .Should().HaveCount(taken ? 0 : 1);

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void The_amendment_margin_is_not_longer_than_the_bidding_period(int margin, bool taken) =>
        Refusals(With(ProcurementMethod.PublicTender, entry => entry with { AmendmentMarginDays = margin }))
            .Should().HaveCount(taken ? 0 : 1);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void Bidding_days_are_one_to_365(int days, bool taken) =>
        Refusals(With(ProcurementMethod.PublicTender, entry => entry with { MinimumBiddingDays = days, AmendmentMarginDays = null }))
            .Should().HaveCount(taken ? 0 : 1);

    [Fact]
    public void A_panel_step_must_be_odd_where_the_panel_is_odd_and_the_steps_rise_from_zero()
    {
        Refusals(With(ProcurementMethod.PublicTender, entry => entry with { PanelSteps = [new(0m, 5), new(10_000_000m, 6)] }))
            .Should().Equal("methods[0].panelSteps[1].minimumMembers:method_table_panel_step_even");
        Refusals(With(ProcurementMethod.PublicTender, entry => entry with { PanelSteps = [new(0m, 5), new(0m, 7)] }))
            .Should().Equal("methods[0].panelSteps[1].budgetFrom:method_table_panel_steps_not_rising");
        Refusals(With(ProcurementMethod.PublicTender, entry => entry with { PanelSteps = [new(1m, 5)] }))
            .Should().Equal("methods[0].panelSteps[0].budgetFrom:method_table_panel_steps_not_rising");
    }

    [Fact]
    public void A_method_scored_by_a_panel_has_both_price_bounds_and_panel_and_one_without_has_neither()
    {
        Refusals(With(ProcurementMethod.PublicTender, entry => entry with { PanelSteps = null }))
            .Should().Equal("methods[0].panelSteps:method_table_panel_and_price");
        Refusals(With(ProcurementMethod.SingleSource, entry => entry with { PriceMinimumPoints = 10m }))
            .Should().Equal("methods[2].panelSteps:method_table_panel_and_price");
    }

    [Fact]
    public void The_first_day_is_today_or_later_in_beijing()
    {
        var today = new DateOnly(2026, 12, 6);
        MethodRuleTable.Record("Hill County", today, Defaults, null, Guid.NewGuid(), Now).EffectiveFrom.Should().Be(today);
        var yesterday = () => MethodRuleTable.Record("Hill County", today.AddDays(-1), Defaults, null, Guid.NewGuid(), Now);
        yesterday.Should().Throw<RulesBrokenException>().Which.Errors.Should().ContainSingle(e => e.Field == "effectiveFrom");
    }

    [Fact]
    public void A_kept_tables_rules_carry_its_label_and_the_built_in_ones_none()
    {
        var table = MethodRuleTable.Record(" Hill County ", new DateOnly(2026, 12, 6), Defaults, "  ", Guid.NewGuid(), Now);

        table.Region.Should().Be("Hill County");
        table.Note.Should().BeNull();
        table.Rules.Table.Should().Be(new MethodRuleTableLabel(table.Id, "Hill County", new DateOnly(2026, 12, 6)));
        ProcurementMethodRules.Default.Table.Should().BeNull();
    }
}
