using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Disbursement;
using Procurement.Disbursement.Scheduling;

namespace Procurement.Disbursement.Tests;

/// <summary>
/// Issue 7 item 3, DOMAIN.md §2 cash before service: a successor's first instalment is due on or before its start date.
/// The host's clock stands at 2027-03-01 10:00 in Shanghai: every contract here is signed that day.
/// </summary>
public sealed class Successor_scheduled_at_signing : IAsyncLifetime
{
    private static readonly DateOnly SigningDay = new(2027, 3, 1);
    private DisbursementHost _api = null!;

    public async Task InitializeAsync() => _api = await DisbursementHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private OverdueInstalmentFlagger Flagger => _api.Host.Services.GetRequiredService<OverdueInstalmentFlagger>();

    private Task<JsonElement> ReportAsync(Guid contractId) =>
        _api.Client(_api.PurchaserUser).GetFromJsonAsync<JsonElement>($"/api/disbursements/contracts/{contractId}");

    private async Task<JsonElement> AdvanceAsync(Guid contractId) =>
        (await _api.InstalmentsAsync(contractId)).Single(i => i.GetProperty("sequence").GetInt32() == 1);

    private static (string? Status, string? DueOn, string? PayBy) DueAndPayBy(JsonElement instalment) =>
        (instalment.GetProperty("status").GetString(), instalment.GetProperty("dueOn").GetString(), instalment.GetProperty("payBy").GetString());

    [Fact]
    public async Task A_successor_signed_20_days_before_its_start_has_its_advance_due_on_the_signing_day_and_paid_by_the_start_date()
    {
        var signed = _api.Signing(start: SigningDay.AddDays(20));

        await _api.PublishAsync(signed);

        var instalments = await _api.InstalmentsAsync(signed.ContractId);
        instalments.Select(i => (i.GetProperty("sequence").GetInt32(), i.GetProperty("amount").GetDecimal(), i.GetProperty("status").GetString()))
            .Should().Equal((1, 30_000m, "Due"), (2, 40_000m, "Scheduled"), (3, 30_000m, "Scheduled"));
        DueAndPayBy(instalments[0]).Should().Be(("Due", "2027-03-01", "2027-03-21"), "30 days after signing would be after the start");
        (await _api.PublishedAsync<InstalmentDue>(x => x.ContractId == signed.ContractId && x.Sequence == 1
            && x.DueOn == SigningDay && x.PayBy == new DateOnly(2027, 3, 21))).Should().BeTrue();
        var report = await ReportAsync(signed.ContractId);
        report.GetProperty("signedAt").GetDateTimeOffset().Should().Be(signed.SignedAt);
        report.GetProperty("activatedAt").ValueKind.Should().Be(JsonValueKind.Null, "the contract has not started");
        (report.GetProperty("due").GetDecimal(), report.GetProperty("outstanding").GetDecimal()).Should().Be((30_000m, 30_000m));
    }

    [Fact]
    public async Task A_successor_signed_45_days_before_its_start_with_a_30_day_term_is_paid_by_30_days_after_signing()
    {
        var signed = _api.Signing(start: SigningDay.AddDays(45), paymentTermDays: 30);

        await _api.PublishAsync(signed);

        DueAndPayBy(await AdvanceAsync(signed.ContractId)).Should().Be(("Due", "2027-03-01", "2027-03-31"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public async Task A_successor_signed_on_or_after_its_start_is_due_at_once(int startFromSigning)
    {
        var signed = _api.Signing(start: SigningDay.AddDays(startFromSigning));

        await _api.PublishAsync(signed);

        DueAndPayBy(await AdvanceAsync(signed.ContractId)).Should().Be(("Due", "2027-03-01", "2027-03-01"), "the pay-by day is never before the signing day");
    }

    [Fact]
    public async Task A_contract_that_follows_no_other_is_not_scheduled_at_signing_but_at_activation_as_before()
    {
        var signed = _api.Signing(start: SigningDay.AddDays(20), successor: false);

        await _api.PublishAsync(signed);

        (await _api.InstalmentsAsync(signed.ContractId)).Should().BeEmpty();
        (await _api.Client(_api.PurchaserUser).GetAsync($"/api/disbursements/contracts/{signed.ContractId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        _api.Clock.Advance(TimeSpan.FromDays(20)); // 2027-03-21, its start
        await _api.PublishAsync(_api.ActivationOf(signed));

        DueAndPayBy(await AdvanceAsync(signed.ContractId)).Should().Be(("Due", "2027-03-21", "2027-04-20"));
        (await _api.InstalmentsAsync(signed.ContractId)).Should().HaveCount(3);
        (await ReportAsync(signed.ContractId)).GetProperty("signedAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_activation_of_a_successor_scheduled_at_signing_is_recorded_and_schedules_nothing_twice()
    {
        var signed = _api.Signing(start: SigningDay.AddDays(20));
        await _api.PublishAsync(signed);
        _api.Clock.Advance(TimeSpan.FromDays(20));
        var activated = _api.ActivationOf(signed);

        await _api.PublishAsync(activated);
        await _api.PublishAsync(activated); // another delivery, with another message id

        var instalments = await _api.InstalmentsAsync(signed.ContractId);
        instalments.Should().HaveCount(3);
        DueAndPayBy(instalments[0]).Should().Be(("Due", "2027-03-01", "2027-03-21"), "the advance fell due at signing, not at activation");
        instalments.Skip(1).Should().OnlyContain(i => i.GetProperty("status").GetString() == "Scheduled");
        var report = await ReportAsync(signed.ContractId);
        report.GetProperty("activatedAt").GetDateTimeOffset().Should().Be(activated.ActivatedAt);
        report.GetProperty("signedAt").GetDateTimeOffset().Should().Be(signed.SignedAt);
        report.GetProperty("scheduled").GetDecimal().Should().Be(100_000m);
        (await _api.PublishedAsync<InstalmentDue>(x => x.ContractId == signed.ContractId)).Should().BeTrue();
        _api.Harness.Published.Select<InstalmentDue>(m => m.Context.Message.ContractId == signed.ContractId).Should().ContainSingle();
    }

    [Fact]
    public async Task A_signature_that_arrives_after_the_activation_changes_nothing()
    {
        var signed = _api.Signing(start: SigningDay);
        var activated = _api.ActivationOf(signed);
        await _api.PublishAsync(activated);
        var before = await _api.InstalmentsAsync(signed.ContractId);

        _api.Clock.Advance(TimeSpan.FromHours(1));
        await _api.PublishAsync(signed);

        var after = await _api.InstalmentsAsync(signed.ContractId);
        after.Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("status").GetString(), i.GetProperty("payBy").GetString(), i.GetProperty("version").GetInt32()))
            .Should().Equal(before.Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("status").GetString(), i.GetProperty("payBy").GetString(), i.GetProperty("version").GetInt32())));
        DueAndPayBy(after[0]).Should().Be(("Due", "2027-03-01", "2027-03-31"), "scheduled at activation, within the payment term");
        var report = await ReportAsync(signed.ContractId);
        report.GetProperty("signedAt").ValueKind.Should().Be(JsonValueKind.Null);
        report.GetProperty("activatedAt").GetDateTimeOffset().Should().Be(activated.ActivatedAt);
    }

    [Fact]
    public async Task The_advance_of_a_signed_successor_not_yet_active_is_requested_approved_released_and_paid_before_it_starts()
    {
        await _api.SetAppropriationAsync(500_000.00m);
        var signed = _api.Signing(start: SigningDay.AddDays(20));
        await _api.PublishAsync(signed);
        var advance = (await AdvanceAsync(signed.ContractId)).GetProperty("id").GetGuid();
        _api.Clock.Advance(TimeSpan.FromDays(5)); // 2027-03-06, fifteen days before the service starts

        await _api.PayAsync(advance);

        (await _api.PublishedAsync<InstalmentPaid>(x => x.InstalmentId == advance)).Should().BeTrue();
        var paid = _api.Harness.Published.Select<InstalmentPaid>(m => m.Context.Message.InstalmentId == advance).Single().Context.Message;
        (paid.Amount, paid.PaidOn, paid.DaysFromDue, paid.Late).Should().Be((30_000.00m, new DateOnly(2027, 3, 6), 5, false));
        _api.Harness.Published.Select<InstalmentStatusChanged>(m => m.Context.Message.InstalmentId == advance).Select(m => m.Context.Message.To)
            .Should().Equal("Due", "Requested", "Approved", "Released", "Paid");
        var report = await ReportAsync(signed.ContractId);
        report.GetProperty("activatedAt").ValueKind.Should().Be(JsonValueKind.Null);
        (report.GetProperty("paid").GetDecimal(), report.GetProperty("outstanding").GetDecimal(), report.GetProperty("late").GetDecimal())
            .Should().Be((30_000m, 0m, 0m));
    }

    [Fact]
    public async Task An_unpaid_advance_of_a_successor_is_on_time_on_its_start_date_and_flagged_overdue_the_day_after()
    {
        var signed = _api.Signing(start: SigningDay.AddDays(20));
        await _api.PublishAsync(signed);
        var advance = (await AdvanceAsync(signed.ContractId)).GetProperty("id").GetGuid();

        _api.Clock.Advance(TimeSpan.FromDays(20)); // 2027-03-21, the start and pay-by day
        (await Flagger.FlagOverdueAsync(CancellationToken.None)).Should().Be(0);
        (await AdvanceAsync(signed.ContractId)).GetProperty("late").GetBoolean().Should().BeFalse();

        _api.Clock.Advance(TimeSpan.FromDays(1));
        (await Flagger.FlagOverdueAsync(CancellationToken.None)).Should().Be(1);

        (await _api.PublishedAsync<InstalmentOverdue>(x => x.InstalmentId == advance && x.PayBy == signed.Start)).Should().BeTrue();
        var late = await AdvanceAsync(signed.ContractId);
        late.GetProperty("late").GetBoolean().Should().BeTrue();
        late.GetProperty("daysFromDue").GetInt32().Should().Be(21);
        (await ReportAsync(signed.ContractId)).GetProperty("lateCount").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_successor_terminated_before_it_starts_owes_no_advance_while_no_money_is_engaged()
    {
        var signed = _api.Signing(start: SigningDay.AddDays(20));
        await _api.PublishAsync(signed);
        var advance = (await AdvanceAsync(signed.ContractId)).GetProperty("id").GetGuid();
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request", Guid.NewGuid().ToString()))
            .EnsureSuccessStatusCode();

        await _api.PublishAsync(new ContractEnded(
            signed.ContractId, signed.ProgramId, signed.AgencyId, null, "Terminated", "Agency withdrew before the start", 0m, _api.Clock.GetUtcNow()));

        (await _api.InstalmentsAsync(signed.ContractId)).Should().OnlyContain(i => i.GetProperty("status").GetString() == "Cancelled");
        _api.Clock.Advance(TimeSpan.FromDays(40));
        (await Flagger.FlagOverdueAsync(CancellationToken.None)).Should().Be(0);
        var report = await ReportAsync(signed.ContractId);
        (report.GetProperty("due").GetDecimal(), report.GetProperty("outstanding").GetDecimal(), report.GetProperty("lateCount").GetInt32())
            .Should().Be((0m, 0m, 0));
    }
}
