using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracting.Continuity.Scheduling;
using Procurement.Contracts.Continuity;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Evaluation;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// Over HTTP with the clocks' passes run by the tests: a renewed contract whose successor is unsigned is bridged and the
/// successor postponed; the alerts come again for the bridged period; <c>FundingGapOpened</c> / <c>FundingGapClosed</c>
/// follow the coverage. Award contracts: 480,000.00 over 2027, 40,000.00 a month, paid in full on their first day.
/// </summary>
public sealed class Gaps_and_bridges_api : IAsyncLifetime
{
    private static readonly Guid Agency = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_renewed_contract_with_an_unsigned_successor_is_bridged_and_the_successor_starts_after_the_bridge()
    {
        var (contract, successor) = await RenewedAsync();

        await _api.AlertsOnAsync(new DateOnly(2027, 12, 1));
        (await _api.PublishedAsync<BridgeProposed>(m => m.ContractId == contract && m.ExtensionStart == new DateOnly(2028, 1, 1))).Should().BeTrue();
        var approved = await _api.PurchaserClient().PostAsync($"/api/continuity/contracts/{contract}/bridge-proposal/approve", null);
        approved.StatusCode.Should().Be(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());

        var bridged = await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}");
        var months = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("months").GetInt32();
        var newEnd = new DateOnly(2028, 1, 1).AddMonths(months).AddDays(-1);
        (bridged.GetProperty("state").GetString(), bridged.GetProperty("end").GetString()).Should().Be(("Renewed", Iso(newEnd)));
        var moved = await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{successor}");
        (moved.GetProperty("state").GetString(), moved.GetProperty("start").GetString(), moved.GetProperty("end").GetString())
            .Should().Be(("Draft", Iso(newEnd.AddDays(1)), Iso(new DateOnly(2029, 1, 1).AddMonths(months).AddDays(-1))));
        (await _api.PublishedAsync<ContractStateChanged>(m => m.ContractId == successor && m.Trigger == "Postpone")).Should().BeTrue();
        (await _api.PublishedAsync<ContractAmended>(m => m.ContractId == contract && m.BridgeMonths == months)).Should().BeTrue();
    }

    [Fact]
    public async Task Once_the_successor_is_signed_by_both_a_renewed_contract_is_not_bridged()
    {
        var (contract, successor) = await RenewedAsync();
        (await _api.PurchaserClient().PostAsync($"/api/contracts/{successor}/sign", null)).EnsureSuccessStatusCode();
        (await _api.AgencyClient(Agency).PostAsync($"/api/contracts/{successor}/sign", null)).EnsureSuccessStatusCode();

        var refused = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{contract}/bridge-extensions", new { months = 1 });

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("unmetGuards").EnumerateArray().Select(g => g.GetString()).Should().Equal("the successor is not yet signed by both parties");
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}")).GetProperty("permittedTriggers").EnumerateArray()
            .Select(t => t.GetString()).Should().NotContain("ExtendBridge");
    }

    [Fact]
    public async Task A_bridge_that_still_falls_short_brings_a_second_proposal_for_the_extended_period()
    {
        var contract = await _api.ActiveAsync(ContractingApi.Award(Agency));
        await _api.AlertsOnAsync(new DateOnly(2027, 12, 1));
        (await _api.PurchaserClient().PostAsync($"/api/continuity/contracts/{contract}/bridge-proposal/approve", null)).EnsureSuccessStatusCode();
        var end = DateOnly.Parse((await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}")).GetProperty("end").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

        // Still no successor 30 days before the new end: proposed again, for the new period.
        await _api.AlertsOnAsync(end.AddDays(-30));

        (await _api.PublishedAsync<BridgeProposed>(m => m.ContractId == contract && m.ExtensionStart == end.AddDays(1))).Should().BeTrue();
        var proposal = await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/contracts/{contract}/bridge-proposal");
        (proposal.GetProperty("status").GetString(), proposal.GetProperty("end").GetString()).Should().Be(("Proposed", Iso(end)));
        (await _api.PublishedAsync<RenewalAtRisk>(m => m.ContractId == contract && m.End == end)).Should().BeTrue("the extended period is forecast anew");
    }

    [Fact]
    public async Task A_funding_gap_opens_on_its_first_day_shows_on_the_dashboard_and_closes_when_the_successor_starts()
    {
        var award = ContractingApi.Award(Agency);
        var contract = await _api.ActiveAsync(award);
        await PaidAsync(award, contract, 480_000.00m, new DateOnly(2027, 1, 1));
        (await GapWatchOnAsync(new DateOnly(2027, 12, 31))).Should().Be(0, "every day of 2027 is funded and paid ahead");

        await GapWatchOnAsync(new DateOnly(2028, 1, 1));
        (await _api.PublishedAsync<FundingGapOpened>(m => m.ProgramId == award.ProgramId && m.FirstDay == new DateOnly(2028, 1, 1) && m.Cause == "Uncovered"
            && m.ContractId == null && m.PurchasingUnitId == ContractingApi.Purchaser)).Should().BeTrue();
        var dashboard = await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard");
        var open = dashboard.GetProperty("openGaps").EnumerateArray().Should().ContainSingle().Subject;
        (open.GetProperty("programId").GetGuid(), open.GetProperty("since").GetString(), open.GetProperty("cause").GetString(), open.GetProperty("days").GetInt32())
            .Should().Be((award.ProgramId, "2028-01-01", "Uncovered", 1));

        var next = ContractingApi.Award(Agency, new DateOnly(2028, 1, 6), new DateOnly(2028, 12, 31), program: award.ProgramId);
        var successor = await _api.ActiveAsync(next);
        await PaidAsync(next, successor, 400_000.00m, new DateOnly(2028, 1, 6));
        (await GapWatchOnAsync(new DateOnly(2028, 1, 7))).Should().BeLessThanOrEqualTo(1);

        (await _api.PublishedAsync<FundingGapClosed>(m => m.ProgramId == award.ProgramId && m.FirstDay == new DateOnly(2028, 1, 1)
            && m.LastDay == new DateOnly(2028, 1, 5) && m.Days == 5)).Should().BeTrue();
        (await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard")).GetProperty("openGaps").GetArrayLength().Should().Be(0);
        (await GapWatchOnAsync(new DateOnly(2028, 1, 8))).Should().Be(0);
        await Task.Delay(500);
        _api.Harness.Published.Select<FundingGapOpened>().Count(m => m.Context.Message.ProgramId == award.ProgramId).Should().Be(1);
        _api.Harness.Published.Select<FundingGapClosed>().Count(m => m.Context.Message.ProgramId == award.ProgramId).Should().Be(1);
    }

    private async Task<(Guid Contract, Guid Successor)> RenewedAsync()
    {
        var award = ContractingApi.Award(Agency);
        var contract = await _api.ActiveAsync(award);
        await _api.PublishAsync(new PerformanceEvaluated(
            Guid.NewGuid(), contract, award.ProgramId, Agency, "MidTerm", 88m, "Good", true, new DateTimeOffset(2027, 6, 30, 2, 0, 0, TimeSpan.Zero)));
        _api.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 2, 2, 0, 0, TimeSpan.Zero));
        await _api.Host.Services.GetRequiredService<RenewalDueClock>().RunOnceAsync(CancellationToken.None);
        var confirmed = await _api.PurchaserClient().PostAsJsonAsync($"/api/continuity/contracts/{contract}/renewal/confirm", new { });
        confirmed.StatusCode.Should().Be(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        return (contract, (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("successorId").GetGuid());
    }

    /// <summary>Moves the fake clock to 10:00 in Shanghai on <paramref name="day"/> and runs the gap watch's pass.</summary>
    private async Task<int> GapWatchOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > _api.Clock.GetUtcNow())
        {
            _api.Clock.SetUtcNow(at);
        }

        return await _api.Host.Services.GetRequiredService<FundingGapClock>().RunOnceAsync(CancellationToken.None);
    }

    private Task PaidAsync(AwardConfirmed award, Guid contract, decimal amount, DateOnly paidOn) =>
        _api.PublishAsync(new InstalmentPaid(
            Guid.NewGuid(), contract, award.ProgramId, award.AgencyId, award.PurchasingUnitId, amount, paidOn, 0, false, ContractingApi.Now));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
