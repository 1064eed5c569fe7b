using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracting.Continuity.Scheduling;
using Procurement.Contracts.Evaluation;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// Issue 16 item 6: what the purchaser must act on — the renewal point (<c>RenewalDue</c>), the renewal decision waiting
/// for confirmation, a bridge proposal — reaches the purchasing unit's contract inbox once, raised by the clocks in the
/// same transaction as what they record, and is listed on the continuity dashboard until it is decided. Award contracts:
/// 480,000.00 over 2027; without history the lead time is 90 days (renewal point 2027-10-02); a bridge is proposed from
/// 2027-12-01, 30 days before the end.
/// </summary>
public sealed class What_the_purchaser_must_act_on : IAsyncLifetime
{
    private static readonly Guid Agency = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_renewal_point_and_the_pending_decision_reach_the_purchasing_unit_once_and_no_one_else()
    {
        var contract = await GradedAsync("Good");

        // The hosted clock may run its own pass as the fake clock moves: either way the second pass raises nothing more.
        await RenewalClockOnAsync(new DateOnly(2027, 10, 2));
        (await RenewalClockOnAsync(new DateOnly(2027, 10, 3))).Should().Be(0, "a second pass raises nothing more");

        var notices = await ActionNoticesAsync(_api.PurchaserClient(), contract);
        notices.Select(n => n.GetProperty("kind").GetString()).Should().BeEquivalentTo("RenewalDue", "RenewalDecisionPending");
        Text(notices, "RenewalDue").Should().Be(
            "Renewal is due for the contract with Sunshine Social Work Service Centre (2027-01-01 to 2027-12-31): its renewal point was 2027-10-02, "
            + "90 days before the end. Start the successor's procurement now so that the service continues without a gap.");
        Text(notices, "RenewalDecisionPending").Should().Be(
            "A renewal decision waits for you on the contract with Sunshine Social Work Service Centre (2027-01-01 to 2027-12-31): the platform proposes "
            + "a direct renewal with the same agency. Confirm it on the contract's renewal page (renewal point 2027-10-02).");
        var chinese = await ActionNoticesAsync(_api.PurchaserClient("zh-CN"), contract);
        Text(chinese, "RenewalDue").Should().Be(
            "与Sunshine Social Work Service Centre签订的服务合同（2027-01-01 至 2027-12-31）已到续签时点（2027-10-02，到期前 90 天），请即启动后续采购，确保服务不断档。");
        Text(chinese, "RenewalDecisionPending").Should().Be(
            "与Sunshine Social Work Service Centre签订的服务合同（2027-01-01 至 2027-12-31）的续签决定待您确认：平台建议与同一机构直接续签。请在合同续签页面确认（续签时点 2027-10-02）。");

        (await ActionNoticesAsync(_api.AgencyClient(Agency), contract)).Should().BeEmpty("the purchaser decides; the agency is not told of a pending decision");
        (await ActionNoticesAsync(_api.Client(Roles.Purchaser, Guid.NewGuid()), contract)).Should().BeEmpty("another unit's inbox holds none");
    }

    [Fact]
    public async Task A_bridge_proposal_reaches_the_purchasing_unit_once_with_its_months_dates_and_amount()
    {
        var contract = await _api.ActiveAsync(ContractingApi.Award(Agency));

        await _api.AlertsOnAsync(new DateOnly(2027, 12, 1));
        (await _api.AlertsOnAsync(new DateOnly(2027, 12, 2))).BridgesProposed.Should().Be(0, "a second pass proposes nothing more");

        // The hosted renewal clock has raised the renewal point on the way (2027-10-02): one bridge notice among them.
        var notices = await ActionNoticesAsync(_api.PurchaserClient("zh-CN"), contract);
        var notice = notices.Should().ContainSingle(n => n.GetProperty("kind").GetString() == "BridgeProposed").Subject;
        var proposal = await _api.GetAsync(_api.PurchaserClient(), $"/api/continuity/contracts/{contract}/bridge-proposal");
        var months = proposal.GetProperty("months").GetInt32();
        notice.GetProperty("text").GetString().Should().Be(
            $"平台建议对与Sunshine Social Work Service Centre签订的服务合同（2027-01-01 至 2027-12-31）进行过渡期延续：按原月度标准延续 {months} 个月"
            + $"（2028-01-01 至 {proposal.GetProperty("extensionEnd").GetString()}），金额 {proposal.GetProperty("amount").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture)} 元。请在合同到期前批准或拒绝。");
        (await ActionNoticesAsync(_api.AgencyClient(Agency), contract)).Should().BeEmpty("the purchaser approves or declines");
        (await ActionNoticesAsync(_api.Client(Roles.Purchaser, Guid.NewGuid()), contract)).Should().BeEmpty("another unit's inbox holds none");
    }

    [Fact]
    public async Task The_dashboard_lists_the_pending_decision_and_proposal_until_the_purchaser_decides()
    {
        var contract = await GradedAsync("Good");
        await RenewalClockOnAsync(new DateOnly(2027, 10, 2));
        await _api.AlertsOnAsync(new DateOnly(2027, 12, 1));

        var dashboard = await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard");
        var decision = dashboard.GetProperty("pendingDecisions").EnumerateArray().Should().ContainSingle().Subject;
        (decision.GetProperty("contractId").GetGuid(), decision.GetProperty("end").GetString(), decision.GetProperty("renewalPoint").GetString(),
                decision.GetProperty("proposedPath").GetString(), decision.GetProperty("agencyName").GetString())
            .Should().Be((contract, "2027-12-31", "2027-10-02", "DirectRenewal", "Sunshine Social Work Service Centre"));
        var bridge = dashboard.GetProperty("pendingBridges").EnumerateArray().Should().ContainSingle().Subject;
        (bridge.GetProperty("contractId").GetGuid(), bridge.GetProperty("end").GetString(), bridge.GetProperty("extensionStart").GetString())
            .Should().Be((contract, "2027-12-31", "2028-01-01"));
        var otherUnit = await _api.GetAsync(_api.Client(Roles.Purchaser, Guid.NewGuid()), "/api/continuity/dashboard");
        (otherUnit.GetProperty("pendingDecisions").GetArrayLength(), otherUnit.GetProperty("pendingBridges").GetArrayLength()).Should().Be((0, 0));

        (await _api.PurchaserClient().PostAsync($"/api/continuity/contracts/{contract}/bridge-proposal/approve", null)).EnsureSuccessStatusCode();
        var confirmed = await _api.PurchaserClient().PostAsJsonAsync($"/api/continuity/contracts/{contract}/renewal/confirm", new { path = "NewTender" });
        confirmed.StatusCode.Should().Be(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());

        var after = await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard");
        (after.GetProperty("pendingDecisions").GetArrayLength(), after.GetProperty("pendingBridges").GetArrayLength()).Should().Be((0, 0));
    }

    [Fact]
    public async Task The_agency_hears_of_the_renewal_decision_only_when_it_is_renewed_directly()
    {
        var renewed = await GradedAsync("Good");
        var tendered = await GradedAsync("Good");
        await RenewalClockOnAsync(new DateOnly(2027, 10, 2));

        (await _api.PurchaserClient().PostAsJsonAsync($"/api/continuity/contracts/{renewed}/renewal/confirm", new { })).EnsureSuccessStatusCode();
        (await _api.PurchaserClient().PostAsJsonAsync($"/api/continuity/contracts/{tendered}/renewal/confirm", new { path = "NewTender" })).EnsureSuccessStatusCode();

        var inbox = (await _api.GetAsync(_api.AgencyClient(Agency), "/api/contracts/notifications")).GetProperty("notifications").EnumerateArray().ToList();
        inbox.Where(n => n.GetProperty("contractId").GetGuid() == renewed).Select(n => n.GetProperty("kind").GetString())
            .Should().Contain("Renew", "a direct renewal offers the agency the successor to sign");
        inbox.Where(n => n.GetProperty("contractId").GetGuid() == tendered).Select(n => n.GetProperty("kind").GetString())
            .Should().Equal(new[] { "Activate" }, "a new tender is a draft until Tendering publishes it");
    }

    private async Task<Guid> GradedAsync(string grade)
    {
        var award = ContractingApi.Award(Agency);
        var contract = await _api.ActiveAsync(award);
        await _api.PublishAsync(new PerformanceEvaluated(
            Guid.NewGuid(), contract, award.ProgramId, award.AgencyId, "MidTerm", grade == "Good" ? 84m : 52m, grade, grade == "Good",
            new DateTimeOffset(2027, 6, 30, 2, 0, 0, TimeSpan.Zero)));
        return contract;
    }

    /// <summary>10:00 in Shanghai on <paramref name="day"/> and the renewal clock's pass; answers how many contracts it raised RenewalDue for.</summary>
    private async Task<int> RenewalClockOnAsync(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        if (at > _api.Clock.GetUtcNow())
        {
            _api.Clock.SetUtcNow(at);
        }

        return await _api.Host.Services.GetRequiredService<RenewalDueClock>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>The caller's notices about <paramref name="contract"/> other than the lifecycle's.</summary>
    private async Task<List<JsonElement>> ActionNoticesAsync(HttpClient client, Guid contract)
    {
        string[] toAct = ["RenewalDue", "RenewalDecisionPending", "BridgeProposed"];
        var inbox = await _api.GetAsync(client, "/api/contracts/notifications");
        return [.. inbox.GetProperty("notifications").EnumerateArray()
            .Where(n => n.GetProperty("contractId").GetGuid() == contract && toAct.Contains(n.GetProperty("kind").GetString()))];
    }

    private static string? Text(List<JsonElement> notices, string kind) =>
        notices.Single(n => n.GetProperty("kind").GetString() == kind).GetProperty("text").GetString();
}
