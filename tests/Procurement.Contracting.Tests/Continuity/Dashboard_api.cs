using System.Net;
using System.Text.Json;
using Procurement.Contracts.Disbursement;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>The continuity dashboard over HTTP: what each caller sees, and its four parts fed by the clocks and Disbursement's events.</summary>
public sealed class Dashboard_api : IAsyncLifetime
{
    private static readonly Guid Agency = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_purchaser_sees_gaps_risks_bridges_and_late_instalments_of_their_unit()
    {
        var award = ContractingApi.Award(Agency);
        var contract = await _api.ActiveAsync(award);
        var instalment = Guid.NewGuid();
        await _api.PublishAsync(new InstalmentOverdue(
            instalment, contract, award.ProgramId, 144_000.00m, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), "Approved", ContractingApi.Now));
        // Redelivered under another message id: still one row.
        await _api.PublishAsync(new InstalmentOverdue(
            instalment, contract, award.ProgramId, 144_000.00m, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), "Approved", ContractingApi.Now));

        // 12-01: at risk (12-01 + 60 = 2028-01-30, 30 days after the end) and a one-month bridge proposed.
        await _api.AlertsOnAsync(new DateOnly(2027, 12, 1));
        var before = await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard");
        var risk = before.GetProperty("atRisk").EnumerateArray().Should().ContainSingle().Subject;
        (risk.GetProperty("contractId").GetGuid(), risk.GetProperty("expectedSigning").GetString(), risk.GetProperty("daysLate").GetInt32(), risk.GetProperty("end").GetString())
            .Should().Be((contract, "2028-01-30", 30, "2027-12-31"));
        before.GetProperty("bridgesInForce").GetArrayLength().Should().Be(0);

        // Approved: the bridge reaches 2028-01-31, past the expected signing, so the risk is closed.
        (await _api.PurchaserClient().PostAsync($"/api/continuity/contracts/{contract}/bridge-proposal/approve", null)).EnsureSuccessStatusCode();
        var dashboard = await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard");
        dashboard.GetProperty("atRisk").GetArrayLength().Should().Be(0);

        dashboard.GetProperty("purchasingUnitId").GetGuid().Should().Be(ContractingApi.Purchaser);
        var program = dashboard.GetProperty("programs").EnumerateArray().Should().ContainSingle().Subject;
        program.GetProperty("programId").GetGuid().Should().Be(award.ProgramId);
        program.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).Should().Equal(2027);
        var bridge = dashboard.GetProperty("bridgesInForce").EnumerateArray().Should().ContainSingle().Subject;
        (bridge.GetProperty("contractId").GetGuid(), bridge.GetProperty("bridgeMonths").GetInt32(), bridge.GetProperty("end").GetString())
            .Should().Be((contract, 1, "2028-01-31"));
        var late = dashboard.GetProperty("lateInstalments").EnumerateArray().Should().ContainSingle().Subject;
        (late.GetProperty("instalmentId").GetGuid(), late.GetProperty("status").GetString(), late.GetProperty("payBy").GetString(), late.GetProperty("paidOn").ValueKind)
            .Should().Be((instalment, "Approved", "2027-01-31", JsonValueKind.Null));

        // Paid late: it stays on the list, paid.
        await _api.PublishAsync(new InstalmentPaid(
            instalment, contract, award.ProgramId, Agency, ContractingApi.Purchaser, 144_000.00m, new DateOnly(2027, 2, 5), 35, true, ContractingApi.Now));
        var paid = (await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard")).GetProperty("lateInstalments").EnumerateArray().Single();
        (paid.GetProperty("status").GetString(), paid.GetProperty("paidOn").GetString()).Should().Be(("Paid", "2027-02-05"));
    }

    [Fact]
    public async Task A_signed_successor_closes_the_risk_and_a_late_payment_never_reported_overdue_is_listed()
    {
        var award = ContractingApi.Award(Agency);
        var contract = await _api.ActiveAsync(award);
        await _api.AlertsOnAsync(new DateOnly(2027, 11, 15));
        (await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard")).GetProperty("atRisk").GetArrayLength().Should().Be(1);

        var next = ContractingApi.Award(Guid.NewGuid(), new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), program: award.ProgramId);
        var successor = await _api.DraftedFromAsync(next);
        (await _api.PurchaserClient().PostAsync($"/api/contracts/{successor}/sign", null)).EnsureSuccessStatusCode();
        (await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard")).GetProperty("atRisk").GetArrayLength().Should().Be(1, "one signature is not enough");
        (await _api.AgencyClient(next.AgencyId).PostAsync($"/api/contracts/{successor}/sign", null)).EnsureSuccessStatusCode();
        (await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard")).GetProperty("atRisk").GetArrayLength().Should().Be(0);

        await _api.PublishAsync(new InstalmentPaid(
            Guid.NewGuid(), contract, award.ProgramId, Agency, ContractingApi.Purchaser, 10_000.00m, new DateOnly(2027, 3, 10), 40, true, ContractingApi.Now));
        await _api.PublishAsync(new InstalmentPaid(
            Guid.NewGuid(), contract, award.ProgramId, Agency, ContractingApi.Purchaser, 10_000.00m, new DateOnly(2027, 3, 10), 3, false, ContractingApi.Now));
        var late = (await _api.GetAsync(_api.PurchaserClient(), "/api/continuity/dashboard")).GetProperty("lateInstalments").EnumerateArray().Single();
        (late.GetProperty("dueOn").GetString(), late.GetProperty("payBy").ValueKind, late.GetProperty("status").GetString())
            .Should().Be(("2027-01-29", JsonValueKind.Null, "Paid"), "due 40 days before it was paid; paid on time is not late");
    }

    [Fact]
    public async Task Each_caller_sees_only_what_is_theirs()
    {
        var contract = await _api.ActiveAsync(ContractingApi.Award(Agency));
        await _api.AlertsOnAsync(new DateOnly(2027, 11, 15));
        var other = Guid.NewGuid();

        var stranger = await _api.GetAsync(_api.Client(Roles.Purchaser, other), "/api/continuity/dashboard");
        (stranger.GetProperty("programs").GetArrayLength(), stranger.GetProperty("atRisk").GetArrayLength()).Should().Be((0, 0));
        (await _api.Client(Roles.Purchaser, other).GetAsync($"/api/continuity/dashboard?purchasingUnitId={ContractingApi.Purchaser}"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.AgencyClient(Agency).GetAsync("/api/continuity/dashboard")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var all = await _api.GetAsync(_api.AuditorClient(), "/api/continuity/dashboard");
        all.GetProperty("purchasingUnitId").ValueKind.Should().Be(JsonValueKind.Null);
        all.GetProperty("atRisk").EnumerateArray().Select(r => r.GetProperty("contractId").GetGuid()).Should().Equal(contract);
        var filtered = await _api.GetAsync(_api.AuditorClient(), $"/api/continuity/dashboard?purchasingUnitId={other}");
        (filtered.GetProperty("purchasingUnitId").GetGuid(), filtered.GetProperty("atRisk").GetArrayLength()).Should().Be((other, 0));
    }
}
