using System.Net;
using System.Text.Json;
using FluentAssertions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Identity.Domain;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Disbursement: the demo purchaser, agencies, treasury officer and auditor pay a contract's
/// instalments through the public entry. Contracting's and Evaluation's events are published into the embedded
/// host's bus by these steps; the platform's clock (<see cref="ShiftedClock"/>) is moved to let payment terms run,
/// and everybody signs in again for every call, since tokens are issued and checked on that clock.
/// </summary>
[Binding]
public sealed class DisbursementSteps(EmbeddedPlatform platform, ShiftedClock clock)
{
    private const string Purchaser = "purchaser";
    private const string Treasury = "treasury";
    private const string Auditor = "auditor";

    /// <summary>How long the steps wait for an event to reach Disbursement, or for the overdue check to run.</summary>
    private static readonly TimeSpan Patience = Eventually.Patience;

    private Guid? _program;
    private ContractActivated? _contract;
    private ApiAnswer? _refusal;

    private ContractActivated Contract => _contract ?? throw new InvalidOperationException("A contract should be activated first.");

    private Guid Program => _program ??= Guid.NewGuid();

    // ---- the scene: appropriations and the other services' events ------------------------------

    [Given(@"the purchaser has an appropriation of (\d+\.\d{2}) yuan this fiscal year for the disbursement program")]
    public async Task HasAppropriation(decimal amount)
    {
        using var purchaser = await ClientAsync(Purchaser);
        await purchaser.SetAppropriationAsync(Program, Today().Year, amount);
    }

    [Given(@"a contract of (\d+\.\d{2}) yuan between the purchaser and ""([^""]*)"" has been activated with the default 30/40/30 schedule")]
    public async Task ContractActivated(decimal amount, string agency)
    {
        var start = Today();
        _contract = new ContractActivated(
            Guid.NewGuid(), Guid.NewGuid(), Program, DemoDirectory.CivilAffairsBureau, DemoDirectory.UserNamed(agency).OrganisationId, null, amount,
            start, start.AddYears(1).AddDays(-1), [new KpiTerms("Service hours", "hours", 2400m)], [], null, clock.GetUtcNow());
        await PublishAsync(_contract);
        var report = await EventuallyAsync(
            async () => await (await ClientAsync(Purchaser)).DisbursementReportAsync(_contract.ContractId),
            answer => answer.Status == HttpStatusCode.OK);
        report.Expect(HttpStatusCode.OK, "the activated contract reaching Disbursement");
    }

    [When(@"the third-party evaluator grades the contract's mid-term performance Fail with (\d+\.\d{2}) points")]
    public async Task MidTermFail(decimal score)
    {
        await PublishAsync(new PerformanceEvaluated(
            Guid.NewGuid(), Contract.ContractId, Contract.ProgramId, Contract.AgencyId, "MidTerm", score, "Fail", false, clock.GetUtcNow()));
        await EventuallyAsync(() => InstalmentAsync(2), i => i.Status != "Scheduled");
    }

    // ---- the flow ---------------------------------------------------------------------------------

    [When(@"""([^""]*)"" requests payment of the advance instalment")]
    public async Task RequestsAdvance(string agency) =>
        (await (await ClientAsync(agency)).RequestInstalmentAsync((await InstalmentAsync(1)).Id)).Expect(HttpStatusCode.OK, "requesting the advance");

    [Then(@"""([^""]*)"" cannot request payment of the mid-term instalment")]
    public async Task CannotRequestMidTerm(string agency) =>
        (await (await ClientAsync(agency)).RequestInstalmentAsync((await InstalmentAsync(2)).Id)).Status.Should().Be(HttpStatusCode.Conflict);

    [When(@"the purchaser approves the advance instalment")]
    public async Task ApprovesAdvance() =>
        (await (await ClientAsync(Purchaser)).ApproveInstalmentAsync((await InstalmentAsync(1)).Id)).Expect(HttpStatusCode.OK, "approving the advance");

    [When(@"the treasury officer releases the advance instalment")]
    public async Task ReleasesAdvance() =>
        (await (await ClientAsync(Treasury)).ReleaseInstalmentAsync((await InstalmentAsync(1)).Id)).Expect(HttpStatusCode.OK, "releasing the advance");

    [When(@"the purchaser tries to release the advance instalment")]
    public async Task PurchaserTriesToRelease() =>
        _refusal = await (await ClientAsync(Purchaser)).ReleaseInstalmentAsync((await InstalmentAsync(1)).Id);

    [Then(@"the release is forbidden by the rule ""([^""]*)""")]
    public void ReleaseForbidden(string rule)
    {
        var refusal = _refusal ?? throw new InvalidOperationException("Someone should try to release first.");
        refusal.Status.Should().Be(HttpStatusCode.Forbidden, refusal.Body);
        refusal.Json<JsonElement>().GetProperty("rule").GetString().Should().Be(rule);
    }

    [When(@"the treasury officer confirms the advance instalment was paid")]
    public async Task ConfirmsAdvance() =>
        (await (await ClientAsync(Treasury)).ConfirmInstalmentPaidAsync((await InstalmentAsync(1)).Id)).Expect(HttpStatusCode.OK, "confirming the payment");

    [When(@"the purchaser (keeps withholding|resumes) the mid-term instalment because ""([^""]*)""")]
    public async Task DecidesWithheld(string decision, string reason) =>
        (await (await ClientAsync(Purchaser)).DecideWithheldInstalmentAsync((await InstalmentAsync(2)).Id, decision == "resumes" ? "resume" : "withhold", reason))
        .Expect(HttpStatusCode.OK, "deciding on the withheld instalment");

    [When(@"(\d+) (?:more )?days? pass(?:es)? without the advance instalment being paid")]
    public void DaysPass(int days) => clock.Advance(TimeSpan.FromDays(days));

    // ---- what people see ---------------------------------------------------------------------------

    [Then(@"the advance instalment of (\d+\.\d{2}) yuan is due today, to be paid within (\d+) days")]
    public async Task AdvanceDue(decimal amount, int days)
    {
        var advance = await InstalmentAsync(1);
        (advance.Condition, advance.Amount, advance.Status, advance.DueOn).Should().Be(("Activation", amount, "Due", Today()));
        advance.PayBy.Should().Be(Today().AddDays(days));
    }

    [Then(@"the mid-term and final instalments of (\d+\.\d{2}) and (\d+\.\d{2}) yuan are scheduled")]
    public async Task LaterScheduled(decimal midTerm, decimal final)
    {
        var instalments = await InstalmentsAsync();
        instalments.Skip(1).Select(i => (i.Condition, i.Amount, i.Status)).Should().Equal(
            ("MidTermPassed", midTerm, "Scheduled"), ("FinalPassed", final, "Scheduled"));
    }

    [Then(@"the advance instalment is (?:still )?(approved|released)")]
    public async Task AdvanceIs(string status) =>
        (await InstalmentAsync(1)).Status.Should().Be(status == "approved" ? "Approved" : "Released");

    [Then(@"the mid-term instalment is withheld because of the Fail grade")]
    public async Task MidTermWithheld()
    {
        var midTerm = await InstalmentAsync(2);
        midTerm.Status.Should().Be("Withheld");
        midTerm.WithholdReason.Should().Contain("Fail");
    }

    [Then(@"the mid-term instalment is still withheld, because ""([^""]*)""")]
    public async Task MidTermStillWithheld(string reason)
    {
        var midTerm = await InstalmentAsync(2);
        (midTerm.Status, midTerm.WithholdReason).Should().Be(("Withheld", reason));
    }

    [Then(@"the mid-term instalment is due today")]
    public async Task MidTermDue()
    {
        var midTerm = await InstalmentAsync(2);
        (midTerm.Status, midTerm.DueOn).Should().Be(("Due", Today()));
    }

    [Then(@"the contract's disbursement report shows (\d+\.\d{2}) yuan paid and (\d+\.\d{2}) yuan outstanding, (\d+) days after it fell due")]
    public async Task ReportShowsPaid(decimal paid, decimal outstanding, int days)
    {
        var report = await ReportAsync(Purchaser);
        (report.Paid, report.Outstanding).Should().Be((paid, outstanding));
        report.Instalments[0].DaysFromDue.Should().Be(days);
        report.Instalments[0].Late.Should().BeFalse();
    }

    [Then(@"the auditor reads one OCDS transaction of (\d+\.\d{2}) CNY from the purchaser to ""([^""]*)""")]
    public async Task OcdsTransaction(decimal amount, string agency)
    {
        var payments = await (await ClientAsync(Auditor)).OcdsPaymentsAsync(Contract.ContractId);
        var payment = payments.Should().ContainSingle().Subject;
        (payment.Value.Amount, payment.Value.Currency).Should().Be((amount, "CNY"));
        payment.Payer.Id.Should().Be(DemoDirectory.CivilAffairsBureau.ToString());
        payment.Payee.Id.Should().Be(DemoDirectory.UserNamed(agency).OrganisationId.ToString());
    }

    [Then(@"the advance instalment is not yet late")]
    public async Task NotYetLate()
    {
        // Give the overdue check (every second) time to run on the moved clock before believing it has nothing to flag.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var advance = await InstalmentAsync(1);
        (advance.Late, advance.FlaggedOverdueAt).Should().Be((false, (DateTimeOffset?)null));
    }

    [Then(@"the advance instalment is flagged overdue, (\d+) days after it fell due")]
    public async Task FlaggedOverdue(int days)
    {
        var advance = await EventuallyAsync(() => InstalmentAsync(1), i => i.FlaggedOverdueAt is not null);
        advance.FlaggedOverdueAt.Should().NotBeNull("the overdue check runs every second");
        (advance.Late, advance.DaysFromDue, advance.Status).Should().Be((true, days, "Due"));
    }

    [Then(@"the contract's disbursement report shows (\d+) late instalments? of (\d+\.\d{2}) yuan")]
    public async Task ReportShowsLate(int count, decimal amount)
    {
        var report = await ReportAsync(Purchaser);
        (report.LateCount, report.Late).Should().Be((count, amount));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private Task<HttpClient> ClientAsync(string user) => platform.SignedInClientAsync(user);

    private async Task PublishAsync<T>(T message)
        where T : class =>
        await platform.Host.Services.GetRequiredService<IBus>().Publish(message);

    private async Task<DisbursementReport> ReportAsync(string user)
    {
        using var client = await ClientAsync(user);
        return (await client.DisbursementReportAsync(Contract.ContractId)).Expect(HttpStatusCode.OK, "reading the disbursement report").Json<DisbursementReport>();
    }

    private async Task<IReadOnlyList<InstalmentView>> InstalmentsAsync() => (await ReportAsync(Treasury)).Instalments;

    private async Task<InstalmentView> InstalmentAsync(int sequence) => (await InstalmentsAsync()).Single(i => i.Sequence == sequence);

    private static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done) => Eventually.AskAsync(read, done);
}
