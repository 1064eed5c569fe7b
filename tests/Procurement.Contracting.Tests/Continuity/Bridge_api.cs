using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracting.Continuity.Scheduling;
using Procurement.Contracts.Continuity;
using Procurement.Contracts.Contracting;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// The forecast, <c>RenewalAtRisk</c> and the bridge proposal over HTTP, with the continuity clock's pass run by the tests.
/// Award contracts: 480,000.00 over 2027 → 40,000.00 a month. Without history the whole procurement is forecast at
/// 90 − 30 = 60 days; the award's own contract was drafted and signed on 2026-11-25, so the signing history is one 0-day duration.
/// </summary>
public sealed class Bridge_api : IAsyncLifetime
{
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly DateOnly End = new(2027, 12, 31);
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task RenewalAtRisk_is_raised_once_when_the_forecast_falls_one_day_after_the_end_and_not_on_the_end()
    {
        var contract = await _api.ActiveAsync(ContractingApi.Award(Agency));

        // 11-01 + 60 = 12-31, the end itself: not at risk.
        (await _api.AlertsOnAsync(new DateOnly(2027, 11, 1))).Should().Be(new ContinuityAlertPass(0, 0));

        // 11-02 + 60 = 2028-01-01, one day after the end.
        (await _api.AlertsOnAsync(new DateOnly(2027, 11, 2))).Should().Be(new ContinuityAlertPass(1, 0));
        (await _api.PublishedAsync<RenewalAtRisk>(m => m.ContractId == contract && m.End == End && m.ExpectedSigning == new DateOnly(2028, 1, 1) && m.DaysLate == 1))
            .Should().BeTrue();
        (await _api.PublishedAsync<FundingGapForecast>(m => m.ContractId == contract && m.From == new DateOnly(2028, 1, 1) && m.To == new DateOnly(2028, 1, 1)
            && m.Days == 1)).Should().BeTrue();

        (await _api.AlertsOnAsync(new DateOnly(2027, 11, 3))).RisksRaised.Should().Be(0);
        await Task.Delay(500);
        _api.Harness.Published.Select<RenewalAtRisk>().Count(m => m.Context.Message.ContractId == contract).Should().Be(1);
        _api.Harness.Published.Select<FundingGapForecast>().Count(m => m.Context.Message.ContractId == contract).Should().Be(1);
    }

    [Fact]
    public async Task A_bridge_is_proposed_once_thirty_days_before_the_end_and_approval_extends_the_contract()
    {
        var award = ContractingApi.Award(Agency);
        var contract = await _api.ActiveAsync(award);

        (await _api.AlertsOnAsync(new DateOnly(2027, 11, 30))).BridgesProposed.Should().Be(0, "31 days before the end");
        (await _api.PurchaserClient().GetAsync(ProposalPath(contract))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // 12-01 + 60 = 2028-01-30: the successor is expected from 01-31; one month (to 01-31) covers it.
        (await _api.AlertsOnAsync(new DateOnly(2027, 12, 1))).BridgesProposed.Should().Be(1);
        (await _api.PublishedAsync<BridgeProposed>(m => m.ContractId == contract && m.Months == 1 && m.MonthlyRate == 40_000.00m && m.Amount == 40_000.00m
            && m.ExtensionStart == new DateOnly(2028, 1, 1) && m.ExtensionEnd == new DateOnly(2028, 1, 31))).Should().BeTrue();
        (await _api.AlertsOnAsync(new DateOnly(2027, 12, 2))).BridgesProposed.Should().Be(0);

        var proposal = await _api.GetAsync(_api.PurchaserClient(), ProposalPath(contract));
        (proposal.GetProperty("status").GetString(), proposal.GetProperty("months").GetInt32(), proposal.GetProperty("amount").GetRawText(),
                proposal.GetProperty("expectedSuccessorStart").GetString(), proposal.GetProperty("coversExpectedGap").GetBoolean())
            .Should().Be(("Proposed", 1, "40000.00", "2028-01-31", true));
        (await _api.AgencyClient(Agency).GetAsync(ProposalPath(contract))).StatusCode.Should().Be(HttpStatusCode.OK, "the agency is a party");
        (await _api.AgencyClient(Guid.NewGuid()).GetAsync(ProposalPath(contract))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.Client(Roles.Purchaser, Guid.NewGuid()).PostAsync(ProposalPath(contract) + "/approve", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AgencyClient(Agency).PostAsync(ProposalPath(contract) + "/approve", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var approved = await _api.PurchaserClient().PostAsync(ProposalPath(contract) + "/approve", null);
        approved.StatusCode.Should().Be(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Approved");
        var extended = await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}");
        (extended.GetProperty("end").GetString(), extended.GetProperty("amount").GetRawText()).Should().Be(("2028-01-31", "520000.00"));
        (await _api.PublishedAsync<ContractAmended>(m => m.ContractId == contract && m.BridgeMonths == 1 && m.End == new DateOnly(2028, 1, 31))).Should().BeTrue();

        var again = await _api.PurchaserClient("zh-CN").PostAsync(ProposalPath(contract) + "/approve", null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("该过渡期延续建议已批准。");
        var declineAfter = await _api.PurchaserClient().PostAsJsonAsync(ProposalPath(contract) + "/decline", new { reason = "Too late" });
        (await declineAfter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("The bridge extension proposal was already approved.");
    }

    [Fact]
    public async Task The_purchaser_may_decline_a_bridge_with_a_reason()
    {
        var contract = await _api.ActiveAsync(ContractingApi.Award(Agency));
        await _api.AlertsOnAsync(new DateOnly(2027, 12, 10));

        (await _api.PurchaserClient().PostAsJsonAsync(ProposalPath(contract) + "/decline", new { reason = " " })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var declined = await _api.PurchaserClient().PostAsJsonAsync(ProposalPath(contract) + "/decline", new { reason = "The program ends with this contract." });
        declined.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await declined.Content.ReadFromJsonAsync<JsonElement>();
        (body.GetProperty("status").GetString(), body.GetProperty("declineReason").GetString()).Should().Be(("Declined", "The program ends with this contract."));
        (await _api.GetAsync(_api.PurchaserClient(), $"/api/contracts/{contract}")).GetProperty("end").GetString().Should().Be("2027-12-31");
        (await _api.PurchaserClient().PostAsync(ProposalPath(contract) + "/approve", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_successor_signed_by_both_stops_every_alert()
    {
        var renewed = await _api.ActiveAsync(ContractingApi.Award(Agency));
        var tendered = ContractingApi.Award(Agency);
        var retendered = await _api.ActiveAsync(tendered);
        await _api.RunClockOnAsync(new DateOnly(2027, 10, 2));
        var renewal = await RenewAsync(renewed);
        await SignBothAsync(renewal, Agency);
        var next = ContractingApi.Award(Guid.NewGuid(), new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), program: tendered.ProgramId);
        await SignBothAsync(await _api.DraftedFromAsync(next), next.AgencyId);

        // Both successors are signed (to start 2028-01-01, so still PendingSignature): no risk, no bridge, even days before the end.
        (await _api.AlertsOnAsync(new DateOnly(2027, 12, 20))).Should().Be(new ContinuityAlertPass(0, 0));
        (await _api.PurchaserClient().GetAsync(ProposalPath(renewed))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.PurchaserClient().GetAsync(ProposalPath(retendered))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_tenders_successor_drafted_but_not_signed_by_both_still_gets_a_bridge()
    {
        var award = ContractingApi.Award(Agency);
        var contract = await _api.ActiveAsync(award);
        var next = ContractingApi.Award(Guid.NewGuid(), new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), program: award.ProgramId);
        var successor = await _api.DraftedFromAsync(next);
        (await _api.PurchaserClient().PostAsync($"/api/contracts/{successor}/sign", null)).EnsureSuccessStatusCode();

        // Only its signing remains: the signing history is one 0-day duration → expected today, not at risk; but 30 days
        // before the end a bridge is proposed all the same: one month (the successor starts the day after the end).
        // (The clock jumps 11 months: the hosted clock's own timer may run the pass first; either way it is raised once.)
        await _api.AlertsOnAsync(new DateOnly(2027, 12, 1));
        (await _api.PublishedAsync<BridgeProposed>(m => m.ContractId == contract && m.Months == 1)).Should().BeTrue();
        (await _api.AlertsOnAsync(new DateOnly(2027, 12, 2))).Should().Be(new ContinuityAlertPass(0, 0));
        await Task.Delay(500);
        _api.Harness.Published.Select<BridgeProposed>().Count(m => m.Context.Message.ContractId == contract).Should().Be(1);
        _api.Harness.Published.Select<RenewalAtRisk>().Any(m => m.Context.Message.ContractId == contract).Should().BeFalse();
        var proposal = await _api.GetAsync(_api.PurchaserClient(), ProposalPath(contract));
        (proposal.GetProperty("months").GetInt32(), proposal.GetProperty("expectedSuccessorStart").GetString()).Should().Be((1, "2028-01-01"));
    }

    private async Task SignBothAsync(Guid contract, Guid agency)
    {
        (await _api.PurchaserClient().PostAsync($"/api/contracts/{contract}/sign", null)).EnsureSuccessStatusCode();
        (await _api.AgencyClient(agency).PostAsync($"/api/contracts/{contract}/sign", null)).EnsureSuccessStatusCode();
    }

    private async Task<Guid> RenewAsync(Guid contract)
    {
        var renewed = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{contract}/renew", new { end = "2028-12-31", amount = 480_000.00m });
        renewed.StatusCode.Should().Be(HttpStatusCode.Created, await renewed.Content.ReadAsStringAsync());
        return (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string ProposalPath(Guid contract) => $"/api/continuity/contracts/{contract}/bridge-proposal";
}
