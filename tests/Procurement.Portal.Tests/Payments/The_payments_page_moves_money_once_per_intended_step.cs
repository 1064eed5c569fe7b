using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Payments;
using Procurement.Portal.Localization;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Tests.Payments;

public sealed class The_payments_page_moves_money_once_per_intended_step : PaymentPageContext
{
    private IRenderedComponent<Portal.Components.Pages.Payments.Payments> Render(FakeDisbursements api)
    {
        Services.AddSingleton<IDisbursementsClient>(api);
        return Render<Portal.Components.Pages.Payments.Payments>();
    }

    [Fact]
    public void A_double_click_on_the_agencys_confirmation_sends_one_key_and_the_status_moves_to_requested()
    {
        SignInAs("agency-user", Roles.Agency, Agency);
        var advance = Instalment(1, "Due", 30_000m);
        var api = new FakeDisbursements(advance) { Hold = new TaskCompletionSource() };
        var page = Render(api);

        page.Find("[data-testid=action-Request]").Click();
        page.Find("[data-testid=confirm-text]").TextContent.Should().Contain("¥30,000.00");
        page.Find("[data-testid=confirm-yes]").Click();
        page.Find("[data-testid=confirm-yes]").Click();
        api.Hold.SetResult();

        api.Steps.Should().HaveCount(2);
        api.Steps.Select(s => s.Key).Distinct().Should().ContainSingle().Which.Should().NotBeNullOrEmpty();
        page.WaitForAssertion(() => page.Find($"[data-testid=instalment-{advance.Id}] [data-testid=instalment-status]").TextContent.Should().Be("已申请"));
        page.FindAll("[data-testid=action-Request]").Should().BeEmpty();
    }

    [Fact]
    public void The_answer_to_a_double_clicks_second_release_leaves_the_next_steps_confirmation_open()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        var approved = Instalment(1, "Approved", 30_000m, requestedBy: "agency-user", approvedBy: "purchaser-user");
        var api = new FakeDisbursements(approved);
        api.HoldEach.AddRange([new TaskCompletionSource(), new TaskCompletionSource()]);
        var page = Render(api);
        var row = $"[data-testid=instalment-{approved.Id}]";

        page.Find($"{row} [data-testid=action-Release]").Click();
        page.Find("[data-testid=confirm-yes]").Click();
        page.Find("[data-testid=confirm-yes]").Click();
        api.HoldEach[0].SetResult();
        page.WaitForAssertion(() => page.Find($"{row} [data-testid=instalment-status]").TextContent.Should().Be("已拨付"));

        // The officer goes on to confirm the payment while the second click's release is still on its way.
        page.Find($"{row} [data-testid=action-Confirm]").Click();
        api.HoldEach[1].SetResult();

        page.Find("[data-testid=confirm-text]").TextContent.Should().Contain("¥30,000.00");
        page.Find("[data-testid=confirm-yes]").Click();
        page.WaitForAssertion(() => api.Steps.Select(s => s.Step).Should().Equal("release", "release", "confirm"));
        page.WaitForAssertion(() => page.Find($"{row} [data-testid=instalment-status]").TextContent.Should().Be("已支付"));
    }

    [Fact]
    public void A_retry_after_a_failure_sends_the_same_key_and_a_request_after_a_rejection_a_new_one()
    {
        SignInAs("agency-user", Roles.Agency, Agency);
        var advance = Instalment(1, "Due", 30_000m);
        var api = new FakeDisbursements(advance) { FailNext = 503 };
        var page = Render(api);

        page.Find("[data-testid=action-Request]").Click();
        page.Find("[data-testid=confirm-yes]").Click();
        page.Find("[data-testid=confirm-yes]").Click();
        api.Steps.Should().HaveCount(2);
        api.Steps[1].Key.Should().Be(api.Steps[0].Key);

        advance.Status = "Rejected";
        page.Render();
        page.Find("[data-testid=action-Request]").Click();
        page.Find("[data-testid=confirm-yes]").Click();
        api.Steps.Should().HaveCount(3);
        api.Steps[2].Key.Should().NotBe(api.Steps[0].Key);
    }

    [Fact]
    public void The_purchaser_rejects_with_a_reason_and_decides_on_a_withheld_instalment()
    {
        SignInAs("purchaser-user", Roles.Purchaser, Unit);
        var requested = Instalment(1, "Requested", 30_000m, requestedBy: "agency-user");
        var withheld = Instalment(2, "Withheld", 40_000m);
        var api = new FakeDisbursements(requested, withheld);
        var page = Render(api);

        page.FindAll($"[data-testid=instalment-{requested.Id}] button").Select(b => b.GetAttribute("data-testid"))
            .Should().Equal("action-Approve", "action-Reject");
        page.Find($"[data-testid=instalment-{requested.Id}] [data-testid=action-Reject]").Click();
        page.Find("[data-testid=confirm-reason]").Input("材料不全");
        page.Find("[data-testid=confirm-yes]").Click();
        page.Find($"[data-testid=instalment-{withheld.Id}] [data-testid=action-DecideWithholding]").Click();
        page.Find("[data-testid=confirm-decision]").Change("withhold");
        page.Find("[data-testid=confirm-reason]").Input("整改未完成");
        page.Find("[data-testid=confirm-yes]").Click();

        api.Steps.Select(s => s.Step).Should().Equal("reject:材料不全", "decide:withhold:整改未完成");
        api.Steps.Should().OnlyContain(s => s.Key == null);
    }

    [Fact]
    public void The_treasury_officer_who_approved_reads_why_there_is_no_release_button_beside_it()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        var own = Instalment(1, "Approved", 30_000m, requestedBy: "agency-user", approvedBy: "treasurer1");
        var other = Instalment(2, "Approved", 40_000m, requestedBy: "agency-user", approvedBy: "purchaser-user");
        var page = Render(new FakeDisbursements(own, other));

        page.FindAll($"[data-testid=instalment-{own.Id}] button").Should().BeEmpty();
        page.Find($"[data-testid=instalment-{own.Id}] [data-testid=blocked]").TextContent.Should().Contain("另一名财政人员");
        page.FindAll($"[data-testid=instalment-{other.Id}] button").Select(b => b.GetAttribute("data-testid"))
            .Should().Equal("action-Release", "action-Reject");
    }

    [Fact]
    public void Treasury_reads_the_overdue_list_with_days_late_and_the_on_time_share_per_purchaser()
    {
        SignInAs("treasurer1", Roles.Treasury, Treasury);
        var overdue = Instalment(1, "Requested", 30_000m, late: true, dueOn: new DateOnly(2027, 1, 1), payBy: new DateOnly(2027, 1, 31), daysFromDue: 42);
        var paid = Instalment(2, "Paid", 40_000m, dueOn: new DateOnly(2027, 1, 1), payBy: new DateOnly(2027, 1, 31), daysFromDue: 12);
        var page = Render(new FakeDisbursements(overdue, paid));

        page.Find($"[data-testid=overdue-{overdue.Id}] [data-testid=days-late]").TextContent.Should().Be("12");
        page.FindAll("[data-testid=overdue] tbody tr").Should().ContainSingle();
        page.Find($"[data-testid=on-time-{Unit}] [data-testid=on-time-share]").TextContent.Should().Be("100.0%");
    }

    [Fact]
    public void The_auditor_reads_every_instalment_and_the_treasury_figures_without_a_single_button()
    {
        SignInAs("auditor", Roles.Auditor, Guid.NewGuid());
        var page = Render(new FakeDisbursements(
            Instalment(1, "Due", 30_000m), Instalment(2, "Requested", 40_000m, requestedBy: "x"),
            Instalment(3, "Approved", 30_000m, approvedBy: "y"), Instalment(4, "Released", 1m), Instalment(5, "Withheld", 2m)));

        page.FindAll("[data-testid^=instalment-]").Should().NotBeEmpty();
        page.FindAll("[data-testid=instalments] tbody tr").Should().HaveCount(5);
        page.FindAll("button").Should().BeEmpty();
        page.FindAll("[data-testid=blocked]").Should().BeEmpty();
        page.Find("[data-testid=read-only]");
        page.Find("[data-testid=on-time]");
    }
}

public sealed class The_ledger_of_a_contract_sums : PaymentPageContext
{
    private sealed class Reports(ContractReportResponse report) : IDisbursementReportsClient
    {
        public Task<ContractReportResponse> GetContractDisbursementsAsync(Guid contractId, CancellationToken cancellationToken) => Task.FromResult(report);

        public Task<OcdsContractImplementation> GetContractOcdsTransactionsAsync(Guid contractId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<FileResponse> DownloadContractDisbursementReportAsync(Guid contractId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ICollection<LedgerLineResponse>> ListLedgerLinesAsync(Guid? contractId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<LedgerCheckResponse> CheckLedgerAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PurchaserYearResponse> GetPurchaserYearAsync(Guid purchasingUnitId, int year, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<FileResponse> DownloadPurchaserYearReportAsync(Guid purchasingUnitId, int year, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public void The_total_row_is_the_sum_of_the_rows_and_the_workbook_is_linked()
    {
        SignInAs("auditor", Roles.Auditor, Guid.NewGuid());
        var report = new ContractReportResponse
        {
            ContractId = Contract, PurchasingUnitId = Unit, AgencyId = Agency, Amount = 1_234_567.89m, Currency = "CNY",
            Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 12, 31), PaymentTermDays = 30,
            Scheduled = 1_234_567.89m, Paid = 370_370.37m,
            Instalments = [Instalment(1, "Paid", 370_370.37m), Instalment(2, "Scheduled", 493_827.16m), Instalment(3, "Scheduled", 370_370.36m)],
        };
        Services.AddSingleton<IDisbursementReportsClient>(new Reports(report));

        var page = Render<ContractLedger>(p => p.Add(l => l.ContractId, Contract));

        var rows = page.FindAll("[data-testid=instalments] tbody [data-testid=instalment-amount]")
            .Select(cell => decimal.Parse(cell.TextContent.TrimStart('¥'), NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();
        rows.Should().Equal(370_370.37m, 493_827.16m, 370_370.36m);
        page.Find("[data-testid=total-amount]").TextContent.Should().Be(Format.Money(rows.Sum())).And.Be("¥1,234,567.89");
        page.Find("[data-testid=figure-amount]").TextContent.Should().Be("¥1,234,567.89");
        page.Find("[data-testid=ledger-download]").GetAttribute("href").Should().Be($"/files/disbursements/contracts/{Contract}/report.xlsx");
        page.FindAll("button").Should().BeEmpty();
    }
}

public sealed class The_payments_page_in_English : PaymentPageContext
{
    public The_payments_page_in_English()
        : base("en")
    {
    }

    [Fact]
    public void Statuses_actions_and_the_separation_of_duties_read_in_English()
    {
        SignInAs("purchaser-user", Roles.Purchaser, Unit);
        var own = Instalment(1, "Requested", 30_000m, requestedBy: "purchaser-user");
        var other = Instalment(2, "Requested", 40_000m, requestedBy: "agency-user");
        Services.AddSingleton<IDisbursementsClient>(new FakeDisbursements(own, other));

        var page = Render<Portal.Components.Pages.Payments.Payments>();

        page.Find($"[data-testid=instalment-{own.Id}] [data-testid=instalment-status]").TextContent.Should().Be("Requested");
        page.Find($"[data-testid=instalment-{own.Id}] [data-testid=blocked]").TextContent.Should().StartWith("Separation of duties: you requested this payment");
        page.Find($"[data-testid=instalment-{other.Id}] [data-testid=action-Approve]").TextContent.Should().Be("Approve");
    }
}
