namespace Procurement.Rules.Tests;

/// <summary>The one registration-date rule Bidding and Identity both keep: the Beijing calendar day decides "today".</summary>
public sealed class A_registration_date_is_not_after_today_in_Beijing
{
    // 2026-11-25 17:00 UTC is 2026-11-26 01:00 in Beijing.
    private static readonly DateTimeOffset LateInTheUtcDay = new(2026, 11, 25, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Today_in_Beijing_is_allowed_while_it_is_still_yesterday_in_UTC() =>
        RegistrationDateRules.Check(new DateOnly(2026, 11, 26), LateInTheUtcDay).Should().BeNull();

    [Fact]
    public void The_day_after_today_in_Beijing_is_refused_on_the_field() =>
        RegistrationDateRules.Check(new DateOnly(2026, 11, 27), LateInTheUtcDay)
            .Should().Be(new Finding(RegistrationDateRules.InFuture, "registrationDate"));

    [Fact]
    public void A_day_of_the_past_is_allowed_and_the_next_day_refused_by_the_calendar_day_given()
    {
        var today = new DateOnly(2026, 11, 25);

        RegistrationDateRules.Check(new DateOnly(2015, 6, 1), today).Should().BeNull();
        RegistrationDateRules.Check(today, today).Should().BeNull();
        RegistrationDateRules.Check(today.AddDays(1), today)!.Code.Should().Be("registration_date_in_future");
    }
}
