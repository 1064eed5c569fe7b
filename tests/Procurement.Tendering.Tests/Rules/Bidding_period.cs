using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests.Rules;

public sealed class The_bid_deadline_is_at_least_the_methods_days_after_publication
{
    private static readonly ProcurementMethodRules Rules = ProcurementMethodRules.Default;
    private static readonly DateTimeOffset Published = Beijing.At(2026, 12, 1, 10, 0);

    [Fact]
    public void A_public_tender_may_close_20_days_after_publication()
    {
        var rule = Rules[ProcurementMethod.PublicTender];

        rule.MinimumDeadline(Published).Should().Be(Beijing.At(2026, 12, 21, 10, 0));
        rule.Invoking(r => r.CheckDeadline(Published, Beijing.At(2026, 12, 21, 10, 0))).Should().NotThrow();
    }

    [Fact]
    public void A_public_tender_may_not_close_19_days_after_publication()
    {
        var check = () => Rules[ProcurementMethod.PublicTender].CheckDeadline(Published, Beijing.At(2026, 12, 20, 10, 0));

        var refusal = check.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("bid_period_too_short");
        refusal.Field.Should().Be("bidDeadline");
        refusal.Args.Should().Equal(20, "2026-12-21 10:00", "2026-12-20 10:00");
    }

    [Fact]
    public void On_the_20th_day_the_deadline_may_not_fall_before_the_publications_time_of_day()
    {
        var check = () => Rules[ProcurementMethod.PublicTender].CheckDeadline(Published, Beijing.At(2026, 12, 21, 9, 59));

        check.Should().Throw<RuleViolationException>().Which.Code.Should().Be("bid_period_too_short");
    }

    [Fact]
    public void A_competitive_consultation_may_close_10_days_after_publication()
    {
        Rules[ProcurementMethod.CompetitiveConsultation]
            .Invoking(r => r.CheckDeadline(Published, Beijing.At(2026, 12, 11, 10, 0))).Should().NotThrow();
    }

    [Fact]
    public void A_competitive_consultation_may_not_close_9_days_after_publication()
    {
        var check = () => Rules[ProcurementMethod.CompetitiveConsultation].CheckDeadline(Published, Beijing.At(2026, 12, 10, 10, 0));

        check.Should().Throw<RuleViolationException>().Which.Args[0].Should().Be(10);
    }

    [Fact]
    public void Days_are_counted_on_the_Shanghai_calendar_and_the_answer_is_in_UTC()
    {
        // 01:00 in Beijing is still the previous day in UTC; the count follows the Beijing date.
        var publishedJustAfterMidnight = Beijing.At(2026, 12, 1, 1, 0);

        var earliest = Rules[ProcurementMethod.PublicTender].MinimumDeadline(publishedJustAfterMidnight);

        earliest.Offset.Should().Be(TimeSpan.Zero);
        earliest.ToShanghai().DateTime.Should().Be(new DateTime(2026, 12, 21, 1, 0, 0));
        earliest.ShanghaiDate().Should().Be(new DateOnly(2026, 12, 21));
    }

    [Fact]
    public void A_single_source_tender_has_no_bidding_period_of_its_own()
    {
        var rule = Rules[ProcurementMethod.SingleSource];

        rule.MinimumBiddingDays.Should().BeNull();
        rule.MinimumDeadline(Published).Should().Be(Published);
        rule.Invoking(r => r.CheckDeadline(Published, Published.AddMinutes(1))).Should().NotThrow();
    }
}
