using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Disbursement;
using Procurement.Disbursement.Scheduling;

namespace Procurement.Disbursement.Tests;

/// <summary>An instalment is paid within the contract's agreed term: 30 days unless agreed otherwise, at most 60.</summary>
public sealed class Agreed_payment_term : IAsyncLifetime
{
    private DisbursementHost _api = null!;

    public async Task InitializeAsync() => _api = await DisbursementHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private OverdueInstalmentFlagger Flagger => _api.Host.Services.GetRequiredService<OverdueInstalmentFlagger>();

    private Task<JsonElement> ReportAsync(Guid contractId) =>
        _api.Client(_api.PurchaserUser).GetFromJsonAsync<JsonElement>($"/api/disbursements/contracts/{contractId}");

    [Fact]
    public async Task With_a_45_day_term_the_advance_is_on_time_on_day_45_and_flagged_late_on_day_46()
    {
        var contract = _api.Activation(paymentTermDays: 45);
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);
        (await ReportAsync(contract.ContractId)).GetProperty("paymentTermDays").GetInt32().Should().Be(45);

        _api.Clock.Advance(TimeSpan.FromDays(45)); // 2027-04-15, the pay-by day
        await Flagger.FlagOverdueAsync(CancellationToken.None);
        var onPayByDay = await _api.Client(_api.Treasurer).GetFromJsonAsync<JsonElement>($"/api/disbursements/instalments/{advance}");
        onPayByDay.GetProperty("payBy").GetString().Should().Be("2027-04-15");
        onPayByDay.GetProperty("late").GetBoolean().Should().BeFalse();
        onPayByDay.GetProperty("flaggedOverdueAt").ValueKind.Should().Be(JsonValueKind.Null);

        _api.Clock.Advance(TimeSpan.FromDays(1)); // 2027-04-16
        await Flagger.FlagOverdueAsync(CancellationToken.None);

        (await _api.PublishedAsync<InstalmentOverdue>(x => x.InstalmentId == advance)).Should().BeTrue();
        var overdue = _api.Harness.Published.Select<InstalmentOverdue>(m => m.Context.Message.InstalmentId == advance).Should().ContainSingle().Subject.Context.Message;
        (overdue.DueOn, overdue.PayBy).Should().Be((new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 15)));
        var late = await _api.Client(_api.Treasurer).GetFromJsonAsync<JsonElement>($"/api/disbursements/instalments/{advance}");
        late.GetProperty("late").GetBoolean().Should().BeTrue();
        late.GetProperty("flaggedOverdueAt").ValueKind.Should().NotBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_contract_carrying_the_default_30_days_is_paid_by_day_30()
    {
        var contract = _api.Activation(paymentTermDays: 30);
        await _api.PublishAsync(contract);

        (await ReportAsync(contract.ContractId)).GetProperty("paymentTermDays").GetInt32().Should().Be(30);
        var advance = (await _api.InstalmentsAsync(contract.ContractId)).Single(i => i.GetProperty("sequence").GetInt32() == 1);
        advance.GetProperty("payBy").GetString().Should().Be("2027-03-31");
    }

    [Fact]
    public async Task A_bridge_instalment_is_paid_within_the_agreed_term_when_that_comes_before_the_extension_starts()
    {
        var contract = _api.Activation(paymentTermDays: 45);
        await _api.PublishAsync(contract);
        _api.Clock.Advance(TimeSpan.FromDays(10)); // 2027-03-11; the old end + 1 is 2028-03-01

        await _api.PublishAsync(new ContractAmended(contract.ContractId, 2, "durationExtension", "Bridge while the successor is procured",
            120_000.00m, new DateOnly(2028, 4, 30), 2, _api.Clock.GetUtcNow()));

        var bridge = (await _api.InstalmentsAsync(contract.ContractId)).Single(i => i.GetProperty("sequence").GetInt32() == 4);
        bridge.GetProperty("condition").GetString().Should().Be("BridgeStart");
        bridge.GetProperty("payBy").GetString().Should().Be("2027-04-25", "45 days after it fell due comes before the extension starts");
    }

    [Theory]
    [InlineData(61)]
    [InlineData(0)]
    public async Task A_term_outside_1_to_60_days_is_kept_with_its_problem_and_nothing_is_scheduled(int days)
    {
        var contract = _api.Activation(paymentTermDays: days);
        await _api.PublishAsync(contract);

        var report = await ReportAsync(contract.ContractId);
        report.GetProperty("paymentTermDays").GetInt32().Should().Be(days);
        report.GetProperty("scheduleProblem").GetString().Should().Contain($"{days} days").And.Contain("60");
        report.GetProperty("instalments").GetArrayLength().Should().Be(0);

        await _api.PublishAsync(new ContractAmended(contract.ContractId, 2, "durationExtension", "Bridge while the successor is procured",
            120_000.00m, new DateOnly(2028, 4, 30), 2, _api.Clock.GetUtcNow()));
        (await _api.InstalmentsAsync(contract.ContractId)).Should().BeEmpty("a contract Disbursement cannot pay gets no bridge instalment either");
    }

    [Fact]
    public async Task The_longest_allowed_term_of_60_days_is_scheduled()
    {
        var contract = _api.Activation(paymentTermDays: 60);
        await _api.PublishAsync(contract);

        var report = await ReportAsync(contract.ContractId);
        report.GetProperty("scheduleProblem").ValueKind.Should().Be(JsonValueKind.Null);
        report.GetProperty("instalments")[0].GetProperty("payBy").GetString().Should().Be("2027-04-30");
    }
}
