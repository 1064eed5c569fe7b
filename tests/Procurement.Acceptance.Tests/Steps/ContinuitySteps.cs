using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Identity.Domain;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Continuity (DOMAIN.md §2): the demo purchaser, agencies and treasury officer renew, re-tender,
/// bridge and pay through the public entry, while the platform's own clocks raise RenewalDue, propose bridges and
/// activate contracts. What other services would publish — an award confirmed, a performance grade, a tender published
/// in the past, a payment already made — is published into the embedded host's bus to set the scene. The platform runs
/// on a <see cref="ShiftedClock"/>; after it moves everybody signs in again, as tokens are issued and checked on it.
/// </summary>
[Binding]
public sealed class ContinuitySteps(EmbeddedPlatform platform, ShiftedClock clock) : IDisposable
{
    private const string Purchaser = "purchaser";
    private const string Treasury = "treasury";

    /// <summary>How long a step waits for an event to arrive or a clock of the platform to act.</summary>
    private static readonly TimeSpan Patience = Eventually.Patience;

    private readonly SignedInUsers _users = new(platform, clock);
    private readonly Dictionary<string, Scene> _scenes = new(StringComparer.Ordinal);

    // ---- the scene ------------------------------------------------------------------------------

    [Given(@"a running one-year contract for ""([^""]*)"" with ""([^""]*)"" worth (\d+\.\d{2}) yuan, ending in (\d+) days")]
    public Task RunningOneYear(string title, string agency, decimal amount, int days)
    {
        var end = Today().AddDays(days);
        return RunningAsync(title, agency, amount, end.AddYears(-1).AddDays(1), end, publishedDaysBefore: null);
    }

    [Given(@"a running one-year contract for ""([^""]*)"" with ""([^""]*)"" worth (\d+\.\d{2}) yuan from a public tender published (\d+) days before signing, ending in (\d+) days")]
    public Task RunningFromTender(string title, string agency, decimal amount, int publishedDaysBefore, int days)
    {
        var end = Today().AddDays(days);
        return RunningAsync(title, agency, amount, end.AddYears(-1).AddDays(1), end, publishedDaysBefore);
    }

    [Given(@"a running contract for ""([^""]*)"" with ""([^""]*)"" worth (\d+\.\d{2}) yuan from today, ending in (\d+) days, paid in full")]
    public async Task RunningPaidInFull(string title, string agency, decimal amount, int days)
    {
        await RunningAsync(title, agency, amount, Today(), Today().AddDays(days), publishedDaysBefore: null);
        var scene = _scenes[title];

        // As Disbursement reports a payment: the whole amount reached the agency today.
        await PublishAsync(new InstalmentPaid(
            Guid.NewGuid(), scene.ContractId, scene.Award.ProgramId, scene.Award.AgencyId, scene.Award.PurchasingUnitId, amount, Today(), 0, false, clock.GetUtcNow()));
        await EventuallyAsync(async () => await ContractJsonAsync(scene.ContractId), c => c.GetProperty("recordedPaid").GetDecimal() == amount, "the payment reaching Contracting");
    }

    [Given(@"the purchaser's past public tenders took (\d+), (\d+) and (\d+) days from publication to a contract signed by both parties")]
    public async Task History(int first, int second, int third)
    {
        foreach (var days in new[] { first, second, third })
        {
            var start = Today().AddDays(60);
            await RunningAsync($"History {days}", "agency3", 100_000.00m, start, start.AddYears(1).AddDays(-1), publishedDaysBefore: days, waitForActive: false);
        }
    }

    [Given(@"the purchaser published the tender ""([^""]*)"" for a new program and awarded it to ""([^""]*)"" for a year ending in (\d+) days")]
    public async Task PublishedAndAwarded(string title, string agency, int days)
    {
        var purchaser = await ClientAsync(Purchaser);
        var program = await purchaser.CreateProgramAsync($"{title} program", "Demo District", "CommunityCorrection");
        var tender = NewTender.Standard(
            program, title, 500_000.00m, SliceApi.BeijingTime(Today().AddDays(25), new TimeOnly(10, 0)), Today().AddDays(60), Today().AddDays(60).AddYears(1).AddDays(-1));
        var tenderId = await purchaser.DraftTenderAsync(tender);
        await purchaser.PublishTenderAsync(tenderId);
        var end = Today().AddDays(days);
        var award = Award(title, agency, 360_000.00m, end.AddYears(-1).AddDays(1), end) with { TenderId = tenderId, ProgramId = program };
        await ActivateAsync(title, award, waitForActive: true);
    }

    [Given(@"the third-party evaluator grades the mid-term performance of ""([^""]*)"" (Excellent|Good|Pass|Fail) with (\d+\.\d{2}) points")]
    public async Task Graded(string title, string grade, decimal score)
    {
        var scene = _scenes[title];
        await PublishAsync(new PerformanceEvaluated(
            Guid.NewGuid(), scene.ContractId, scene.Award.ProgramId, scene.Award.AgencyId, "MidTerm", score, grade, grade != "Fail", clock.GetUtcNow()));
        await EventuallyAsync(async () => await ContractJsonAsync(scene.ContractId), c => c.GetProperty("evaluations").GetArrayLength() > 0, "the grade reaching Contracting");
    }

    [Given(@"the purchaser has an appropriation of (\d+\.\d{2}) yuan for the program of ""([^""]*)"" this year and next")]
    public async Task Appropriation(decimal amount, string title)
    {
        var purchaser = await ClientAsync(Purchaser);
        await purchaser.SetAppropriationAsync(_scenes[title].Award.ProgramId, Today().Year, amount);
        await purchaser.SetAppropriationAsync(_scenes[title].Award.ProgramId, Today().Year + 1, amount);
    }

    [Given(@"the new tender for ""([^""]*)"" was awarded to ""([^""]*)"", to start the day after the contract ends, not yet signed")]
    public async Task SuccessorAwarded(string title, string agency)
    {
        var scene = _scenes[title];
        var start = scene.End.AddDays(1);
        var award = Award($"{title} (next)", agency, scene.Award.Amount, start, start.AddYears(1).AddDays(-1)) with { ProgramId = scene.Award.ProgramId };
        await platform.ConfirmAwardAsync(award);
        var successor = await (await ClientAsync(Purchaser)).WaitForContractOfTenderAsync(award.TenderId, Patience);
        successor.Should().NotBeNull($"the award of the successor of \"{title}\" reaches Contracting within {Patience.TotalSeconds} s");
        _scenes[title] = scene with { SuccessorId = successor!.Id, SuccessorAgency = agency };
    }

    // ---- time -----------------------------------------------------------------------------------

    [When(@"(\d+) days pass on the platform")]
    public void DaysPass(int days) => Advance(TimeSpan.FromDays(days));

    [When(@"the platform reaches the first day of service of the successor of ""([^""]*)""")]
    public async Task SuccessorFirstDay(string title)
    {
        var successor = await ContractJsonAsync(Successor(title));
        var start = Day(successor, "start");
        Advance(TimeSpan.FromDays(Math.Max(0, start.DayNumber - Today().DayNumber)));
    }

    // ---- the renewal decision ---------------------------------------------------------------------

    [Then(@"renewal work for ""([^""]*)"" starts (\d+) days before its end, by default, and is not due yet")]
    public async Task StartsByDefault(string title, int days)
    {
        var renewal = await RenewalAsync(title);
        (renewal.GetProperty("leadTimeDays").GetInt32(), renewal.GetProperty("basis").GetString()).Should().Be((days, "default"));
        Day(renewal, "renewalPoint").Should().Be(_scenes[title].End.AddDays(-days));
        renewal.GetProperty("renewalDueRaisedAt").ValueKind.Should().Be(JsonValueKind.Null);
        renewal.GetProperty("state").GetString().Should().Be("Active");
    }

    [Then(@"renewal work for ""([^""]*)"" starts (\d+) days before its end, learnt from past procurements")]
    public async Task StartsFromHistory(string title, int days)
    {
        var renewal = await EventuallyAsync(() => RenewalAsync(title), r => r.GetProperty("leadTimeDays").GetInt32() == days, "the lead time learnt from history");
        (renewal.GetProperty("basis").GetString(), renewal.GetProperty("procurementMethod").GetString(), renewal.GetProperty("percentile").GetInt32(),
                renewal.GetProperty("marginDays").GetInt32())
            .Should().Be(("history", "PublicTender", 90, 30));
        renewal.GetProperty("percentileDays").GetInt32().Should().Be(days - 30);
        renewal.GetProperty("historyCount").GetInt32().Should().BeGreaterThanOrEqualTo(3);
        Day(renewal, "renewalPoint").Should().Be(_scenes[title].End.AddDays(-days));
        renewal.GetProperty("renewalDueRaisedAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Then(@"renewal work for ""([^""]*)"" is due and the contract is expiring")]
    public async Task RenewalDue(string title)
    {
        var renewal = await DueAsync(title);
        Day(renewal, "renewalPoint").Should().Be(_scenes[title].End.AddDays(-renewal.GetProperty("leadTimeDays").GetInt32()));
        Day(renewal, "renewalPoint").Should().BeOnOrBefore(Today());
        (await (await ClientAsync(Purchaser)).WaitForContractStateAsync(_scenes[title].ContractId, Patience, "Expiring")).State.Should().Be("Expiring");
    }

    [Then(@"the platform proposes to renew ""([^""]*)"" directly")]
    public async Task ProposesDirect(string title)
    {
        var proposal = (await DueAsync(title)).GetProperty("proposal");
        (proposal.GetProperty("path").GetString(), proposal.GetProperty("latestGrade").GetString(), proposal.GetProperty("obstacles").GetArrayLength())
            .Should().Be(("DirectRenewal", "Good", 0));
    }

    [Then(@"the platform proposes a new tender for ""([^""]*)"", because the latest grade is below Good")]
    public async Task ProposesNewTender(string title)
    {
        var proposal = (await DueAsync(title)).GetProperty("proposal");
        (proposal.GetProperty("path").GetString(), proposal.GetProperty("latestGrade").GetString()).Should().Be(("NewTender", "Fail"));
        proposal.GetProperty("obstacles").EnumerateArray().Select(o => o.GetString()).Should().Equal("GradeBelowMinimum");
    }

    [Then(@"the purchaser cannot renew ""([^""]*)"" directly")]
    public async Task CannotRenewDirectly(string title)
    {
        var refused = await ApiAnswer.ReadAsync((await ClientAsync(Purchaser)).PostAsJsonAsync(ConfirmPath(title), new { path = "DirectRenewal" }));
        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity, refused.Body);
        var problem = refused.Json<JsonElement>();
        problem.GetProperty("obstacles").EnumerateArray().Select(o => o.GetString()).Should().Equal("GradeBelowMinimum");
        problem.GetProperty("detail").GetString().Should().Contain("Good").And.Contain("NewTender");
    }

    [When(@"the purchaser confirms the proposed renewal of ""([^""]*)""")]
    public async Task Confirms(string title)
    {
        await DueAsync(title);
        var confirmed = (await ApiAnswer.ReadAsync((await ClientAsync(Purchaser)).PostAsJsonAsync(ConfirmPath(title), new { })))
            .Expect(HttpStatusCode.Created, "confirming the renewal decision").Json<JsonElement>();
        _scenes[title] = _scenes[title] with
        {
            SuccessorId = confirmed.GetProperty("successorId").ValueKind == JsonValueKind.Null ? null : confirmed.GetProperty("successorId").GetGuid(),
            SuccessorAgency = _scenes[title].Agency,
        };
    }

    [Then(@"the successor of ""([^""]*)"" is drafted from the day after its end, for another year at (\d+\.\d{2}) yuan, waiting for signatures")]
    public async Task SuccessorDrafted(string title, decimal amount)
    {
        var scene = _scenes[title];
        var successor = await ContractJsonAsync(Successor(title));
        (Day(successor, "start"), Day(successor, "end"), successor.GetProperty("amount").GetDecimal(), successor.GetProperty("state").GetString())
            .Should().Be((scene.End.AddDays(1), scene.End.AddYears(1), amount, "Draft"));
        (successor.GetProperty("predecessorId").GetGuid(), successor.GetProperty("agencyId").GetGuid(), successor.GetProperty("kpis").GetArrayLength(),
                successor.GetProperty("paymentSchedule").GetArrayLength())
            .Should().Be((scene.ContractId, scene.Award.AgencyId, scene.Award.Kpis.Count, scene.Award.PaymentSchedule.Count));
    }

    [Then(@"the contract for ""([^""]*)"" is marked renewed, linked to its successor")]
    public async Task MarkedRenewed(string title)
    {
        var contract = await ContractJsonAsync(_scenes[title].ContractId);
        (contract.GetProperty("state").GetString(), contract.GetProperty("successorId").GetGuid()).Should().Be(("Renewed", Successor(title)));
    }

    [Then(@"the purchaser finds a draft tender for the program of ""([^""]*)"", pre-filled from the last one, for the year after the contract ends")]
    public async Task FindsDraftTender(string title)
    {
        var scene = _scenes[title];
        var decision = await EventuallyAsync(
            async () => (await RenewalAsync(title)).GetProperty("decision"),
            d => d.ValueKind == JsonValueKind.Object && d.GetProperty("tenderId").ValueKind == JsonValueKind.String,
            "Tendering drafting the new tender");
        decision.GetProperty("path").GetString().Should().Be("NewTender");
        var purchaser = await ClientAsync(Purchaser);
        var drafted = await purchaser.GetFromJsonAsync<JsonElement>($"/api/tenders/{decision.GetProperty("tenderId").GetGuid()}");
        var last = await purchaser.GetFromJsonAsync<JsonElement>($"/api/tenders/{scene.Award.TenderId}");
        (drafted.GetProperty("status").GetString(), drafted.GetProperty("programId").GetGuid(), drafted.GetProperty("title").GetString(),
                drafted.GetProperty("budgetCeiling").GetDecimal(), drafted.GetProperty("procurementMethod").GetString())
            .Should().Be(("Draft", scene.Award.ProgramId, last.GetProperty("title").GetString(), last.GetProperty("budgetCeiling").GetDecimal(),
                last.GetProperty("procurementMethod").GetString()));
        (Day(drafted, "serviceStart"), Day(drafted, "serviceEnd")).Should().Be((scene.End.AddDays(1), scene.End.AddYears(1)));
        drafted.GetProperty("kpis").GetRawText().Should().Be(last.GetProperty("kpis").GetRawText());
        drafted.GetProperty("evaluationScheme").GetRawText().Should().Be(last.GetProperty("evaluationScheme").GetRawText());
        drafted.GetProperty("id").GetGuid().Should().NotBe(scene.Award.TenderId);
    }

    // ---- the bridge -------------------------------------------------------------------------------

    [Then(@"the platform proposes a bridge extension of ""([^""]*)"" at its monthly rate, from the day after its end")]
    public async Task ProposesBridge(string title)
    {
        var scene = _scenes[title];
        var purchaser = await ClientAsync(Purchaser);
        var proposal = await EventuallyAsync(
            () => ApiAnswer.ReadAsync(purchaser.GetAsync(new Uri($"/api/continuity/contracts/{scene.ContractId}/bridge-proposal", UriKind.Relative))),
            a => a.Status == HttpStatusCode.OK,
            "the platform proposing a bridge 30 days before the end");
        var body = proposal.Json<JsonElement>();
        var contract = await ContractJsonAsync(scene.ContractId);
        var months = body.GetProperty("months").GetInt32();
        (body.GetProperty("status").GetString(), Day(body, "extensionStart"), body.GetProperty("monthlyRate").GetDecimal())
            .Should().Be(("Proposed", scene.End.AddDays(1), contract.GetProperty("monthlyRate").GetDecimal()));
        months.Should().BeInRange(1, 3);
        body.GetProperty("amount").GetDecimal().Should().Be(body.GetProperty("monthlyRate").GetDecimal() * months);
        Day(body, "extensionEnd").Should().Be(scene.End.AddDays(1).AddMonths(months).AddDays(-1));
    }

    [When(@"the purchaser approves the bridge extension of ""([^""]*)""")]
    public async Task ApprovesBridge(string title)
    {
        var scene = _scenes[title];
        var approved = (await ApiAnswer.ReadAsync((await ClientAsync(Purchaser)).PostAsync(
                new Uri($"/api/continuity/contracts/{scene.ContractId}/bridge-proposal/approve", UriKind.Relative), null)))
            .Expect(HttpStatusCode.OK, "approving the bridge").Json<JsonElement>();
        approved.GetProperty("status").GetString().Should().Be("Approved");
        _scenes[title] = scene with { BridgeStart = Day(approved, "extensionStart"), BridgeEnd = Day(approved, "extensionEnd"), BridgeAmount = approved.GetProperty("amount").GetDecimal() };
    }

    [Then(@"the contract for ""([^""]*)"" runs on to the end of the bridge, and its successor starts the day after")]
    public async Task RunsOn(string title)
    {
        var scene = _scenes[title];
        var contract = await ContractJsonAsync(scene.ContractId);
        (Day(contract, "end"), contract.GetProperty("amount").GetDecimal()).Should().Be((scene.BridgeEnd!.Value, scene.Award.Amount + scene.BridgeAmount!.Value));
        var successor = await ContractJsonAsync(Successor(title));
        (Day(successor, "start"), successor.GetProperty("state").GetString()).Should().Be((scene.BridgeEnd.Value.AddDays(1), "Draft"));
    }

    [Then(@"the bridge instalment of ""([^""]*)"" is due at once, to be paid on or before the first day of the extension")]
    public async Task BridgeInstalmentDue(string title)
    {
        var scene = _scenes[title];
        var bridge = await BridgeInstalmentAsync(title);
        (bridge.Amount, bridge.Status, bridge.DueOn).Should().Be((scene.BridgeAmount!.Value, "Due", (DateOnly?)Today()));
        bridge.PayBy.Should().NotBeNull().And.BeOnOrBefore(scene.BridgeStart!.Value);
    }

    [When(@"""([^""]*)"" is paid the bridge instalment of ""([^""]*)"" through the payment flow")]
    public async Task BridgePaid(string agency, string title) => await PayAsync(agency, _scenes[title].ContractId, (await BridgeInstalmentAsync(title)).Id);

    [When(@"the purchaser and ""([^""]*)"" sign the successor of ""([^""]*)""")]
    public async Task SignSuccessor(string agency, string title)
    {
        (await (await ClientAsync(Purchaser)).SignContractAsync(Successor(title))).Expect(HttpStatusCode.OK, "the purchaser signing the successor");
        (await (await ClientAsync(agency)).SignContractAsync(Successor(title))).Expect(HttpStatusCode.OK, $"{agency} signing the successor");
    }

    [Then(@"the successor of ""([^""]*)"" becomes active")]
    public async Task SuccessorActive(string title) =>
        (await (await ClientAsync(Purchaser)).WaitForContractStateAsync(Successor(title), Patience, "Active")).State
        .Should().Be("Active", $"the contract clock activates it on its first day within {Patience.TotalSeconds} s");

    [Then(@"the coverage timeline of ""([^""]*)"" shows no funding gap day from the contract's first day to the successor's first day")]
    public async Task NoGapDay(string title)
    {
        var scene = _scenes[title];
        var successorStart = Day(await ContractJsonAsync(Successor(title)), "start");
        var timeline = await EventuallyAsync(
            async () => await (await ClientAsync(Purchaser)).GetFromJsonAsync<JsonElement>(
                $"/api/continuity/programs/{scene.Award.ProgramId}/timeline?from={Iso(scene.Start)}&to={Iso(successorStart)}"),
            t => t.GetProperty("segments").EnumerateArray().Last().GetProperty("funding").GetString() == "Active",
            "the successor funding its first day");
        timeline.GetProperty("gapDays").GetInt32().Should().Be(0, timeline.GetRawText());
        var segments = timeline.GetProperty("segments").EnumerateArray().ToList();
        segments.Should().OnlyContain(s => !s.GetProperty("gap").GetBoolean());
        segments.Select(s => s.GetProperty("contractId").GetGuid()).Distinct().Should().Equal(scene.ContractId, Successor(title));
        Day(segments[0], "from").Should().Be(scene.Start);
        Day(segments[^1], "to").Should().Be(successorStart);
    }

    // ---- cash before service ----------------------------------------------------------------------

    [Then(@"the successor's advance of (\d+\.\d{2}) yuan for ""([^""]*)"" is due today, to be paid by its first day of service at the latest")]
    public async Task SuccessorAdvanceDue(decimal amount, string title)
    {
        var advance = await SuccessorAdvanceAsync(title);
        var start = Day(await ContractJsonAsync(Successor(title)), "start");
        (advance.Condition, advance.Amount, advance.Status, advance.DueOn).Should().Be(("Activation", amount, "Due", (DateOnly?)Today()));
        advance.PayBy.Should().NotBeNull().And.BeOnOrBefore(start);
        start.Should().BeAfter(Today(), "the successor has not started yet");
    }

    [When(@"""([^""]*)"" is paid the successor's advance for ""([^""]*)"" through the payment flow")]
    public async Task SuccessorAdvancePaid(string agency, string title) =>
        await PayAsync(agency, Successor(title), (await SuccessorAdvanceAsync(title)).Id);

    [Then(@"the successor's advance for ""([^""]*)"" was paid before its first day of service")]
    public async Task PaidBeforeFirstDay(string title)
    {
        var advance = await SuccessorAdvanceAsync(title);
        var start = Day(await ContractJsonAsync(Successor(title)), "start");
        advance.Status.Should().Be("Paid");
        advance.PaidOn.Should().NotBeNull().And.BeBefore(start);
        advance.Late.Should().BeFalse();
    }

    public void Dispose()
    {
        _users.Dispose();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private AwardConfirmed Award(string title, string agency, decimal amount, DateOnly start, DateOnly end)
    {
        var user = DemoDirectory.UserNamed(agency);
        return ContractingApi.Award(title, DemoDirectory.CivilAffairsBureau, user.OrganisationId, user.OrganisationName, amount, start, end, clock.GetUtcNow());
    }

    /// <summary>
    /// A contract drafted from an award and signed by both parties (activated by the clock when its start has come); with
    /// <paramref name="publishedDaysBefore"/>, its tender is published that many days before today (the signing day), as Tendering would have said.
    /// </summary>
    private async Task RunningAsync(string title, string agency, decimal amount, DateOnly start, DateOnly end, int? publishedDaysBefore, bool waitForActive = true)
    {
        var award = Award(title, agency, amount, start, end);
        if (publishedDaysBefore is { } days)
        {
            var publishedAt = clock.GetUtcNow().AddDays(-days);
            await PublishAsync(new TenderPublished(
                award.TenderId, award.ProgramId, award.PurchasingUnitId, title, amount, publishedAt.AddDays(20), start, end, publishedAt, "PublicTender",
                new StaffingTerms(3, 1, 1), null, null, award.Kpis, award.PaymentSchedule, [], null, new ProcurementRulesTerms(3, 5, true)));
        }

        await ActivateAsync(title, award, waitForActive);
    }

    private async Task ActivateAsync(string title, AwardConfirmed award, bool waitForActive)
    {
        await platform.ConfirmAwardAsync(award);
        var purchaser = await ClientAsync(Purchaser);
        var contract = await purchaser.WaitForContractOfTenderAsync(award.TenderId, Patience);
        contract.Should().NotBeNull($"the award of \"{title}\" reaches Contracting within {Patience.TotalSeconds} s");
        var agency = DemoDirectory.Users.Single(u => u.OrganisationId == award.AgencyId && u.Role == "agency").UserName;
        (await purchaser.SignContractAsync(contract!.Id)).Expect(HttpStatusCode.OK, "the purchaser signing");
        (await (await ClientAsync(agency)).SignContractAsync(contract.Id)).Expect(HttpStatusCode.OK, $"{agency} signing");
        if (waitForActive)
        {
            (await purchaser.WaitForContractStateAsync(contract.Id, Patience, "Active", "Expiring")).State
                .Should().BeOneOf(["Active", "Expiring"], "the contract clock activates a signed contract once its start has come");
        }

        _scenes[title] = new Scene(award, contract.Id, agency);
    }

    /// <summary>The agency requests the instalment, the purchaser approves it, the treasury officer releases it and confirms the bank paid it.</summary>
    private async Task PayAsync(string agency, Guid contractId, Guid instalmentId)
    {
        (await (await ClientAsync(agency)).RequestInstalmentAsync(instalmentId)).Expect(HttpStatusCode.OK, "requesting the instalment");
        (await (await ClientAsync(Purchaser)).ApproveInstalmentAsync(instalmentId)).Expect(HttpStatusCode.OK, "approving the instalment");
        (await (await ClientAsync(Treasury)).ReleaseInstalmentAsync(instalmentId)).Expect(HttpStatusCode.OK, "releasing the instalment");
        (await (await ClientAsync(Treasury)).ConfirmInstalmentPaidAsync(instalmentId)).Expect(HttpStatusCode.OK, "confirming the payment");
        var paid = (await InstalmentsAsync(contractId)).Single(i => i.Id == instalmentId).Amount;
        await EventuallyAsync(
            async () => await ContractJsonAsync(contractId), c => c.GetProperty("recordedPaid").GetDecimal() >= paid, "the payment reaching Contracting's timeline");
    }

    private async Task<InstalmentView> BridgeInstalmentAsync(string title) =>
        (await EventuallyAsync(() => InstalmentsAsync(_scenes[title].ContractId), list => list.Any(i => i.Condition == "BridgeStart"), "the bridge instalment"))
        .Single(i => i.Condition == "BridgeStart");

    private async Task<InstalmentView> SuccessorAdvanceAsync(string title) =>
        (await EventuallyAsync(() => InstalmentsAsync(Successor(title)), list => list.Any(i => i.Sequence == 1), "the successor's schedule at its signing"))
        .Single(i => i.Sequence == 1);

    private async Task<InstalmentView[]> InstalmentsAsync(Guid contractId) => await (await ClientAsync(Purchaser)).InstalmentsOfContractAsync(contractId);

    private async Task<JsonElement> RenewalAsync(string title) =>
        await (await ClientAsync(Purchaser)).GetFromJsonAsync<JsonElement>($"/api/continuity/contracts/{_scenes[title].ContractId}/renewal");

    /// <summary>The renewal view once the platform has raised RenewalDue.</summary>
    private Task<JsonElement> DueAsync(string title) =>
        EventuallyAsync(() => RenewalAsync(title), r => r.GetProperty("renewalDueRaisedAt").ValueKind == JsonValueKind.String, "the platform raising RenewalDue");

    private async Task<JsonElement> ContractJsonAsync(Guid contractId) =>
        await (await ClientAsync(Purchaser)).GetFromJsonAsync<JsonElement>($"/api/contracts/{contractId}");

    private Guid Successor(string title) => _scenes[title].SuccessorId ?? throw new InvalidOperationException($"\"{title}\" has no successor yet.");

    private string ConfirmPath(string title) => $"/api/continuity/contracts/{_scenes[title].ContractId}/renewal/confirm";

    private Task PublishAsync<T>(T message)
        where T : class =>
        platform.Host.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Asks again until <paramref name="done"/> holds; a step that waited in vain fails saying for <paramref name="what"/>.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> ask, Func<T, bool> done, string what)
    {
        var answer = await Eventually.AskAsync(ask, done);
        return done(answer) ? answer : throw new TimeoutException($"Waited {Eventually.Patience.TotalSeconds} s for {what}; last seen: {answer}");
    }

    private static DateOnly Day(JsonElement element, string property) =>
        DateOnly.ParseExact(element.GetProperty(property).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateOnly Today() => _users.Today;

    /// <summary>Moves the platform's clock; tokens were issued on the old time, so everybody signs in again.</summary>
    private void Advance(TimeSpan by) => _users.Advance(by);

    private Task<HttpClient> ClientAsync(string userName) => _users.ClientAsync(userName);

    /// <summary>One contract of a scenario, by its title: the award it came from, its agency, its successor and its bridge.</summary>
    private sealed record Scene(
        AwardConfirmed Award, Guid ContractId, string Agency, Guid? SuccessorId = null, string? SuccessorAgency = null, DateOnly? BridgeStart = null,
        DateOnly? BridgeEnd = null, decimal? BridgeAmount = null)
    {
        public DateOnly Start => Award.ServiceStart;

        public DateOnly End => Award.ServiceEnd;
    }
}
