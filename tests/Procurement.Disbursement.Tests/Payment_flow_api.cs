using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Tendering;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Disbursement.Tests;

public sealed class Payment_flow_api : IAsyncLifetime
{
    private DisbursementHost _api = null!;

    public async Task InitializeAsync() => _api = await DisbursementHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<int> LinesOfKindAsync(MovementKind kind)
    {
        await using var scope = _api.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisbursementDb>().LedgerLines.CountAsync(l => l.Kind == kind);
    }

    private async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Activation_schedules_the_instalments_and_the_advance_falls_due_at_once()
    {
        var contract = _api.Activation(100_000.01m);
        await _api.PublishAsync(contract);

        var instalments = await _api.InstalmentsAsync(contract.ContractId);

        instalments.Select(i => (i.GetProperty("sequence").GetInt32(), i.GetProperty("condition").GetString(), i.GetProperty("amount").GetDecimal(), i.GetProperty("status").GetString()))
            .Should().Equal((1, "Activation", 30_000.00m, "Due"), (2, "MidTermPassed", 40_000.00m, "Scheduled"), (3, "FinalPassed", 30_000.01m, "Scheduled"));
        instalments[0].GetProperty("dueOn").GetString().Should().Be("2027-03-01");
        instalments[0].GetProperty("payBy").GetString().Should().Be("2027-03-31");
        (await _api.PublishedAsync<InstalmentDue>(x => x.ContractId == contract.ContractId && x.Sequence == 1)).Should().BeTrue();
    }

    [Fact]
    public async Task An_empty_schedule_is_paid_30_40_30_and_a_redelivery_schedules_nothing_more()
    {
        var contract = _api.Activation(schedule: []);
        var messageId = Guid.NewGuid();
        await _api.PublishAsync(contract, messageId);
        await _api.PublishAsync(contract, messageId);
        await _api.PublishAsync(contract);

        (await _api.InstalmentsAsync(contract.ContractId)).Select(i => i.GetProperty("amount").GetDecimal()).Should().Equal(30_000m, 40_000m, 30_000m);
    }

    [Fact]
    public async Task A_schedule_with_an_advance_below_10_percent_is_kept_with_its_problem_and_nothing_is_scheduled()
    {
        var contract = _api.Activation(schedule: [new InstalmentTerms(9.99m, "Activation"), new InstalmentTerms(90.01m, "FinalPassed")]);
        await _api.PublishAsync(contract);

        var report = await JsonAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/contracts/{contract.ContractId}");

        report.GetProperty("scheduleProblem").GetString().Should().Contain("9.99").And.Contain("10");
        report.GetProperty("instalments").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_advance_is_requested_approved_released_and_paid_with_every_figure_derived_from_the_ledger()
    {
        await _api.SetAppropriationAsync(500_000.00m);
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);
        _api.Clock.Advance(TimeSpan.FromDays(3));

        await _api.PayAsync(advance);

        (await _api.PublishedAsync<InstalmentPaid>(x => x.InstalmentId == advance)).Should().BeTrue();
        var paid = _api.Harness.Published.Select<InstalmentPaid>(m => m.Context.Message.InstalmentId == advance).Single();
        (paid.Context.Message.Amount, paid.Context.Message.DaysFromDue, paid.Context.Message.Late, paid.Context.Message.PaidOn)
            .Should().Be((30_000.00m, 3, false, new DateOnly(2027, 3, 4)));
        var statuses = _api.Harness.Published.Select<InstalmentStatusChanged>(m => m.Context.Message.InstalmentId == advance)
            .Select(m => m.Context.Message.To).ToList();
        statuses.Should().Equal("Due", "Requested", "Approved", "Released", "Paid");

        var report = await JsonAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/contracts/{contract.ContractId}");
        (report.GetProperty("scheduled").GetDecimal(), report.GetProperty("due").GetDecimal(), report.GetProperty("paid").GetDecimal(),
            report.GetProperty("outstanding").GetDecimal(), report.GetProperty("late").GetDecimal())
            .Should().Be((100_000m, 30_000m, 30_000m, 0m, 0m));
        report.GetProperty("instalments")[0].GetProperty("daysFromDue").GetInt32().Should().Be(3);

        var year = await JsonAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/purchasers/{_api.Unit}/years/2027");
        (year.GetProperty("appropriation").GetDecimal(), year.GetProperty("committed").GetDecimal(), year.GetProperty("paid").GetDecimal(),
            year.GetProperty("available").GetDecimal()).Should().Be((500_000m, 0m, 30_000m, 470_000m));

        var ocds = await JsonAsync(_api.Client(Roles.Auditor, Guid.NewGuid()), $"/api/disbursements/contracts/{contract.ContractId}/ocds-transactions");
        var transaction = ocds.GetProperty("implementation").GetProperty("transactions").EnumerateArray().Should().ContainSingle().Subject;
        transaction.GetProperty("id").GetString().Should().Be($"{contract.ContractId}-1");
        transaction.GetProperty("value").GetProperty("amount").GetRawText().Should().Be("30000.00");
        transaction.GetProperty("value").GetProperty("currency").GetString().Should().Be("CNY");
        transaction.GetProperty("payer").GetProperty("id").GetString().Should().Be(_api.Unit.ToString());
        transaction.GetProperty("payee").GetProperty("id").GetString().Should().Be(_api.Agency.ToString());
        transaction.GetProperty("source").GetString().Should().Be($"/api/disbursements/instalments/{advance}");
        transaction.TryGetProperty("date", out _).Should().BeTrue();

        var check = await JsonAsync(_api.Client(Roles.Auditor, Guid.NewGuid()), "/api/disbursements/ledger/check");
        check.GetProperty("balanced").GetBoolean().Should().BeTrue();
        check.GetProperty("violations").GetArrayLength().Should().Be(0);
        check.GetProperty("lines").GetInt32().Should().Be(8, "an appropriation, a commitment, a release and a payment: two lines each");
    }

    [Fact]
    public async Task A_request_or_release_without_an_idempotency_key_is_refused()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);

        var response = await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Idempotency-Key");
    }

    [Fact]
    public async Task The_same_release_key_sent_twice_pays_once_and_answers_the_same()
    {
        await _api.SetAppropriationAsync(500_000.00m);
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request", "req-1")).EnsureSuccessStatusCode();
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request", "req-1")).EnsureSuccessStatusCode();
        (await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{advance}/approve")).EnsureSuccessStatusCode();
        var treasury = _api.Client(_api.Treasurer);

        var first = await DisbursementHost.PostAsync(treasury, $"/api/disbursements/instalments/{advance}/release", "rel-1");
        var second = await DisbursementHost.PostAsync(treasury, $"/api/disbursements/instalments/{advance}/release", "rel-1");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await LinesOfKindAsync(MovementKind.Release)).Should().Be(2, "one movement of two lines");
        (await _api.PublishedAsync<InstalmentStatusChanged>(x => x.InstalmentId == advance && x.To == "Released")).Should().BeTrue();
        _api.Harness.Published.Select<InstalmentStatusChanged>(m => m.Context.Message.InstalmentId == advance && m.Context.Message.To == "Released")
            .Should().ContainSingle();
    }

    [Fact]
    public async Task A_key_used_for_one_step_cannot_be_used_for_another()
    {
        await _api.SetAppropriationAsync(500_000.00m);
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);
        var agency = _api.Client(_api.AgencyUser);
        (await DisbursementHost.PostAsync(agency, $"/api/disbursements/instalments/{advance}/request", "shared")).EnsureSuccessStatusCode();
        (await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{advance}/approve")).EnsureSuccessStatusCode();

        var reused = await DisbursementHost.PostAsync(_api.Client(_api.Treasurer), $"/api/disbursements/instalments/{advance}/release", "shared");

        reused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_appropriation_limit_allows_the_last_fen_and_refuses_one_more_naming_the_limit_and_the_excess()
    {
        await _api.SetAppropriationAsync(29_999.99m);
        var first = _api.Activation();
        await _api.PublishAsync(first);
        var advance = await _api.InstalmentIdAsync(first.ContractId, 1);
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request", "a")).EnsureSuccessStatusCode();

        var refused = await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser, "zh-CN"), $"/api/disbursements/instalments/{advance}/approve");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("rule").GetString().Should().Be(DisbursementCodes.AppropriationLimitExceeded);
        problem.GetProperty("limit").GetString().Should().Be("appropriation");
        problem.GetProperty("excess").GetDecimal().Should().Be(0.01m);
        problem.GetProperty("detail").GetString().Should().Be("预算指标限额：支付 30000.00 超过 2027 年度尚可使用的预算指标（29999.99），超出 0.01。");

        await _api.SetAppropriationAsync(30_000.00m);
        var approved = await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{advance}/approve");
        approved.StatusCode.Should().Be(HttpStatusCode.OK, "the appropriation is now used exactly");
    }

    [Fact]
    public async Task An_amendment_cutting_the_contract_amount_stops_payments_beyond_it()
    {
        await _api.SetAppropriationAsync(500_000.00m);
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        await _api.PayAsync(await _api.InstalmentIdAsync(contract.ContractId, 1));
        await _api.PublishAsync(_api.Evaluation(contract, "MidTerm", 85m));
        await _api.PublishAsync(new ContractAmended(contract.ContractId, 2, "amountChange", "Scope reduced", 69_999.99m, contract.End, null, _api.Clock.GetUtcNow()));
        var midTerm = await _api.InstalmentIdAsync(contract.ContractId, 2);
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{midTerm}/request", "m")).EnsureSuccessStatusCode();

        var refused = await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{midTerm}/approve");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("limit").GetString().Should().Be("contract");
        problem.GetProperty("excess").GetDecimal().Should().Be(0.01m);
        problem.GetProperty("detail").GetString().Should().Contain("69999.99").And.Contain("0.01");
    }

    [Fact]
    public async Task The_person_who_approved_cannot_release_and_a_purchaser_cannot_release_at_all()
    {
        await _api.SetAppropriationAsync(500_000.00m);
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);
        // One person of a small unit who holds both roles.
        var both = new Person($"{Roles.Purchaser},{Roles.Treasury}", _api.Unit, Guid.NewGuid().ToString());
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request", "r")).EnsureSuccessStatusCode();
        (await DisbursementHost.PostAsync(_api.Client(both), $"/api/disbursements/instalments/{advance}/approve")).EnsureSuccessStatusCode();

        var byApprover = await DisbursementHost.PostAsync(_api.Client(both), $"/api/disbursements/instalments/{advance}/release", "x1");
        var byPurchaser = await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{advance}/release", "x2");
        var byTreasury = await DisbursementHost.PostAsync(_api.Client(_api.Treasurer), $"/api/disbursements/instalments/{advance}/release", "x3");

        byApprover.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await byApprover.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(DisbursementCodes.ReleaserIsApprover);
        byPurchaser.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await byPurchaser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(DisbursementCodes.ReleaseNeedsTreasury);
        byTreasury.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rejected_request_can_be_requested_again()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        var advance = await _api.InstalmentIdAsync(contract.ContractId, 1);
        (await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request", "r1")).EnsureSuccessStatusCode();

        var noReason = await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{advance}/reject", body: new { reason = "" });
        var rejected = await DisbursementHost.PostAsync(_api.Client(_api.PurchaserUser), $"/api/disbursements/instalments/{advance}/reject", body: new { reason = "Invoice missing" });
        var again = await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{advance}/request", "r2");

        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rejectionReason").GetString().Should().Be("Invoice missing");
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Requested");
    }

    [Fact]
    public async Task A_mid_term_fail_withholds_the_next_instalment_until_the_purchaser_decides()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        await _api.PublishAsync(_api.Evaluation(contract, "MidTerm", 55m));
        var midTerm = await _api.InstalmentIdAsync(contract.ContractId, 2);

        var withheld = (await _api.InstalmentsAsync(contract.ContractId)).Single(i => i.GetProperty("sequence").GetInt32() == 2);
        withheld.GetProperty("status").GetString().Should().Be("Withheld");
        withheld.GetProperty("withholdReason").GetString().Should().Contain("Fail");

        var purchaser = _api.Client(_api.PurchaserUser);
        var request = await DisbursementHost.PostAsync(_api.Client(_api.AgencyUser), $"/api/disbursements/instalments/{midTerm}/request", "w1");
        request.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var kept = await DisbursementHost.PostAsync(purchaser, $"/api/disbursements/instalments/{midTerm}/withholding-decision", body: new { decision = "withhold", reason = "Improvement plan first" });
        (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("Withheld");

        _api.Clock.Advance(TimeSpan.FromDays(10));
        var resumed = await DisbursementHost.PostAsync(purchaser, $"/api/disbursements/instalments/{midTerm}/withholding-decision", body: new { decision = "resume", reason = "Improvement plan delivered" });
        var body = await resumed.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("Due");
        body.GetProperty("dueOn").GetString().Should().Be("2027-03-11");
        (await _api.PublishedAsync<InstalmentDue>(x => x.InstalmentId == midTerm)).Should().BeTrue();
        _api.Harness.Published.Select<InstalmentStatusChanged>(m => m.Context.Message.InstalmentId == midTerm).Select(m => m.Context.Message.To)
            .Should().Equal("Withheld", "Due");
    }

    [Fact]
    public async Task A_passing_mid_term_makes_its_instalment_due()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);

        await _api.PublishAsync(_api.Evaluation(contract, "MidTerm", 60m));

        (await _api.InstalmentsAsync(contract.ContractId)).Select(i => i.GetProperty("status").GetString()).Should().Equal("Due", "Due", "Scheduled");
    }

    [Fact]
    public async Task A_bridge_extension_adds_an_instalment_due_by_the_day_the_extension_starts()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        _api.Clock.Advance(TimeSpan.FromDays(350)); // 2028-02-14

        await _api.PublishAsync(new ContractAmended(contract.ContractId, 2, "durationExtension", "Bridge while the successor is procured",
            120_000.00m, new DateOnly(2028, 4, 30), 2, _api.Clock.GetUtcNow()));

        var bridge = (await _api.InstalmentsAsync(contract.ContractId)).Single(i => i.GetProperty("sequence").GetInt32() == 4);
        bridge.GetProperty("condition").GetString().Should().Be("BridgeStart");
        bridge.GetProperty("amount").GetDecimal().Should().Be(20_000.00m);
        bridge.GetProperty("status").GetString().Should().Be("Due");
        bridge.GetProperty("dueOn").GetString().Should().Be("2028-02-14");
        bridge.GetProperty("payBy").GetString().Should().Be("2028-03-01", "the extension starts the day after the old end, 2028-02-29");
    }

    [Fact]
    public async Task After_termination_nothing_more_falls_due()
    {
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        await _api.PublishAsync(new ContractEnded(contract.ContractId, contract.ProgramId, contract.AgencyId, contract.BidId, "Terminated", "Agency dissolved", 0m, _api.Clock.GetUtcNow()));

        await _api.PublishAsync(_api.Evaluation(contract, "MidTerm", 90m));

        (await _api.InstalmentsAsync(contract.ContractId)).Select(i => i.GetProperty("status").GetString()).Should().Equal("Due", "Cancelled", "Cancelled");
    }

    [Fact]
    public async Task A_purchaser_sets_only_their_own_units_appropriation_and_never_below_what_is_engaged()
    {
        var other = await _api.Client(_api.PurchaserUser).PutAsJsonAsync("/api/disbursements/appropriations",
            new { purchasingUnitId = Guid.NewGuid(), programId = _api.Program, fiscalYear = 2027, amount = 10m });
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await _api.SetAppropriationAsync(100_000m);
        var contract = _api.Activation();
        await _api.PublishAsync(contract);
        await _api.PayAsync(await _api.InstalmentIdAsync(contract.ContractId, 1));

        var tooLow = await _api.Client(_api.PurchaserUser).PutAsJsonAsync("/api/disbursements/appropriations", new { programId = _api.Program, fiscalYear = 2027, amount = 29_999.99m });
        tooLow.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var exact = await _api.Client(_api.PurchaserUser).PutAsJsonAsync("/api/disbursements/appropriations", new { programId = _api.Program, fiscalYear = 2027, amount = 30_000.00m });
        (await exact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("available").GetDecimal().Should().Be(0m);

        var byAdmin = await _api.Client(Roles.Admin, Guid.NewGuid()).PutAsJsonAsync("/api/disbursements/appropriations",
            new { purchasingUnitId = _api.Unit, programId = Guid.NewGuid(), fiscalYear = 2028, amount = 5m });
        byAdmin.StatusCode.Should().Be(HttpStatusCode.OK);
        var listed = await _api.Client(_api.PurchaserUser).GetFromJsonAsync<JsonElement[]>("/api/disbursements/appropriations?fiscalYear=2027");
        listed!.Should().ContainSingle().Which.GetProperty("paid").GetDecimal().Should().Be(30_000m);
    }

    [Fact]
    public async Task A_ledger_line_once_written_can_be_neither_changed_nor_deleted()
    {
        await _api.SetAppropriationAsync(1_000.00m);
        await using var scope = _api.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisbursementDb>();
        var line = await db.LedgerLines.FirstAsync(l => l.Debit > 0);

        db.Entry(line).Property(l => l.Debit).CurrentValue = 1_000_000.00m;
        var change = () => db.SaveChangesAsync();
        await change.Should().ThrowAsync<InvalidOperationException>().WithMessage("*immutable*");

        db.ChangeTracker.Clear();
        db.LedgerLines.Remove(await db.LedgerLines.FirstAsync());
        var delete = () => db.SaveChangesAsync();
        await delete.Should().ThrowAsync<InvalidOperationException>().WithMessage("*immutable*");
    }
}
