using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests.Rules;

public sealed class A_late_amendment_moves_the_deadline_to_restore_the_margin
{
    private static readonly ProcurementMethodRule PublicTender = ProcurementMethodRules.Default[ProcurementMethod.PublicTender];
    private static readonly ProcurementMethodRule Consultation = ProcurementMethodRules.Default[ProcurementMethod.CompetitiveConsultation];
    private static readonly DateTimeOffset Deadline = Beijing.At(2026, 12, 20, 17, 0);

    [Fact]
    public void An_amendment_16_days_before_the_deadline_leaves_it_alone()
    {
        PublicTender.AmendmentMovesDeadline(Beijing.At(2026, 12, 4, 17, 0), Deadline, out var newDeadline).Should().BeFalse();
        newDeadline.Should().Be(Deadline);
    }

    [Fact]
    public void An_amendment_exactly_15_days_before_the_deadline_leaves_it_alone()
    {
        PublicTender.AmendmentMovesDeadline(Beijing.At(2026, 12, 5, 17, 0), Deadline, out var newDeadline).Should().BeFalse();
        newDeadline.Should().Be(Deadline);
    }

    [Fact]
    public void An_amendment_one_second_inside_the_15_day_margin_moves_the_deadline_a_day_at_the_same_time()
    {
        PublicTender.AmendmentMovesDeadline(Beijing.At(2026, 12, 5, 17, 0, 1), Deadline, out var newDeadline).Should().BeTrue();
        newDeadline.Should().Be(Beijing.At(2026, 12, 21, 17, 0));
    }

    [Fact]
    public void An_amendment_14_days_before_the_deadline_moves_it_to_15_days_after_the_amendment()
    {
        PublicTender.AmendmentMovesDeadline(Beijing.At(2026, 12, 6, 17, 0), Deadline, out var newDeadline).Should().BeTrue();
        newDeadline.Should().Be(Beijing.At(2026, 12, 21, 17, 0));
    }

    [Fact]
    public void A_late_night_amendment_keeps_the_announced_time_of_day_on_the_first_day_that_restores_the_margin()
    {
        // 12-10 23:30 + 15 days = 12-25 23:30; 17:00 on the 25th is short of that, so 17:00 on the 26th.
        PublicTender.AmendmentMovesDeadline(Beijing.At(2026, 12, 10, 23, 30), Deadline, out var newDeadline).Should().BeTrue();

        newDeadline.Should().Be(Beijing.At(2026, 12, 26, 17, 0));
        newDeadline.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_morning_amendment_moves_the_deadline_to_the_same_day_the_margin_ends()
    {
        // 12-10 09:00 + 15 days = 12-25 09:00; 17:00 that day already restores the margin.
        PublicTender.AmendmentMovesDeadline(Beijing.At(2026, 12, 10, 9, 0), Deadline, out var newDeadline).Should().BeTrue();

        newDeadline.Should().Be(Beijing.At(2026, 12, 25, 17, 0));
    }

    [Fact]
    public void The_moved_deadline_crosses_the_month_and_year_on_the_Shanghai_calendar()
    {
        var deadline = Beijing.At(2026, 12, 31, 9, 30);

        PublicTender.AmendmentMovesDeadline(Beijing.At(2026, 12, 30, 0, 30), deadline, out var newDeadline).Should().BeTrue();

        newDeadline.ToShanghai().DateTime.Should().Be(new DateTime(2027, 1, 14, 9, 30, 0));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(8, 59)]
    [InlineData(9, 0)]
    [InlineData(16, 59)]
    [InlineData(17, 0)]
    [InlineData(17, 1)]
    [InlineData(23, 59)]
    public void A_moved_deadline_is_at_least_the_margin_and_less_than_a_day_more_after_the_amendment(int hour, int minute)
    {
        var amendment = Beijing.At(2026, 12, 12, hour, minute);

        PublicTender.AmendmentMovesDeadline(amendment, Deadline, out var newDeadline).Should().BeTrue();

        newDeadline.Should().BeOnOrAfter(amendment.AddDays(15)).And.BeBefore(amendment.AddDays(16));
        newDeadline.ToShanghai().TimeOfDay.Should().Be(new TimeSpan(17, 0, 0));
    }

    [Fact]
    public void A_consultation_amendment_exactly_5_days_before_the_deadline_leaves_it_alone()
    {
        Consultation.AmendmentMovesDeadline(Beijing.At(2026, 12, 15, 17, 0), Deadline, out _).Should().BeFalse();
    }

    [Fact]
    public void A_consultation_amendment_4_days_before_the_deadline_moves_it_to_5_days_after_the_amendment()
    {
        Consultation.AmendmentMovesDeadline(Beijing.At(2026, 12, 16, 17, 0), Deadline, out var newDeadline).Should().BeTrue();

        newDeadline.Should().Be(Beijing.At(2026, 12, 21, 17, 0));
    }

    [Fact]
    public void A_single_source_amendment_never_moves_the_deadline()
    {
        var rule = ProcurementMethodRules.Default[ProcurementMethod.SingleSource];

        rule.AmendmentMovesDeadline(Deadline.AddMinutes(-1), Deadline, out var newDeadline).Should().BeFalse();
        newDeadline.Should().Be(Deadline);
    }
}
