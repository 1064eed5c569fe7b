using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Procurement.Contracts.Disbursement;
using Procurement.Disbursement.Scheduling;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Disbursement.Tests;

public sealed class Party_isolation_and_overdue : IAsyncLifetime
{
    private DisbursementHost _api = null!;

    public async Task InitializeAsync() => _api = await DisbursementHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Agencies_see_only_their_contracts_purchasers_their_units_and_treasury_and_auditors_all()
    {
        var mine = _api.Activation();
        var theirs = _api.Activation(agency: Guid.NewGuid(), unit: Guid.NewGuid());
        await _api.PublishAsync(mine);
        await _api.PublishAsync(theirs);
        var theirAdvance = await _api.InstalmentIdAsync(theirs.ContractId, 1);

        async Task<int> CountAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonElement[]>("/api/disbursements/instalments"))!.Length;

        (await CountAsync(_api.Client(_api.AgencyUser))).Should().Be(3);
        (await CountAsync(_api.Client(_api.PurchaserUser))).Should().Be(3);
        (await CountAsync(_api.Client(_api.Treasurer))).Should().Be(6);
        (await CountAsync(_api.Client(Roles.Auditor, Guid.NewGuid()))).Should().Be(6);
        (await CountAsync(_api.Client(Roles.Evaluator, Guid.NewGuid()))).Should().Be(0);

        (await _api.Client(_api.AgencyUser).GetAsync($"/api/disbursements/instalments/{theirAdvance}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.Client(_api.AgencyUser).GetAsync($"/api/disbursements/contracts/{theirs.ContractId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.Client(_api.PurchaserUser).GetAsync($"/api/disbursements/contracts/{theirs.ContractId}/ocds-transactions")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{theirAdvance}/request", "k")).StatusCode
            .Should().Be(HttpStatusCode.NotFound);
        (await _api.Client(_api.PurchaserUser).GetAsync($"/api/disbursements/purchasers/{theirs.PurchasingUnitId}/years/2027")).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
        (await _api.Client(_api.AgencyUser).GetAsync("/api/disbursements/ledger")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_instalment_unpaid_after_its_pay_by_day_is_flagged_once_and_raises_InstalmentOverdue()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);
        var flagger = _api.Host.Services.GetRequiredService<OverdueInstalmentFlagger>();

        _api.Clock.Advance(TimeSpan.FromDays(30)); // 2027-03-31, the pay-by day
        await flagger.FlagOverdueAsync(CancellationToken.None);
        var onPayByDay = await _api.Client(_api.Treasurer).GetFromJsonAsync<JsonElement>($"/api/disbursements/instalments/{advance}");
        onPayByDay.GetProperty("late").GetBoolean().Should().BeFalse();
        onPayByDay.GetProperty("flaggedOverdueAt").ValueKind.Should().Be(JsonValueKind.Null);

        _api.Clock.Advance(TimeSpan.FromDays(1)); // 2027-04-01
        await flagger.FlagOverdueAsync(CancellationToken.None);
        await flagger.FlagOverdueAsync(CancellationToken.None);

        (await _api.PublishedAsync<InstalmentOverdue>(x => x.InstalmentId == advance)).Should().BeTrue();
        var overdue = _api.Harness.Published.Select<InstalmentOverdue>(m => m.Context.Message.InstalmentId == advance).Should().ContainSingle().Subject.Context.Message;
        (overdue.DueOn, overdue.PayBy, overdue.Status, overdue.Amount).Should().Be((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), "Due", 30_000.00m));
        var report = await _api.Client(_api.AgencyUser).GetFromJsonAsync<JsonElement>($"/api/disbursements/contracts/{contract.ContractId}");
        (report.GetProperty("late").GetDecimal(), report.GetProperty("lateCount").GetInt32(), report.GetProperty("outstanding").GetDecimal())
            .Should().Be((30_000m, 1, 30_000m));
        report.GetProperty("instalments")[0].GetProperty("daysFromDue").GetInt32().Should().Be(31);
    }

    [Fact]
    public async Task An_instalment_that_fell_overdue_while_the_service_was_down_is_flagged_at_the_next_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
        Guid advance;
        await using (var before = await DisbursementHost.StartAsync(dataDirectory: folder, keepData: true))
        {
            var contract = before.Activation();
            await before.PublishAsync(contract);
            advance = await before.InstalmentIdAsync(contract.ContractId, 1);
        }

        await using var after = await DisbursementHost.StartAsync(dataDirectory: folder, now: DisbursementHost.Now.AddDays(31));

        (await after.PublishedAsync<InstalmentOverdue>(x => x.InstalmentId == advance)).Should().BeTrue("the check runs at start-up");
    }
}
