using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Admin;

namespace Procurement.Portal.Tests.Oversight;

public sealed class The_admin_keeps_the_working_day_calendar : OversightContext
{
    private readonly List<CalendarYearResponse> _years = [];
    private readonly List<CalendarDayResponse> _days = [];
    private readonly ApiFake _api;

    public The_admin_keeps_the_working_day_calendar()
    {
        SignIn("admin", "admin", "政府购买服务平台运营中心");
        _api = Fake<IWorkingDayCalendarClient>()
            .On("GetWorkingDayCalendarAsync", args => new CalendarResponse
            {
                Years = [.. _years.Where(y => args[0] is null || y.Year == (int)args[0]!)],
                Days = [.. _days],
                OutsideConfiguredYears = "weekends only",
            })
            .On("ConfigureCalendarYearAsync", args =>
            {
                var body = (CalendarYearRequest)args[1]!;
                var year = new CalendarYearResponse { Year = (int)args[0]!, Provisional = body.Provisional ?? false, Note = body.Note };
                _years.Add(year);
                return year;
            })
            .On("SetCalendarDayAsync", args =>
            {
                var date = (DateOnly)args[0]!;
                var body = (CalendarDayRequest)args[1]!;
                var day = new CalendarDayResponse
                {
                    Date = date, Kind = Enum.Parse<CalendarDayKind>(body.Kind!), Name = body.Name!,
                };
                _days.Add(day);
                return day;
            })
            .On("RemoveCalendarDayAsync", args => _days.RemoveAll(d => d.Date == (DateOnly)args[0]!));
    }

    [Fact]
    public void A_holiday_added_with_the_date_picker_shows_in_its_month_and_goes_when_removed()
    {
        _years.Add(new CalendarYearResponse { Year = 2027, Provisional = false });
        var page = Render<Calendar>();
        page.WaitForElement("[data-testid='calendar-add-form']");
        page.Find("[data-testid='calendar-year']").TextContent.Should().Contain("2027");

        page.Find("[data-testid='calendar-date']").Change("2027-10-01");
        page.Find("[data-testid='calendar-kind']").Change("Holiday");
        page.Find("[data-testid='calendar-name']").Change("国庆节");
        page.Find("[data-testid='calendar-add']").Click();

        var day = page.WaitForElement("[data-testid='calendar-month-10'] [data-testid='calendar-day']");
        day.GetAttribute("data-date").Should().Be("2027-10-01");
        day.GetAttribute("data-kind").Should().Be("Holiday");
        day.TextContent.Should().Contain("国庆节").And.Contain("法定节假日");
        _api.CallsOf("SetCalendarDayAsync").Should().ContainSingle().Which[0].Should().Be(new DateOnly(2027, 10, 1));

        page.Find("[data-testid='calendar-month-10'] [data-testid='calendar-remove']").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid='calendar-day']").Should().BeEmpty());
        _api.CallsOf("RemoveCalendarDayAsync").Should().ContainSingle().Which[0].Should().Be(new DateOnly(2027, 10, 1));
    }

    [Fact]
    public void A_make_up_working_day_is_sent_as_such_and_counted_in_its_month()
    {
        _years.Add(new CalendarYearResponse { Year = 2027, Provisional = true, Note = "待国务院通知" });
        var page = Render<Calendar>();
        page.WaitForElement("[data-testid='calendar-add-form']");
        page.Find("[data-testid='calendar-configured']").TextContent.Should().Contain("暂定");

        page.Find("[data-testid='calendar-date']").Change("2027-09-26");
        page.Find("[data-testid='calendar-kind']").Change("MakeUpWorkday");
        page.Find("[data-testid='calendar-name']").Change("国庆节调休");
        page.Find("[data-testid='calendar-add']").Click();

        page.WaitForElement("[data-testid='calendar-month-9'] [data-testid='calendar-day']").GetAttribute("data-kind").Should().Be("MakeUpWorkday");
        ((CalendarDayRequest)_api.CallsOf("SetCalendarDayAsync").Single()[1]!).Kind.Should().Be("MakeUpWorkday");
        page.Find("[data-testid='calendar-month-9']").TextContent.Should().Contain("节假日 0 天，调休上班日 1 天");
    }

    [Fact]
    public void A_year_not_configured_is_configured_before_its_days_are_added()
    {
        var page = Render<Calendar>();
        page.WaitForElement("[data-testid='calendar-not-configured']");
        page.FindAll("[data-testid='calendar-add-form']").Should().BeEmpty();

        page.Find("[data-testid='calendar-provisional']").Change(true);
        page.Find("[data-testid='calendar-configure']").Click();

        page.WaitForElement("[data-testid='calendar-add-form']");
        _api.CallsOf("ConfigureCalendarYearAsync").Should().ContainSingle().Which[0].Should().Be(2027);
    }

    [Fact]
    public void The_months_hold_only_the_days_of_their_year_in_date_order()
    {
        var months = CalendarMonths.Of(2027,
        [
            new CalendarDayResponse { Date = new DateOnly(2027, 10, 3), Kind = CalendarDayKind.Holiday, Name = "国庆节" },
            new CalendarDayResponse { Date = new DateOnly(2027, 10, 1), Kind = CalendarDayKind.Holiday, Name = "国庆节" },
            new CalendarDayResponse { Date = new DateOnly(2028, 1, 1), Kind = CalendarDayKind.Holiday, Name = "元旦" },
        ]);

        months.Should().HaveCount(12);
        months[9].Days.Select(d => d.Date.Day).Should().Equal(1, 3);
        months[9].Holidays.Should().Be(2);
        months[0].Days.Should().BeEmpty();
    }
}
