using System.Net;
using System.Net.Http.Json;
using MassTransit.Testing;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Messaging;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Evaluation.Tests.Awards;

public sealed class Awards_api : IAsyncLifetime
{
    // Published Wednesday 25 Nov 2026 at 10:00 in Shanghai: the window's last day is Friday 4 Dec; it closes at 00:00 on 5 Dec in Shanghai.
    private static readonly DateTimeOffset WindowClosesAt = new(2026, 12, 4, 16, 0, 0, TimeSpan.Zero);
    private readonly Guid _tenderId = Guid.NewGuid();
    private readonly Guid _programId = Guid.NewGuid();
    private AwardHost _host = null!;
    private Guid _firstBid;
    private Guid _secondBid;

    public async Task InitializeAsync()
    {
        _host = await AwardHost.StartAsync();
        await Recommend(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task Recommend(AwardHost host)
    {
        await host.PublishAsync<TenderTermsForAwardConsumer, TenderPublished>(AwardHost.Tender(_tenderId, _programId));
        await host.RecommendAsync(AwardHost.Ranking(_tenderId, out _firstBid, out _secondBid));
    }

    private string AwardPath => $"/api/evaluations/tenders/{_tenderId}/award";

    private HttpClient Purchaser(string? language = null) => _host.Client(Roles.Purchaser, AwardHost.PurchasingUnit, language);

    private HttpClient Agency(Guid agency, string? language = null) => _host.Client(Roles.Agency, agency, language);

    private async Task<HttpResponseMessage> ConfirmAsync(object? body = null) => await Purchaser().PostAsJsonAsync(AwardPath, body ?? new { });

    private async Task<Guid> ChallengeAsync(Guid agency, string text)
    {
        var response = await Agency(agency).PostAsJsonAsync($"{AwardPath}/challenges", new { text });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await AwardHost.JsonAsync(response)).GetProperty("id").GetGuid();
    }

    private async Task<string?> StatusAsync() =>
        (await AwardHost.JsonAsync(await Purchaser().GetAsync(AwardPath))).GetProperty("status").GetString();

    [Fact]
    public async Task The_purchaser_confirms_the_recommended_bid_and_the_result_is_published_with_a_seven_working_day_window()
    {
        var response = await ConfirmAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var award = await AwardHost.JsonAsync(response);
        award.GetProperty("status").GetString().Should().Be("Published");
        award.GetProperty("bidId").GetGuid().Should().Be(_firstBid);
        award.GetProperty("agencyId").GetGuid().Should().Be(AwardHost.Agency1);
        award.GetProperty("amount").GetRawText().Should().Be("450000.00");
        award.GetProperty("noticeDate").GetString().Should().Be("2026-11-25");
        award.GetProperty("challengeWindowWorkingDays").GetInt32().Should().Be(7);
        award.GetProperty("challengeWindowEnds").GetString().Should().Be("2026-12-04");
        award.GetProperty("challengeWindowClosesAtLocal").GetString().Should().Be("2026-12-05T00:00:00+08:00");
        award.GetProperty("windowCountedOnWeekendsOnly").GetBoolean().Should().BeFalse();
        (await _host.PublishedAsync<AwardPublished>(m =>
            m.TenderId == _tenderId && m.BidId == _firstBid
            && m.ChallengeWindowEnds == new DateOnly(2026, 12, 4) && m.Amount == 450_000.00m)).Should().BeTrue();
    }

    [Fact]
    public async Task Anyone_reads_the_result_announcement_once_it_is_published_and_nothing_of_the_recommendation_before()
    {
        using var anyone = _host.Host.CreateClient();
        var route = $"/api/public/results/{_tenderId}";
        var before = await anyone.GetAsync(route);
        before.StatusCode.Should().Be(HttpStatusCode.NotFound, "the panel's ranking is not public before the purchaser publishes the result");
        (await before.Content.ReadAsStringAsync()).Should().NotContain("Sunshine").And.NotContain("86.67");

        (await ConfirmAsync(new { bidId = _secondBid, reason = "The rank-1 agency declined in writing." })).EnsureSuccessStatusCode();

        var response = await anyone.GetAsync(route);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await AwardHost.JsonAsync(response);
        result.GetProperty("status").GetString().Should().Be("Published");
        result.GetProperty("winnerName").GetString().Should().Be("Chunhui Social Work Service Agency");
        result.GetProperty("amount").GetRawText().Should().Be("430000.00");
        result.GetProperty("awardedRank").GetInt32().Should().Be(2);
        var ranking = result.GetProperty("ranking").EnumerateArray().ToList();
        ranking.Select(r => r.GetProperty("agencyName").GetString()).Should().Equal("Sunshine Social Work Service Centre", "Chunhui Social Work Service Agency");
        ranking.Select(r => r.GetProperty("total").GetDecimal()).Should().Equal(86.67m, 80.10m);
        ranking.Select(r => r.GetProperty("priceScore").GetDecimal()).Should().Equal(28.67m, 30.00m);
        var announced = ranking.Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("agencyName").GetString()!,
            r.GetProperty("price").GetDecimal(), (decimal?)r.GetProperty("priceScore").GetDecimal(), r.GetProperty("total").GetDecimal())).ToList();
        (await _host.PublishedAsync<AwardPublished>(m => m.TenderId == _tenderId
            && m.Ranking is { } sent && sent.Select(r => (r.Rank, r.AgencyName, r.Price, r.PriceScore, r.Total)).SequenceEqual(announced)))
            .Should().BeTrue("the award's event carries the ranking the result announcement shows, for the open data");
        result.GetProperty("invalidBids").GetInt32().Should().Be(1);
        result.GetProperty("noticeDate").GetString().Should().Be("2026-11-25");
        result.GetProperty("challengeWindowWorkingDays").GetInt32().Should().Be(7);
        result.GetProperty("challengeWindowEnds").GetString().Should().Be("2026-12-04");
        result.GetProperty("challengeWindowClosesAtLocal").GetString().Should().Be("2026-12-05T00:00:00+08:00");
        var text = result.GetRawText();
        text.Should().NotContain("declined", "the reason for passing over rank 1 is for auditors")
            .And.NotContain("督导", "a refused bid's reasons are its agency's own business")
            .And.NotContain(AwardHost.Agency1.ToString()).And.NotContain(_firstBid.ToString(), "the platform's ids stay inside");
    }

    [Fact]
    public async Task Bidders_see_the_result_only_once_it_is_published_and_other_agencies_never()
    {
        (await Agency(AwardHost.Agency2).GetAsync(AwardPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the recommendation is not public");
        (await _host.Client(Roles.Auditor, AwardHost.Auditor).GetAsync(AwardPath)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.Client(Roles.Purchaser, Guid.NewGuid()).GetAsync(AwardPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another unit's award");

        (await ConfirmAsync()).EnsureSuccessStatusCode();

        var seen = await AwardHost.JsonAsync(await Agency(AwardHost.InvalidAgency).GetAsync(AwardPath));
        seen.GetProperty("agencyName").GetString().Should().Be("Sunshine Social Work Service Centre");
        seen.GetProperty("invalid").EnumerateArray().Should().ContainSingle("an agency sees its own refusal only");
        (await Agency(AwardHost.Stranger).GetAsync(AwardPath)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_units_purchaser_cannot_confirm()
    {
        var response = await _host.Client(Roles.Purchaser, Guid.NewGuid()).PostAsJsonAsync(AwardPath, new { });
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Agency(AwardHost.Agency1).PostAsJsonAsync(AwardPath, new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Awarding_the_second_ranked_bid_needs_a_written_reason_in_the_callers_language()
    {
        var refused = await Purchaser("zh-CN").PostAsJsonAsync(AwardPath, new { bidId = _secondBid });
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await AwardHost.JsonAsync(refused);
        problem.GetProperty("rule").GetString().Should().Be("award_reason_required");
        problem.GetProperty("detail").GetString().Should().Contain("第 2 名");

        var accepted = await Purchaser().PostAsJsonAsync(AwardPath, new { bidId = _secondBid, reason = "The rank-1 agency withdrew in writing on 24 Nov." });
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await AwardHost.JsonAsync(accepted)).GetProperty("awardedRank").GetInt32().Should().Be(2);

        var auditorView = await AwardHost.JsonAsync(await _host.Client(Roles.Auditor, AwardHost.Auditor).GetAsync(AwardPath));
        auditorView.GetProperty("deviationReason").GetString().Should().Be("The rank-1 agency withdrew in writing on 24 Nov.");
        var agencyView = await AwardHost.JsonAsync(await Agency(AwardHost.Agency2).GetAsync(AwardPath));
        agencyView.GetProperty("deviationReason").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_award_is_confirmed_to_contracting_after_the_window_and_not_before()
    {
        (await ConfirmAsync()).EnsureSuccessStatusCode();

        _host.Clock.SetUtcNow(WindowClosesAt.AddTicks(-1));
        (await _host.Confirmer.ConfirmDueAwardsAsync(CancellationToken.None)).Should().Be(0);
        (await _host.OutboxCountAsync<AwardConfirmed>()).Should().Be(0);
        (await StatusAsync()).Should().Be("Published");

        _host.Clock.SetUtcNow(WindowClosesAt);
        (await _host.Confirmer.ConfirmDueAwardsAsync(CancellationToken.None)).Should().Be(1);
        (await StatusAsync()).Should().Be("Confirmed");
        (await _host.PublishedAsync<AwardConfirmed>(m => m.TenderId == _tenderId)).Should().BeTrue();
        var confirmed = _host.Harness.Published.Select<AwardConfirmed>().Select(m => m.Context.Message).Single(m => m.TenderId == _tenderId);
        confirmed.ProgramId.Should().Be(_programId);
        confirmed.PurchasingUnitId.Should().Be(AwardHost.PurchasingUnit);
        confirmed.BidId.Should().Be(_firstBid);
        confirmed.AgencyId.Should().Be(AwardHost.Agency1);
        confirmed.AgencyName.Should().Be("Sunshine Social Work Service Centre");
        confirmed.ProcurementMethod.Should().Be("PublicTender");
        confirmed.Amount.Should().Be(450_000.00m);
        confirmed.ServiceStart.Should().Be(new DateOnly(2027, 1, 1));
        confirmed.ServiceEnd.Should().Be(new DateOnly(2027, 12, 31));
        confirmed.Kpis.Select(k => k.Name).Should().Equal("Service hours", "People served");
        confirmed.PaymentSchedule.Select(i => i.Percent).Should().Equal(30m, 40m, 30m);
        confirmed.AwardNoticeDate.Should().Be(new DateOnly(2026, 11, 25));
        confirmed.ConfirmedAt.Should().Be(WindowClosesAt);

        (await _host.Confirmer.ConfirmDueAwardsAsync(CancellationToken.None)).Should().Be(0, "an award is confirmed once");
        (await _host.OutboxCountAsync<AwardConfirmed>()).Should().Be(1);
    }

    [Fact]
    public async Task An_unanswered_challenge_holds_the_confirmation_until_the_purchaser_answers_it()
    {
        (await ConfirmAsync()).EnsureSuccessStatusCode();
        var challengeId = await ChallengeAsync(AwardHost.Agency2, "Our service plan score looks inconsistent with the panel's comments.");

        _host.Clock.SetUtcNow(WindowClosesAt.AddDays(3));
        (await _host.Confirmer.ConfirmDueAwardsAsync(CancellationToken.None)).Should().Be(0);
        (await _host.OutboxCountAsync<AwardConfirmed>()).Should().Be(0);
        var held = await AwardHost.JsonAsync(await Purchaser().GetAsync(AwardPath));
        held.GetProperty("status").GetString().Should().Be("Published");
        held.GetProperty("unansweredChallenges").GetInt32().Should().Be(1);

        var answered = await Purchaser().PostAsJsonAsync($"{AwardPath}/challenges/{challengeId}/answer", new { answer = "The panel re-checked the sheets; the scores stand." });
        answered.StatusCode.Should().Be(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());

        (await _host.Confirmer.ConfirmDueAwardsAsync(CancellationToken.None)).Should().Be(1);
        (await StatusAsync()).Should().Be("Confirmed");
        (await _host.PublishedAsync<AwardConfirmed>(m => m.TenderId == _tenderId)).Should().BeTrue();
    }

    [Fact]
    public async Task A_challenge_after_the_window_is_refused_and_one_from_an_agency_that_did_not_bid_too()
    {
        (await ConfirmAsync()).EnsureSuccessStatusCode();
        (await Agency(AwardHost.Stranger).PostAsJsonAsync($"{AwardPath}/challenges", new { text = "I object" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Agency(AwardHost.Agency2).PostAsJsonAsync($"{AwardPath}/challenges", new { text = " " }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);

        _host.Clock.SetUtcNow(WindowClosesAt.AddTicks(-1));
        await ChallengeAsync(AwardHost.Agency2, "Lodged on the last day.");

        _host.Clock.SetUtcNow(WindowClosesAt);
        var late = await Agency(AwardHost.Agency2, "zh-CN").PostAsJsonAsync($"{AwardPath}/challenges", new { text = "Too late" });
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await AwardHost.JsonAsync(late);
        problem.GetProperty("rule").GetString().Should().Be("challenge_window_closed");
        problem.GetProperty("detail").GetString().Should().Contain("2026-12-04").And.Contain("质疑期");
    }

    [Fact]
    public async Task Challenges_are_read_by_the_purchaser_and_auditors_in_full_and_by_each_bidder_only_its_own()
    {
        (await ConfirmAsync()).EnsureSuccessStatusCode();
        var agency2s = await ChallengeAsync(AwardHost.Agency2, "Why was our price score lower?");
        var invalids = await ChallengeAsync(AwardHost.InvalidAgency, "Our supervisor's certificate was attached.");

        async Task<Guid[]> ReadAsync(HttpClient client) =>
            [.. (await AwardHost.JsonAsync(await client.GetAsync($"{AwardPath}/challenges"))).EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];

        (await ReadAsync(Purchaser())).Should().BeEquivalentTo([agency2s, invalids]);
        (await ReadAsync(_host.Client(Roles.Auditor, AwardHost.Auditor))).Should().BeEquivalentTo([agency2s, invalids]);
        (await ReadAsync(Agency(AwardHost.Agency2))).Should().Equal(agency2s);
        (await ReadAsync(Agency(AwardHost.Agency1))).Should().BeEmpty();
        (await Agency(AwardHost.Stranger).GetAsync($"{AwardPath}/challenges")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var answer = $"{AwardPath}/challenges/{agency2s}/answer";
        (await Purchaser().PostAsJsonAsync(answer, new { answer = "Price score follows the formula." })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Purchaser().PostAsJsonAsync(answer, new { answer = "Again." })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ConfirmAsync()).StatusCode.Should().Be(HttpStatusCode.Conflict, "a published award is confirmed once");
        (await _host.Client(Roles.Purchaser, Guid.NewGuid()).PostAsJsonAsync($"{AwardPath}/challenges/{invalids}/answer", new { answer = "Not mine." }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_amendment_before_the_award_changes_what_goes_to_contracting()
    {
        var tender = AwardHost.Tender(_tenderId, _programId);
        await _host.PublishAsync<TenderAmendedForAwardConsumer, TenderAmended>(new TenderAmended(
            _tenderId, 1, "The service starts a month later; a satisfaction KPI is added.", ChangesBids: true, ["serviceStart", "kpis"],
            tender.BidDeadline, tender.BidDeadline, DeadlineMoved: false, tender.BudgetCeiling,
            new DateOnly(2027, 2, 1), new DateOnly(2028, 1, 31), tender.Staffing, tender.PersonnelCost, tender.Evaluation,
            [.. tender.Kpis, new KpiTerms("Satisfaction", "%", 90m)], tender.PaymentSchedule, tender.Eligibility, tender.BidSecurity,
            AwardHost.Now.AddDays(-40), tender.Rules));
        (await ConfirmAsync()).EnsureSuccessStatusCode();

        _host.Clock.SetUtcNow(WindowClosesAt);
        (await _host.Confirmer.ConfirmDueAwardsAsync(CancellationToken.None)).Should().Be(1);
        (await _host.PublishedAsync<AwardConfirmed>(m => m.TenderId == _tenderId
            && m.ServiceStart == new DateOnly(2027, 2, 1) && m.ServiceEnd == new DateOnly(2028, 1, 31) && m.Kpis.Count == 3)).Should().BeTrue();
    }

    [Fact]
    public async Task A_cancelled_tender_cannot_be_awarded()
    {
        await _host.PublishAsync<TenderCancelledForAwardConsumer, TenderCancelled>(new TenderCancelled(_tenderId, "Program merged", AwardHost.Now));

        var response = await ConfirmAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await AwardHost.JsonAsync(response)).GetProperty("rule").GetString().Should().Be("award_cancelled");
    }

    [Fact]
    public async Task A_window_that_closed_while_the_service_was_down_is_confirmed_at_the_next_start()
    {
        var clock = new FakeTimeProvider(AwardHost.Now);
        var data = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
        var before = await AwardHost.StartAsync(clock, data, keepData: true);
        try
        {
            await Recommend(before);
            (await before.Client(Roles.Purchaser, AwardHost.PurchasingUnit).PostAsJsonAsync(AwardPath, new { })).EnsureSuccessStatusCode();
            await before.Host.App.StopAsync();
            clock.SetUtcNow(WindowClosesAt.AddDays(2));
        }
        finally
        {
            await before.DisposeAsync();
        }

        await using var after = await AwardHost.StartAsync(clock, data);
        var purchaser = after.Client(Roles.Purchaser, AwardHost.PurchasingUnit);
        var until = DateTime.UtcNow.AddSeconds(10);
        string? status = null;
        while (DateTime.UtcNow < until && status != "Confirmed")
        {
            status = (await AwardHost.JsonAsync(await purchaser.GetAsync(AwardPath))).GetProperty("status").GetString();
            await Task.Delay(50);
        }

        status.Should().Be("Confirmed", "the start-up pass confirms what the clock missed");
        (await after.PublishedAsync<AwardConfirmed>(m => m.TenderId == _tenderId)).Should().BeTrue();
    }
}
