using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Purchaser;

public sealed class The_tender_rules_are_checked_as_the_API_checks_them
{
    private static List<CriterionDraft> Scheme(params (CriterionKind Kind, decimal Points)[] criteria) =>
        [.. criteria.Select((c, i) => new CriterionDraft { Name = $"评分项{i + 1}", Kind = c.Kind, MaxPoints = c.Points })];

    private static readonly TenderRules Rules = FakeMethodRules.Loaded();

    private static IEnumerable<string> Keys(IEnumerable<RuleIssue> issues) => issues.Select(i => i.Key);

    [Fact]
    public void A_scheme_of_100_points_with_a_price_weight_in_range_passes() =>
        Rules.CheckScheme(ProcurementMethod.CompetitiveConsultation, Scheme((CriterionKind.Price, 30m), (CriterionKind.Technical, 70m)), fixedPrice: false)
            .Should().BeEmpty();

    [Fact]
    public void A_scheme_that_does_not_sum_to_100_is_refused_with_its_sum()
    {
        var issues = Rules.CheckScheme(ProcurementMethod.PublicTender, Scheme((CriterionKind.Price, 30m), (CriterionKind.Technical, 60m)), fixedPrice: false);

        issues.Should().ContainSingle().Which.Should().BeEquivalentTo(new RuleIssue("RuleSchemeNot100", 90m, 100m));
    }

    [Theory]
    [InlineData(ProcurementMethod.CompetitiveConsultation, "35", "RulePriceAboveMaximum")]
    [InlineData(ProcurementMethod.CompetitiveConsultation, "5", "RulePriceBelowMinimum")]
    [InlineData(ProcurementMethod.PublicTender, "5", "RulePriceBelowMinimum")]
    public void A_price_weight_outside_the_methods_range_is_refused(ProcurementMethod method, string price, string rule)
    {
        var points = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        Keys(Rules.CheckScheme(method, Scheme((CriterionKind.Price, points), (CriterionKind.Technical, 100m - points)), fixedPrice: false))
            .Should().Equal(rule);
    }

    [Fact]
    public void A_public_tender_has_no_upper_bound_on_the_price_weight() =>
        Rules.CheckScheme(ProcurementMethod.PublicTender, Scheme((CriterionKind.Price, 60m), (CriterionKind.Technical, 40m)), fixedPrice: false)
            .Should().BeEmpty();

    [Fact]
    public void A_fixed_price_tender_scores_no_price_and_needs_none()
    {
        Keys(Rules.CheckScheme(ProcurementMethod.PublicTender, Scheme((CriterionKind.Price, 20m), (CriterionKind.Technical, 80m)), fixedPrice: true))
            .Should().Equal("RuleFixedPriceScoresPrice");
        Rules.CheckScheme(ProcurementMethod.PublicTender, Scheme((CriterionKind.Technical, 100m)), fixedPrice: true).Should().BeEmpty();
    }

    [Fact]
    public void A_scored_tender_without_price_or_with_two_prices_is_refused()
    {
        Keys(Rules.CheckScheme(ProcurementMethod.PublicTender, Scheme((CriterionKind.Technical, 100m)), fixedPrice: false)).Should().Equal("RulePriceMissing");
        Keys(Rules.CheckScheme(ProcurementMethod.PublicTender, Scheme((CriterionKind.Price, 20m), (CriterionKind.Price, 20m), (CriterionKind.Technical, 60m)), fixedPrice: false))
            .Should().Equal("RulePriceDuplicate");
    }

    [Fact]
    public void A_payment_schedule_needs_100_percent_and_an_advance_of_at_least_10()
    {
        InstalmentDraft At(decimal percent, PaymentCondition condition) => new() { Percent = percent, Condition = condition };

        Rules.CheckSchedule([At(30m, PaymentCondition.Activation), At(70m, PaymentCondition.FinalPassed)]).Should().BeEmpty();
        Keys(Rules.CheckSchedule([At(30m, PaymentCondition.Activation), At(60m, PaymentCondition.FinalPassed)])).Should().Equal("RuleScheduleNot100");
        Keys(Rules.CheckSchedule([At(5m, PaymentCondition.Activation), At(95m, PaymentCondition.FinalPassed)])).Should().Equal("RuleAdvanceBelowMinimum");
        Keys(Rules.CheckSchedule([At(50m, PaymentCondition.MidTermPassed), At(50m, PaymentCondition.FinalPassed)])).Should().Equal("RuleAdvanceMissing");
    }

    [Theory]
    [InlineData(ProcurementMethod.PublicTender, "2026-12-25T02:00:00Z")]
    [InlineData(ProcurementMethod.CompetitiveConsultation, "2026-12-15T02:00:00Z")]
    [InlineData(ProcurementMethod.SingleSource, "2026-12-05T02:00:00Z")]
    public void The_earliest_deadline_is_the_methods_days_after_publication_at_the_same_Beijing_time(ProcurementMethod method, string earliest) =>
        Rules.EarliestDeadline(method, DateTimeOffset.Parse("2026-12-05T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateTimeOffset.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void An_amendment_inside_the_margin_moves_the_deadline_keeping_its_Beijing_time_of_day()
    {
        // The domain's own example: amended 2026-12-10 23:30, deadline 2026-12-20 17:00 (Beijing), margin 15 → 2026-12-26 17:00.
        var amendedAt = new DateTimeOffset(2026, 12, 10, 23, 30, 0, TimeSpan.FromHours(8));
        var deadline = new DateTimeOffset(2026, 12, 20, 17, 0, 0, TimeSpan.FromHours(8));

        Rules.DeadlineAfterAmendment(ProcurementMethod.PublicTender, amendedAt, deadline, changesBids: true)
            .Should().Be(new DateTimeOffset(2026, 12, 26, 17, 0, 0, TimeSpan.FromHours(8)));
        Rules.DeadlineAfterAmendment(ProcurementMethod.PublicTender, amendedAt, deadline, changesBids: false).Should().Be(deadline);
        Rules.DeadlineAfterAmendment(ProcurementMethod.PublicTender, amendedAt.AddDays(-10), deadline, changesBids: true).Should().Be(deadline, "outside the margin nothing moves");
    }
}
