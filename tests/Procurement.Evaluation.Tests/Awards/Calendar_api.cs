using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Messaging;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Evaluation.Tests.Awards;

public sealed class Calendar_api : IAsyncLifetime
{
    private static readonly Guid Admin = Guid.NewGuid();
    private AwardHost _host = null!;

    public async Task InitializeAsync() => _host = await AwardHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient AdminClient(string? language = null) => _host.Client(Roles.Admin, Admin, language);

    private async Task<JsonElement> CountAsync(string from, int days)
    {
        var response = await _host.Client(Roles.Agency, AwardHost.Agency1).GetAsync($"/api/evaluations/calendar/working-days?from={from}&days={days}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await AwardHost.JsonAsync(response);
    }

    [Fact]
    public async Task The_calendar_is_seeded_on_first_start_and_anyone_signed_in_reads_it()
    {
        var response = await _host.Client(Roles.Agency, AwardHost.Agency1).GetAsync("/api/evaluations/calendar");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var calendar = await AwardHost.JsonAsync(response);
        var years = calendar.GetProperty("years").EnumerateArray().ToList();
        years.Select(y => y.GetProperty("year").GetInt32()).Should().Equal(2026, 2027);
        years.Select(y => y.GetProperty("provisional").GetBoolean()).Should().Equal(false, true);
        var makeUp = calendar.GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2026-02-14");
        makeUp.GetProperty("kind").GetString().Should().Be("MakeUpWorkday");
        makeUp.GetProperty("dayOfWeek").GetString().Should().Be("Saturday");

        var oneYear = await AwardHost.JsonAsync(await _host.Client(Roles.Auditor, AwardHost.Auditor).GetAsync("/api/evaluations/calendar?year=2027"));
        oneYear.GetProperty("days").EnumerateArray().Should().OnlyContain(d => d.GetProperty("date").GetString()!.StartsWith("2027-", StringComparison.Ordinal));
        (await _host.Host.CreateClient().GetAsync("/api/evaluations/calendar")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Working_days_are_counted_on_the_calendar_and_weekends_only_outside_it_and_the_answer_says_so()
    {
        var midAutumn = await CountAsync("2026-09-18", 7);
        midAutumn.GetProperty("date").GetString().Should().Be("2026-09-29");
        midAutumn.GetProperty("weekendsOnly").GetBoolean().Should().BeFalse();
        midAutumn.GetProperty("note").ValueKind.Should().Be(JsonValueKind.Null);

        var yearEnd = await CountAsync("2027-12-28", 7);
        yearEnd.GetProperty("date").GetString().Should().Be("2028-01-06");
        yearEnd.GetProperty("weekendsOnly").GetBoolean().Should().BeTrue();
        yearEnd.GetProperty("note").GetString().Should().Contain("Outside the configured years");

        (await _host.Client(Roles.Agency, AwardHost.Agency1).GetAsync("/api/evaluations/calendar/working-days?from=2026-09-18&days=-1"))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_admin_adds_a_holiday_and_the_count_moves_out_a_day_and_removing_it_moves_it_back()
    {
        (await CountAsync("2026-11-25", 7)).GetProperty("date").GetString().Should().Be("2026-12-04");

        var added = await AdminClient().PutAsJsonAsync("/api/evaluations/calendar/days/2026-12-01", new { kind = "Holiday", name = "Local flood emergency" });
        added.StatusCode.Should().Be(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        (await CountAsync("2026-11-25", 7)).GetProperty("date").GetString().Should().Be("2026-12-07");

        (await AdminClient().DeleteAsync("/api/evaluations/calendar/days/2026-12-01")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await CountAsync("2026-11-25", 7)).GetProperty("date").GetString().Should().Be("2026-12-04");
        (await AdminClient().DeleteAsync("/api/evaluations/calendar/days/2026-12-01")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_change_the_calendar()
    {
        (await _host.Client(Roles.Purchaser, AwardHost.PurchasingUnit).PutAsJsonAsync("/api/evaluations/calendar/days/2026-12-01", new { kind = "Holiday", name = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _host.Client(Roles.Auditor, AwardHost.Auditor).DeleteAsync("/api/evaluations/calendar/days/2026-01-01"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_make_up_day_must_be_a_weekend_day_and_its_year_configured_first()
    {
        var weekday = await AdminClient("zh-CN").PutAsJsonAsync("/api/evaluations/calendar/days/2026-12-02", new { kind = "MakeUpWorkday", name = "x" });
        weekday.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await AwardHost.JsonAsync(weekday);
        problem.GetProperty("rule").GetString().Should().Be("calendar_make_up_day_not_weekend");
        problem.GetProperty("detail").GetString().Should().Contain("调休");

        var unconfigured = await AdminClient().PutAsJsonAsync("/api/evaluations/calendar/days/2028-01-31", new { kind = "Holiday", name = "Spring Festival" });
        unconfigured.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await AwardHost.JsonAsync(unconfigured)).GetProperty("rule").GetString().Should().Be("calendar_year_not_configured");

        (await AdminClient().PutAsJsonAsync("/api/evaluations/calendar/years/2028", new { provisional = true, note = "Customary dates" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AdminClient().PutAsJsonAsync("/api/evaluations/calendar/days/2028-01-31", new { kind = "Holiday", name = "Spring Festival" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AdminClient().PutAsJsonAsync("/api/evaluations/calendar/days/2028-01-29", new { kind = "MakeUpWorkday", name = "Spring Festival" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AdminClient().PutAsJsonAsync("/api/evaluations/calendar/years/1999", new { provisional = false })).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await AdminClient().PutAsJsonAsync("/api/evaluations/calendar/days/2028-01-30", new { kind = "Weekend", name = "x" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        // Friday 28 Jan 2028 + 1: Saturday 29 is now worked.
        var count = await CountAsync("2028-01-28", 1);
        count.GetProperty("date").GetString().Should().Be("2028-01-29");
        count.GetProperty("weekendsOnly").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task A_published_award_takes_its_window_from_the_calendar_as_it_stands()
    {
        var added = await AdminClient().PutAsJsonAsync("/api/evaluations/calendar/days/2026-12-01", new { kind = "Holiday", name = "Local flood emergency" });
        added.EnsureSuccessStatusCode();
        var tenderId = Guid.NewGuid();
        await _host.PublishAsync<TenderTermsForAwardConsumer, TenderPublished>(AwardHost.Tender(tenderId));
        await _host.RecommendAsync(AwardHost.Ranking(tenderId, out _, out _));

        var award = await _host.Client(Roles.Purchaser, AwardHost.PurchasingUnit).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/award", new { });
        award.StatusCode.Should().Be(HttpStatusCode.OK, await award.Content.ReadAsStringAsync());
        (await AwardHost.JsonAsync(award)).GetProperty("challengeWindowEnds").GetString().Should().Be("2026-12-07");
    }
}
