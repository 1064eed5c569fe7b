using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracting.Continuity.Scheduling;
using Procurement.Contracts.Continuity;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// The continuity endpoints over HTTP, fed by the events they consume (programs, tenders, instalments paid) and the
/// contracts Contracting keeps; the renewal clock's pass is run by the tests on the fake clock.
/// Award contracts: 480,000.00 over 2027 → 40,000.00 a month; advance 30 % → 144,000.00.
/// </summary>
public sealed class Continuity_api : IAsyncLifetime
{
    private static readonly Guid AgencyA = Guid.NewGuid();
    private static readonly Guid AgencyB = Guid.NewGuid();
    private static readonly DateOnly Jan1 = new(2027, 1, 1);
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_timeline_shows_segments_with_cash_against_accrual_for_the_purchaser()
    {
        var program = await ProgramAsync(Jan1);
        var award = ContractingApi.Award(AgencyA, program: program);
        var contract = await _api.ActiveAsync(award);
        await PaidAsync(award, contract, 144_000.00m, Jan1);
        await _api.RunClockOnAsync(new DateOnly(2027, 6, 30));

        var timeline = await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/programs/{program}/timeline");

        // Defaults: from the program's first day to today (2027-06-30).
        timeline.GetProperty("from").GetString().Should().Be("2027-01-01");
        timeline.GetProperty("to").GetString().Should().Be("2027-06-30");
        timeline.GetProperty("gapDays").GetInt32().Should().Be(0);
        // Ahead while accrual ≤ 144,000.00: to 04-18 (3 months + 18/30 = 3.6 → 144,000.00); behind from 04-19
        // (144,000.00 paid ≥ accrual − advance until accrual passes 288,000.00 = 7.2 months, after 06-30).
        var segments = timeline.GetProperty("segments").EnumerateArray().ToList();
        segments.Select(s => (s.GetProperty("from").GetString(), s.GetProperty("to").GetString(), s.GetProperty("cash").GetString(), s.GetProperty("gap").GetBoolean()))
            .Should().Equal(("2027-01-01", "2027-04-18", "Ahead", false), ("2027-04-19", "2027-06-30", "Behind", false));
        segments[0].GetProperty("contractId").GetGuid().Should().Be(contract);
        segments[0].GetProperty("funding").GetString().Should().Be("Active");
        segments[0].GetProperty("costAccrued").GetRawText().Should().Be("144000.00");
        // 06-30: 6 whole months → 240,000.00 accrued.
        segments[1].GetProperty("costAccrued").GetRawText().Should().Be("240000.00");
        segments[1].GetProperty("cashPaid").GetRawText().Should().Be("144000.00");
        segments[1].GetProperty("advance").GetRawText().Should().Be("144000.00");
    }

    [Fact]
    public async Task Only_the_purchaser_the_programs_agencies_and_auditors_see_a_timeline_and_agencies_see_only_their_own_cash()
    {
        var program = await ProgramAsync(Jan1);
        var awardA = ContractingApi.Award(AgencyA, program: program);
        var contractA = await _api.ActiveAsync(awardA);
        await PaidAsync(awardA, contractA, 480_000.00m, Jan1);
        // Agency B won the next year's tender; its contract is drafted, not yet signed.
        var contractB = await _api.DraftedFromAsync(ContractingApi.Award(AgencyB, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), program: program));
        var path = $"/api/continuity/programs/{program}/timeline?from=2027-12-30&to=2028-01-02";

        (await _api.Client(Roles.Purchaser, Guid.NewGuid()).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AgencyClient(Guid.NewGuid()).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var asA = (await _api.GetAsync(_api.AgencyClient(AgencyA), path)).GetProperty("segments").EnumerateArray().ToList();
        asA.Select(s => s.GetProperty("contractId").GetGuid()).Should().Equal(contractA, contractB);
        asA[0].GetProperty("cashPaid").GetRawText().Should().Be("480000.00");
        asA[1].GetProperty("cashPaid").ValueKind.Should().Be(JsonValueKind.Null, "agency A may not see agency B's cash");
        asA[1].GetProperty("funding").GetString().Should().Be("NotActive");
        asA[1].GetProperty("projected").GetBoolean().Should().BeTrue();

        var asB = (await _api.GetAsync(_api.AgencyClient(AgencyB), path)).GetProperty("segments").EnumerateArray().ToList();
        asB[0].GetProperty("cashPaid").ValueKind.Should().Be(JsonValueKind.Null);
        asB[1].GetProperty("cashPaid").GetRawText().Should().Be("0.00");

        foreach (var client in new[] { _api.PurchaserClient(), _api.AuditorClient() })
        {
            var all = (await _api.GetAsync(client, path)).GetProperty("segments").EnumerateArray().ToList();
            all.Should().HaveCount(2);
            all.Should().OnlyContain(s => s.GetProperty("cashPaid").ValueKind == JsonValueKind.Number);
        }

        (await _api.PurchaserClient().GetAsync($"/api/continuity/programs/{Guid.NewGuid()}/timeline")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_range_outside_the_programs_span_or_backwards_is_refused_in_the_callers_language()
    {
        var program = await ProgramAsync(Jan1);
        await _api.PublishAsync(new ServiceProgramRevised(
            program, ContractingApi.Purchaser, "Home care, Street X", "Street X", "ElderlyCare", Jan1, new DateOnly(2027, 6, 30), 3, ContractingApi.Now));
        // A stale revision arriving late changes nothing.
        await _api.PublishAsync(new ServiceProgramRevised(
            program, ContractingApi.Purchaser, "Home care, Street X", "Street X", "ElderlyCare", Jan1, null, 2, ContractingApi.Now));

        var backwards = await _api.PurchaserClient().GetAsync($"/api/continuity/programs/{program}/timeline?from=2027-03-01&to=2027-02-01");
        backwards.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var outside = await _api.PurchaserClient().GetAsync($"/api/continuity/programs/{program}/timeline?from=2027-06-01&to=2027-07-01");
        outside.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await outside.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:continuity_range_outside_span");
        problem.GetProperty("detail").GetString().Should().Be("The range 2027-06-01 to 2027-07-01 is not within the program's active span, 2027-01-01 to 2027-06-30.");

        var chinese = await _api.PurchaserClient("zh-CN").GetAsync($"/api/continuity/programs/{program}/timeline?from=2026-12-31&to=2027-01-31");
        (await chinese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Be("查询区间 2026-12-31 至 2027-01-31 不在服务项目的有效期 2027-01-01 至 2027-06-30 之内。");

        // The last day of the span is inside it.
        (await _api.PurchaserClient().GetAsync($"/api/continuity/programs/{program}/timeline?from=2027-06-01&to=2027-06-30"))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_purchaser_summary_counts_gap_days_per_program_year()
    {
        // A half-year contract paid in full, no successor: today 2027-07-10 → 07-01..07-10 uncovered, 10 gap days of 191.
        var program = await ProgramAsync(Jan1);
        var award = ContractingApi.Award(AgencyA, Jan1, new DateOnly(2027, 6, 30), 240_000.00m, program);
        var contract = await _api.ActiveAsync(award);
        await PaidAsync(award, contract, 240_000.00m, Jan1);
        await _api.RunClockOnAsync(new DateOnly(2027, 7, 10));
        var path = $"/api/continuity/purchasers/{ContractingApi.Purchaser}/summary";

        var summary = await _api.GetAsync(_api.PurchaserClient(), path);

        summary.GetProperty("gapDays").GetInt32().Should().Be(10);
        summary.GetProperty("programYears").GetInt32().Should().Be(1);
        var programView = summary.GetProperty("programs").EnumerateArray().Should().ContainSingle().Subject;
        programView.GetProperty("programId").GetGuid().Should().Be(program);
        programView.GetProperty("name").GetString().Should().Be("Home care, Street X");
        var year = programView.GetProperty("years").EnumerateArray().Should().ContainSingle().Subject;
        (year.GetProperty("year").GetInt32(), year.GetProperty("days").GetInt32(), year.GetProperty("gapDays").GetInt32()).Should().Be((2027, 191, 10));

        (await _api.GetAsync(_api.AuditorClient(), path)).GetProperty("gapDays").GetInt32().Should().Be(10);
        (await _api.Client(Roles.Purchaser, Guid.NewGuid()).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AgencyClient(AgencyA).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_history_the_renewal_lead_time_is_the_default_90_days()
    {
        var contract = await _api.DraftedFromAsync(ContractingApi.Award(AgencyA));

        var renewal = await _api.GetAsync(_api.AgencyClient(AgencyA), $"/api/continuity/contracts/{contract}/renewal");

        renewal.GetProperty("leadTimeDays").GetInt32().Should().Be(90);
        renewal.GetProperty("basis").GetString().Should().Be("default");
        renewal.GetProperty("historyCount").GetInt32().Should().Be(0);
        renewal.GetProperty("percentileDays").ValueKind.Should().Be(JsonValueKind.Null);
        renewal.GetProperty("procurementMethod").ValueKind.Should().Be(JsonValueKind.Null);
        // 2027-12-31 − 90 days: the lifecycle's renewal window opens the same day.
        renewal.GetProperty("renewalPoint").GetString().Should().Be("2027-10-02");
        var proposal = renewal.GetProperty("proposal");
        proposal.GetProperty("path").GetString().Should().Be("NewTender");
        proposal.GetProperty("obstacles").EnumerateArray().Select(o => o.GetString()).Should().Equal("NoGrade");
        proposal.GetProperty("consecutiveMonths").GetRawText().Should().Be("12.00");
        proposal.GetProperty("capMonths").GetInt32().Should().Be(36);
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}")).GetProperty("renewalWindowOpens").GetString().Should().Be("2027-10-02");

        (await _api.AgencyClient(AgencyB).GetAsync($"/api/continuity/contracts/{contract}/renewal")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AuditorClient().GetAsync($"/api/continuity/contracts/{contract}/renewal")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RenewalDue_is_raised_once_at_the_learnt_renewal_point_and_not_the_day_before()
    {
        // Published 2026-08-17, signed by both on 2026-11-25 (the fake clock's today): 14 + 30 + 31 + 25 = 100 days.
        // One duration: its 90th percentile (rank ⌈0.9⌉ = 1) is 100; + 30 → 130 days; 2027-12-31 − 130 = 2027-08-23.
        var award = ContractingApi.Award(AgencyA);
        await TenderPublishedAsync(award, new DateTimeOffset(2026, 8, 17, 2, 0, 0, TimeSpan.Zero));
        var contract = await _api.ActiveAsync(award);

        var renewal = await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/contracts/{contract}/renewal");
        renewal.GetProperty("basis").GetString().Should().Be("history");
        renewal.GetProperty("procurementMethod").GetString().Should().Be("PublicTender");
        renewal.GetProperty("historyCount").GetInt32().Should().Be(1);
        renewal.GetProperty("percentile").GetInt32().Should().Be(90);
        renewal.GetProperty("percentileDays").GetInt32().Should().Be(100);
        renewal.GetProperty("marginDays").GetInt32().Should().Be(30);
        renewal.GetProperty("leadTimeDays").GetInt32().Should().Be(130);
        renewal.GetProperty("renewalPoint").GetString().Should().Be("2027-08-23");

        await RenewalPassOnAsync(new DateOnly(2027, 8, 22));
        (await RenewalAsync(contract)).GetProperty("renewalDueRaisedAt").ValueKind.Should().Be(JsonValueKind.Null);
        (await StateAsync(contract)).Should().Be("Active");

        await RenewalPassOnAsync(new DateOnly(2027, 8, 23));
        (await RenewalAsync(contract)).GetProperty("renewalDueRaisedAt").ValueKind.Should().Be(JsonValueKind.String);
        (await _api.PublishedAsync<RenewalDue>(m => m.ContractId == contract && m.RenewalPoint == new DateOnly(2027, 8, 23) && m.LeadTimeDays == 130
            && m.HistoryCount == 1 && m.ProcurementMethod == "PublicTender" && m.ProposedPath == "NewTender")).Should().BeTrue();
        // One lead time drives both: the lifecycle's renewal window opened on the same day, through its own machine.
        (await StateAsync(contract)).Should().Be("Expiring");

        await RenewalPassOnAsync(new DateOnly(2027, 8, 24));
        await RenewalPassOnAsync(new DateOnly(2027, 10, 2));
        await Task.Delay(500);
        _api.Harness.Published.Select<RenewalDue>().Count(m => m.Context.Message.ContractId == contract).Should().Be(1);
    }

    [Fact]
    public async Task A_renewal_point_passed_while_the_service_was_down_is_caught_at_the_next_pass()
    {
        var contract = await _api.ActiveAsync(ContractingApi.Award(AgencyA));

        // The renewal point (2027-10-02, no history) passed unseen; the next pass on 2027-11-15 raises it, once.
        await RenewalPassOnAsync(new DateOnly(2027, 11, 15));

        (await _api.PublishedAsync<RenewalDue>(m => m.ContractId == contract && m.RenewalPoint == new DateOnly(2027, 10, 2) && m.LeadTimeDays == 90
            && m.HistoryCount == 0 && m.ProcurementMethod == null)).Should().BeTrue();
        await RenewalPassOnAsync(new DateOnly(2027, 11, 16));
        await Task.Delay(500);
        _api.Harness.Published.Select<RenewalDue>().Count(m => m.Context.Message.ContractId == contract).Should().Be(1);
    }

    [Fact]
    public async Task History_counts_only_the_purchasers_tenders_of_the_same_method_and_a_direct_renewal_inherits_its_method()
    {
        // A public tender published 2026-10-26, signed 2026-11-25: 30 days → 30 + 30 = 60 days; 2027-12-31 − 60 = 2027-11-01.
        var tender = ContractingApi.Award(AgencyB);
        await TenderPublishedAsync(tender, new DateTimeOffset(2026, 10, 26, 2, 0, 0, TimeSpan.Zero));
        var tendered = await _api.ActiveAsync(tender);
        // A competitive consultation published 2026-05-01, signed on 2027-01-01 (the clock has moved there): 245 days —
        // its own method's history, not public tenders'.
        var consultation = ContractingApi.Award(AgencyA) with { ProcurementMethod = "CompetitiveConsultation" };
        await TenderPublishedAsync(consultation, new DateTimeOffset(2026, 5, 1, 2, 0, 0, TimeSpan.Zero));
        var consulted = await _api.ActiveAsync(consultation);

        (await RenewalAsync(consulted)).GetProperty("leadTimeDays").GetInt32().Should().Be(275, "245 + 30, from its own method's history only");
        var renewal = await RenewalAsync(tendered);
        (renewal.GetProperty("leadTimeDays").GetInt32(), renewal.GetProperty("historyCount").GetInt32(), renewal.GetProperty("renewalPoint").GetString())
            .Should().Be((60, 1, "2027-11-01"));

        // One lead time: the contract clock opens the lifecycle's renewal window at the learnt 60 days (11-01), not at the default 90 (10-02).
        await _api.RunClockOnAsync(new DateOnly(2027, 10, 31));
        (await StateAsync(tendered)).Should().Be("Active");
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{tendered}")).GetProperty("renewalWindowOpens").GetString().Should().Be("2027-11-01");
        await _api.RunClockOnAsync(new DateOnly(2027, 11, 1));
        (await StateAsync(tendered)).Should().Be("Expiring");

        // Renewed directly (no tender of its own): the successor takes its predecessor's method and history.
        var renewed = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{tendered}/renew", new { end = "2028-12-31", amount = 480_000.00m });
        renewed.StatusCode.Should().Be(HttpStatusCode.Created);
        var successor = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var inherited = await RenewalAsync(successor);
        (inherited.GetProperty("procurementMethod").GetString(), inherited.GetProperty("leadTimeDays").GetInt32(), inherited.GetProperty("renewalPoint").GetString())
            .Should().Be(("PublicTender", 60, "2028-11-01"));
    }

    [Fact]
    public async Task A_good_performer_at_its_renewal_point_is_proposed_for_direct_renewal()
    {
        var award = ContractingApi.Award(AgencyA);
        var contract = await _api.ActiveAsync(award);
        await _api.PublishAsync(new PerformanceEvaluated(
            Guid.NewGuid(), contract, award.ProgramId, AgencyA, "MidTerm", 86.5m, "Good", true, new DateTimeOffset(2027, 6, 30, 2, 0, 0, TimeSpan.Zero)));

        await RenewalPassOnAsync(new DateOnly(2027, 10, 2));

        (await _api.PublishedAsync<RenewalDue>(m => m.ContractId == contract && m.ProposedPath == "DirectRenewal")).Should().BeTrue();
        var proposal = (await RenewalAsync(contract)).GetProperty("proposal");
        (proposal.GetProperty("path").GetString(), proposal.GetProperty("latestGrade").GetString(), proposal.GetProperty("minimumGrade").GetString())
            .Should().Be(("DirectRenewal", "Good", "Good"));
        proposal.GetProperty("obstacles").GetArrayLength().Should().Be(0);
    }

    private async Task<Guid> ProgramAsync(DateOnly activeFrom, DateOnly? activeUntil = null)
    {
        var program = Guid.NewGuid();
        await _api.PublishAsync(new ServiceProgramCreated(
            program, ContractingApi.Purchaser, "Home care, Street X", "Street X", "ElderlyCare", activeFrom, activeUntil, ContractingApi.Now));
        return program;
    }

    private Task PaidAsync(AwardConfirmed award, Guid contract, decimal amount, DateOnly paidOn) =>
        _api.PublishAsync(new InstalmentPaid(
            Guid.NewGuid(), contract, award.ProgramId, award.AgencyId, award.PurchasingUnitId, amount, paidOn, 0, false, ContractingApi.Now));

    private Task TenderPublishedAsync(AwardConfirmed award, DateTimeOffset publishedAt) =>
        _api.PublishAsync(new TenderPublished(
            award.TenderId, award.ProgramId, award.PurchasingUnitId, "Home care, Street X", 500_000.00m, publishedAt.AddDays(20),
            award.ServiceStart, award.ServiceEnd, publishedAt, award.ProcurementMethod, new StaffingTerms(3, 1, 1), null, null, [], [], [], null,
            new ProcurementRulesTerms(3, 5, true)));

    /// <summary>Moves the fake clock to 10:00 in Shanghai on <paramref name="day"/> and runs the renewal clock's pass.</summary>
    private async Task RenewalPassOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > _api.Clock.GetUtcNow())
        {
            _api.Clock.SetUtcNow(at);
        }

        await _api.Host.Services.GetRequiredService<RenewalDueClock>().RunOnceAsync(CancellationToken.None);
    }

    private Task<JsonElement> RenewalAsync(Guid contract) => _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/contracts/{contract}/renewal");

    private async Task<string?> StateAsync(Guid contract) =>
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}")).GetProperty("state").GetString();
}
