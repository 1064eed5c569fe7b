using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Identity.Domain;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Chain: one tender taken from publication to the first payment by the demo purchaser, agencies,
/// evaluators and treasury officer, through the public entry only. No step publishes into the bus or touches a
/// database: every hand-over between services is the services' own event, so a step that waits in vain names the
/// hand-over that did not happen. The platform runs on a <see cref="ShiftedClock"/>; tokens are issued and checked on
/// it, so every move of the clock signs everybody in again.
/// </summary>
[Binding]
public sealed partial class ChainSteps(EmbeddedPlatform platform, ShiftedClock clock) : IDisposable
{
    private const string Purchaser = "purchaser";
    private const string Treasury = "treasury";
    private const string Method = "CompetitiveConsultation";
    private const decimal BudgetCeiling = 480_000.00m;
    private const string Proposal = "Every isolated elder gets a named caseworker and a weekly home visit.";

    /// <summary>How long a step waits for an event to travel between services, or for a scheduled job's next look.</summary>
    private static readonly TimeSpan Patience = Eventually.Patience;

    private static readonly Dictionary<string, (string Name, string Code)> Profiles = new(StringComparer.Ordinal)
    {
        ["agency1"] = ("Sunshine Social Work Service Centre", "52440305MJL100017G"),
        ["agency2"] = ("Chunhui Social Work Service Agency", "52440305MJL100025B"),
        ["agency3"] = ("Tongxin Social Work Development Centre", "52440305MJL1000336"),
    };

    private readonly SignedInUsers _users = new(platform, clock);
    private readonly Dictionary<string, ChainTender> _tenders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Guid>> _rosters = new(StringComparer.Ordinal);

    /// <summary>The year of the region's pay scale kept in this scenario, if one was.</summary>
    private int? _payScaleYear;

    // ---- Tendering: the purchaser publishes -------------------------------------------------------

    [Given(@"the chain purchaser has published the competitive consultation ""([^""]*)"" with bids due in (\d+) days at (\d{2}:\d{2})")]
    public Task Published(string title, int days, TimeOnly time) => PublishedInRegion(title, "Demo District", days, time);

    [Given(@"the chain purchaser has published the competitive consultation ""([^""]*)"" in the region ""([^""]*)"" with bids due in (\d+) days at (\d{2}:\d{2})")]
    public Task PublishedInRegion(string title, string region, int days, TimeOnly time) => PublishAsync(title, region, days, time, StandardTenderContent.PersonnelCost);

    [Given(@"the chain purchaser has published the competitive consultation ""([^""]*)"" in the region ""([^""]*)"" with bids due in (\d+) days at (\d{2}:\d{2}), setting no pay floor of its own")]
    public Task PublishedWithoutFloors(string title, string region, int days, TimeOnly time) =>
        PublishAsync(title, region, days, time, StandardTenderContent.PersonnelCost with { PayFloors = [] });

    private async Task PublishAsync(string title, string region, int days, TimeOnly time, PersonnelCostBody personnelCost)
    {
        await DraftAsync(title, region, days, time, personnelCost);
        await PublishDraftAsync(title);
    }

    /// <summary>The tender drafted by the purchaser, for the program made for it; known to the scenario, public to nobody.</summary>
    private async Task DraftAsync(string title, string region, int days, TimeOnly time, PersonnelCostBody personnelCost)
    {
        var purchaser = await ClientAsync(Purchaser);
        var programId = await purchaser.CreateProgramAsync($"Program for {title}", region);
        var deadline = SliceApi.BeijingTime(Today().AddDays(days), time);
        var serviceStart = ServiceStart(Today().AddDays(days));
        var terms = NewTender.Standard(programId, title, BudgetCeiling, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)) with
        {
            ProcurementMethod = Method,
            PersonnelCost = personnelCost,
        };
        var tenderId = await purchaser.DraftTenderAsync(terms);
        _tenders[title] = new ChainTender(tenderId, programId, terms, deadline);
    }

    private async Task PublishDraftAsync(string title)
    {
        var purchaser = await ClientAsync(Purchaser);
        var tenderId = Tender(title).Id;
        await purchaser.PublishTenderAsync(tenderId);

        var published = await purchaser.TenderStatusAsync(tenderId);
        published.Status.Should().Be("Published");
    }

    [Given(@"the agencies ((?:""[^""]*""(?:, | and )?)+) have each found ""([^""]*)"" open for bids in the chain")]
    public async Task FoundOpen(string agencies, string title)
    {
        var tender = Tender(title);
        foreach (var agency in Names(agencies))
        {
            var open = await (await ClientAsync(agency)).WaitForOpenTenderAsync(tender.Id, Patience);
            open.Should().NotBeNull($"TenderPublished reaches Bidding within {Patience.TotalSeconds} s and {agency} lists \"{title}\"");
            open!.ProcurementMethod.Should().Be(Method);
            open.BidDeadline.Should().Be(tender.Deadline);
            open.ProgramId.Should().Be(tender.ProgramId);
        }
    }

    // ---- Bidding: sealed bids and the opening -------------------------------------------------------

    [When(@"the chain agencies submit sealed bids on ""([^""]*)"":")]
    public async Task SubmitBids(string title, StepTable bids)
    {
        ArgumentNullException.ThrowIfNull(bids);
        var tender = Tender(title);
        foreach (var row in bids.DataRows)
        {
            var agency = row["agency"];
            var price = decimal.Parse(row["price"], CultureInfo.InvariantCulture);
            var (client, roster) = await AgencyWithRosterAsync(agency);
            var content = Content(roster, price);
            if (bids.Header.Contains("assistant pay"))
            {
                // Full time at the assistant's pay, and the half-time assistant at half of it: both at the same rate.
                var pay = decimal.Parse(row["assistant pay"], CultureInfo.InvariantCulture);
                content = content with
                {
                    Staffing = [content.Staffing[0], content.Staffing[1] with { MonthlyPay = pay }, content.Staffing[2] with { MonthlyPay = pay / 2 }],
                    AbnormallyLowExplanation = string.IsNullOrWhiteSpace(row["explanation"]) ? null : row["explanation"],
                };
            }

            var answer = await client.SubmitBidAsync(tender.Id, content);
            answer.Status.Should().Be(HttpStatusCode.Created, answer.Body);
            var receipt = answer.Json<BidReceipt>();
            receipt.Status.Should().Be("Submitted");
            tender.Bids[agency] = (receipt, price);
        }
    }

    [When(@"the bid deadline of the chain tender ""([^""]*)"" passes")]
    public void DeadlinePasses(string title)
    {
        var wait = Tender(title).Deadline - clock.GetUtcNow() + TimeSpan.FromSeconds(2);
        wait.Should().BePositive("the deadline is still ahead");
        Advance(wait);
    }

    [Then(@"the chain opening record of ""([^""]*)"" lists the (\d+) sealed bids with the fingerprints of their receipts")]
    public async Task OpeningLists(string title, int count)
    {
        var tender = Tender(title);
        var purchaser = await ClientAsync(Purchaser);
        var answer = await EventuallyAsync(() => purchaser.OpeningAsync(tender.Id), a => a.Status == HttpStatusCode.OK);
        answer.Status.Should().Be(HttpStatusCode.OK,
            $"the closer (Tendering) closes bidding and Bidding opens the bids within {Patience.TotalSeconds} s of the deadline: {answer.Body}");
        var record = answer.Json<OpeningRecord>();
        record.Bids.Should().HaveCount(count);
        foreach (var (agency, (receipt, price)) in tender.Bids)
        {
            var entry = record.Bids.Should().ContainSingle(e => e.BidId == receipt.BidId, $"{agency}'s bid is opened").Subject;
            entry.AgencyId.Should().Be(DemoDirectory.UserNamed(agency).OrganisationId, "Bidding names the bidder by its organisation");
            (entry.Price, entry.ReceiptHash, entry.BidVersion).Should().Be((price, receipt.Sha256, receipt.Version));
        }
    }

    [Then(@"the tender ""([^""]*)"" reads Evaluating in Tendering")]
    public async Task ReadsEvaluating(string title)
    {
        var tender = await (await ClientAsync(Purchaser)).WaitForTenderAsync(Tender(title).Id, t => t.Status == "Evaluating", Patience);
        tender.Status.Should().Be("Evaluating", "Tendering takes in Bidding's BidsOpened and moves the tender on");
        tender.BiddingClosedAt.Should().NotBeNull("the closer closed bidding at the deadline");
        tender.EvaluationStartedAt.Should().BeOnOrAfter(tender.BiddingClosedAt!.Value, "the bids open once bidding is closed");
    }

    // ---- Tendering: a region's own method numbers (DOMAIN.md §1) ---------------------------------------

    [Given(@"the administrator has let the region ""([^""]*)"" proceed with two valid bids in a competitive consultation from today")]
    public async Task RegionAllowsTwo(string region)
    {
        var admin = await ClientAsync("admin");
        var table = (await ApiAnswer.ReadAsync(admin.GetAsync(new Uri("/api/tenders/method-rules/tables/defaults", UriKind.Relative))))
            .Expect(HttpStatusCode.OK, "reading the national numbers").Json<JsonElement>();
        var body = System.Text.Json.Nodes.JsonNode.Parse(table.GetRawText())!.AsObject();
        foreach (var method in body["methods"]!.AsArray())
        {
            if (method!["method"]!.GetValue<string>() == Method)
            {
                method["regionAdoptsAllowance"] = true;
            }
        }

        body["region"] = region;
        body["effectiveFrom"] = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["note"] = "政府购买服务竞争性磋商有效供应商可为 2 家";
        (await ApiAnswer.ReadAsync(admin.PostJsonAsync("/api/tenders/method-rules/tables", body))).Expect(HttpStatusCode.Created, "keeping the region's table");
    }

    // ---- Tendering: a region's pay scale (DOMAIN.md §12) ------------------------------------------------

    [Given(@"the administrator has kept the pay scale of the region ""([^""]*)"" for the year in which the services of a tender with bids due in (\d+) days start, assistant social workers from (\d+\.\d{2}) yuan a month")]
    public async Task RegionPayScale(string region, int days, decimal assistant)
    {
        var admin = await ClientAsync("admin");
        // 四岗十二档: each post's three grades 500.00 apart; the assistants' lowest grade as the scenario says.
        static object Post(string post, decimal lowest) => new { post, grades = new[] { lowest, lowest + 500.00m, lowest + 1000.00m } };
        var body = new
        {
            region,
            year = _payScaleYear = ServiceStart(Today().AddDays(days)).Year,
            posts = new[] { Post("None", 4000.00m), Post("Assistant", assistant), Post("Intermediate", 7500.00m), Post("Senior", 9500.00m) },
            note = "社会工作专业人才薪酬指导价位",
        };
        (await ApiAnswer.ReadAsync(admin.PostJsonAsync("/api/tenders/pay-scales", body))).Expect(HttpStatusCode.Created, "keeping the region's pay scale");
    }

    [Then(@"the published tender ""([^""]*)"" holds assistant social workers to at least (\d+\.\d{2}) yuan a month")]
    public async Task HoldsAssistantsTo(string title, decimal floor)
    {
        var tender = Tender(title);
        tender.Terms.ServiceStart!.Value.Year.Should().Be(_payScaleYear, "the scale was kept for the year the service starts");
        var agency = await ClientAsync("agency1");
        var open = await agency.WaitForOpenTenderAsync(tender.Id, Patience);
        open.Should().NotBeNull($"TenderPublished reaches Bidding within {Patience.TotalSeconds} s");
        var read = (await ApiAnswer.ReadAsync(agency.GetAsync(new Uri($"/api/tenders/{tender.Id}", UriKind.Relative))))
            .Expect(HttpStatusCode.OK, "reading the published tender").Json<JsonElement>();
        read.GetProperty("personnelCost").GetProperty("payFloors").EnumerateArray()
            .Single(f => f.GetProperty("level").GetString() == "Assistant").GetProperty("monthlyPay").GetDecimal().Should().Be(floor);
    }

    [Then(@"the panel reads the bid of ""([^""]*)"" on ""([^""]*)"" flagged abnormally low for each of its two assistants paid below the floor, with its explanation")]
    public async Task PanelReadsFlag(string agency, string title)
    {
        var bid = (await PanelViewAsync(title)).Bids.Single(b => b.BidId == Tender(title).Bids[agency].Receipt.BidId);
        bid.AbnormallyLow.Should().BeTrue();
        bid.AbnormallyLowReasons.Should().Equal(["pay_below_floor", "pay_below_floor"], "one flag per worker paid under the floor");
        bid.AbnormallyLowExplanation.Should().Be("两名助理社工为本机构储备人才，差额由机构自有资金补足。");
    }

    [Then(@"the panel reads the bids of ((?:""[^""]*""(?:, | and )?)+) on ""([^""]*)"" unflagged")]
    public async Task PanelReadsUnflagged(string agencies, string title)
    {
        var tender = Tender(title);
        var view = await PanelViewAsync(title);
        foreach (var agency in Names(agencies))
        {
            var bid = view.Bids.Single(b => b.BidId == tender.Bids[agency].Receipt.BidId);
            (bid.AbnormallyLow, bid.AbnormallyLowReasons?.Count ?? 0).Should().Be((false, 0), $"{agency} pays at or above every floor");
        }
    }

    /// <summary>The evaluation as an expert on the panel reads it.</summary>
    private async Task<EvaluationView> PanelViewAsync(string title)
    {
        var panel = (await (await ClientAsync(Purchaser)).PanelAsync(Tender(title).Id)).Expect(HttpStatusCode.OK, "reading the panel").Json<PanelView>();
        var expert = panel.Members.OrderBy(m => m.Number).First(m => m.Kind == "Expert");
        var member = await ClientAsync(EvaluationApi.DemoUserName(expert.UserId));
        return (await member.EvaluationAsync(Tender(title).Id)).Expect(HttpStatusCode.OK, "a panel member reading the evaluation").Json<EvaluationView>();
    }

    [Then(@"the chain evaluation of ""([^""]*)"" has failed: ""([^""]*)""")]
    public async Task EvaluationFailed(string title, string outcome)
    {
        var tender = Tender(title);
        var purchaser = await ClientAsync(Purchaser);
        var answer = await EventuallyAsync(() => purchaser.EvaluationAsync(tender.Id),
            a => a.Status == HttpStatusCode.OK && a.Json<EvaluationView>().Stage == "Failed");
        answer.Status.Should().Be(HttpStatusCode.OK, $"Evaluation takes in BidsOpened within {Patience.TotalSeconds} s: {answer.Body}");
        var evaluation = answer.Json<EvaluationView>();
        (evaluation.Stage, evaluation.Outcome).Should().Be(("Failed", outcome));
    }

    // ---- Evaluation: the panel ----------------------------------------------------------------------

    [Then(@"the opened bids on ""([^""]*)"" have reached the panel's evaluation with the same bid ids and prices")]
    public async Task ReachedEvaluation(string title)
    {
        var tender = Tender(title);
        var purchaser = await ClientAsync(Purchaser);
        var answer = await EventuallyAsync(() => purchaser.EvaluationAsync(tender.Id),
            a => a.Status == HttpStatusCode.OK && a.Json<EvaluationView>().Bids.Count == tender.Bids.Count);
        answer.Status.Should().Be(HttpStatusCode.OK, $"Evaluation takes in BidsOpened within {Patience.TotalSeconds} s: {answer.Body}");
        var evaluation = answer.Json<EvaluationView>();
        evaluation.Bids.Select(b => (b.BidId, b.AgencyId, b.Price)).Should().BeEquivalentTo(
            tender.Bids.Select(b => (b.Value.Receipt.BidId, DemoDirectory.UserNamed(b.Key).OrganisationId, b.Value.Price)));
    }

    [When(@"the purchaser draws the chain panel of (\d+) for ""([^""]*)"", sitting on it as the purchaser's representative")]
    public async Task DrawsPanel(int size, string title)
    {
        var answer = (await (await ClientAsync(Purchaser)).DrawPanelAsync(Tender(title).Id, size, [EvaluationApi.DemoUserId(Purchaser)]))
            .Expect(HttpStatusCode.Created, "drawing the panel");
        var panel = answer.Json<PanelView>();
        panel.Members.Should().HaveCount(size);
        panel.Members.Count(m => m.Kind == "Expert").Should().BeGreaterThanOrEqualTo((size * 2 + 2) / 3, "experts are at least two thirds of the panel");
    }

    [When(@"the chain panel finds every bid on ""([^""]*)"" meets the tender's eligibility requirements")]
    public async Task PanelPassesBids(string title)
    {
        var tender = Tender(title);
        var member = await MemberAsync(tender, 1);
        foreach (var (agency, (receipt, _)) in tender.Bids)
        {
            var review = await member.PassBidAsync(tender.Id, receipt.BidId, tender.Terms.Eligibility!);
            review.Compliance.Should().Be("Passed", $"{agency}'s staffing plan meets the tender's staffing terms: {string.Join("; ", review.ComplianceReasons)}");
        }
    }

    [When(@"the chain panel members score the service plans on ""([^""]*)"", past performance being computed from grades:")]
    public async Task MembersScore(string title, StepTable scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var tender = Tender(title);
        foreach (var row in scores.DataRows)
        {
            var plan = Points(row["service plan"]);
            for (var m = 0; m < plan.Count; m++)
            {
                (await (await MemberAsync(tender, m + 1)).SubmitServicePlanSheetAsync(tender.Id, tender.Bids[row["agency"]].Receipt.BidId, plan[m]))
                    .Expect(HttpStatusCode.Created, $"panel member {m + 1} scoring {row["agency"]}");
            }
        }
    }

    [Then(@"the chain evaluation of ""([^""]*)"" ranks ""([^""]*)"" first with (\d+\.\d{2}) points, and recommends it to the purchaser")]
    public async Task RankedFirst(string title, string agency, decimal total)
    {
        var tender = Tender(title);
        var purchaser = await ClientAsync(Purchaser);
        var evaluation = (await purchaser.EvaluationAsync(tender.Id)).Expect(HttpStatusCode.OK, "reading the evaluation").Json<EvaluationView>();
        evaluation.Stage.Should().Be("Completed");
        var first = evaluation.Ranking.Should().NotBeNull().And.Subject!.Should().ContainSingle(r => r.Rank == 1).Subject;
        (first.BidId, first.AgencyId, first.Total).Should().Be((tender.Bids[agency].Receipt.BidId, DemoDirectory.UserNamed(agency).OrganisationId, total));
        evaluation.Ranking!.Should().HaveCount(tender.Bids.Count, "every opened bid was valid and is ranked");

        // The ranking's own transaction recommends the award (Evaluation no longer messages itself).
        var award = await purchaser.WaitForAwardAsync(tender.Id, a => a.Status == "Recommended", Patience);
        award.Should().NotBeNull($"the award is recommended within {Patience.TotalSeconds} s");
        award!.RecommendedBidId.Should().Be(tender.Bids[agency].Receipt.BidId);
    }

    // ---- Evaluation: the award ----------------------------------------------------------------------

    [When(@"the purchaser confirms the chain award of ""([^""]*)"" to the recommended agency")]
    public async Task ConfirmsAward(string title)
    {
        var answer = (await (await ClientAsync(Purchaser)).ConfirmAwardAsync(Tender(title).Id, Patience)).Expect(HttpStatusCode.OK, "confirming the award");
        var award = answer.Json<AwardView>();
        award.Status.Should().Be("Published");
        award.NoticeDate.Should().Be(Today());
        award.ChallengeWindowWorkingDays.Should().Be(7);
    }

    [When(@"the challenge window of the chain award of ""([^""]*)"" closes with no challenge")]
    public async Task WindowCloses(string title)
    {
        var tender = Tender(title);
        var award = (await (await ClientAsync(Purchaser)).AwardAsync(tender.Id)).Expect(HttpStatusCode.OK, "reading the award").Json<AwardView>();
        var closesAt = award.ChallengeWindowClosesAt ?? throw new InvalidOperationException("A published award has a closing time.");
        Advance(closesAt - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var confirmed = await (await ClientAsync(Purchaser)).WaitForAwardAsync(tender.Id, a => a.Status == "Confirmed", Patience);
        confirmed.Should().NotBeNull();
        confirmed!.Status.Should().Be("Confirmed", $"the award clock confirms within {Patience.TotalSeconds} s of the window's close");
    }

    [Then(@"the tender ""([^""]*)"" reads Awarded to ""([^""]*)"" for (\d+\.\d{2}) yuan in Tendering")]
    public async Task ReadsAwarded(string title, string agency, decimal amount)
    {
        var tender = Tender(title);
        var read = await (await ClientAsync(Purchaser)).WaitForTenderAsync(tender.Id, t => t.Status == "Awarded", Patience);
        read.Status.Should().Be("Awarded", "Tendering takes in Evaluation's AwardConfirmed");
        (read.AwardedBidId, read.AwardedAgencyId, read.AwardedAmount).Should().Be(
            (tender.Bids[agency].Receipt.BidId, DemoDirectory.UserNamed(agency).OrganisationId, amount));
    }

    // ---- Open data (issue 18 item 2) --------------------------------------------------------------------

    [Then(@"anyone reads the open data of ""([^""]*)"": every release follows OCDS 1\.1\.5, and its record holds the tender, its opening, the award to ""([^""]*)"", the signed contract and the advance paid")]
    public async Task OpenData(string title, string agency)
    {
        var tender = Tender(title);
        var supplier = DemoDirectory.UserNamed(agency).OrganisationId.ToString("D");
        using var anyone = platform.CreateClient();
        var package = await Eventually.AskAsync(
            async () => System.Text.Json.Nodes.JsonNode.Parse(await anyone.GetStringAsync(new Uri($"/api/public/ocds/records/ocds-sgfw01-{tender.Id:D}", UriKind.Relative)))!.AsObject(),
            p => p["records"]![0]!["releases"]!.AsArray().Any(r => (string?)r!["tag"]![0] == "implementation"));
        Procurement.Testing.Ocds.OcdsConformance.CheckRecordPackage(package).Should().BeEmpty("the record package follows OCDS 1.1.5");
        var record = package["records"]![0]!;
        foreach (var release in record["releases"]!.AsArray())
        {
            Procurement.Testing.Ocds.OcdsConformance.CheckRelease(release!.AsObject()).Should().BeEmpty($"release {release["id"]} follows OCDS 1.1.5");
        }

        record["releases"]!.AsArray().Select(r => (string)r!["tag"]![0]!).Should().StartWith(["tender", "tenderUpdate"],
                $"the announcement, then the opening: {string.Join(", ", record["releases"]!.AsArray().Select(r => $"{r!["id"]} {r["date"]}"))}")
            .And.Contain(["award", "awardUpdate", "contract", "implementation"]);
        var compiled = record["compiledRelease"]!;
        ((string)compiled["tender"]!["status"]!).Should().Be("complete");
        ((int)compiled["tender"]!["numberOfTenderers"]!).Should().Be(tender.Bids.Count);
        ((string)compiled["awards"]![0]!["status"]!).Should().Be("active");
        ((string)compiled["awards"]![0]!["suppliers"]![0]!["id"]!).Should().Be(supplier);
        var contract = compiled["contracts"]![0]!;
        ((string)contract["status"]!).Should().Be("active");
        contract["period"]!["maxExtentDate"].Should().NotBeNull("the three-year cap of the program's run with the agency");
        ((decimal)contract["implementation"]!["transactions"]![0]!["value"]!["amount"]!).Should().Be(135_000.00m);
        ((string)contract["implementation"]!["transactions"]![0]!["payee"]!["id"]!).Should().Be(supplier);
        var purchaser = compiled["parties"]!.AsArray().Single(p => (string)p!["id"]! == DemoDirectory.UserNamed(Purchaser).OrganisationId.ToString("D"))!;
        ((string?)purchaser["name"]).Should().NotBeNullOrWhiteSpace("Identity lists the purchasing unit's name at start");
    }

    // ---- Contracting ----------------------------------------------------------------------------------

    [Then(@"the purchaser and ""([^""]*)"" each find the draft contract of ""([^""]*)"" worth (\d+\.\d{2}) yuan, for the tender's service period")]
    public async Task BothFindDraft(string agency, string title, decimal amount)
    {
        var tender = Tender(title);
        tender.Winner = agency;
        foreach (var user in new[] { Purchaser, agency })
        {
            var contract = await (await ClientAsync(user)).WaitForContractOfTenderAsync(tender.Id, Patience);
            contract.Should().NotBeNull($"AwardConfirmed reaches Contracting within {Patience.TotalSeconds} s and {user} lists the contract of the tender");
            contract!.State.Should().Be("Draft");
            contract.PermittedTriggers.Should().Contain("Sign");
            (contract.TenderId, contract.ProgramId, contract.AgencyId, contract.BidId).Should().Be(
                (tender.Id, tender.ProgramId, DemoDirectory.UserNamed(agency).OrganisationId, tender.Bids[agency].Receipt.BidId));
            (contract.Amount, contract.Start, contract.End).Should().Be((amount, tender.Terms.ServiceStart!.Value, tender.Terms.ServiceEnd!.Value));
            if (tender.ContractId is { } seen)
            {
                contract.Id.Should().Be(seen, "both parties see the same contract");
            }

            tender.ContractId = contract.Id;
        }
    }

    [Then(@"the agency ""([^""]*)"" finds no contract of ""([^""]*)""")]
    public async Task FindsNoContract(string agency, string title)
    {
        var tender = Tender(title);
        var client = await ClientAsync(agency);
        (await client.ContractsOfTenderAsync(tender.Id)).Should().BeEmpty($"{agency} is not a party to the contract");
        (await client.ReadContractAsync(tender.Contract)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [When(@"the purchaser and ""([^""]*)"" both sign the contract of ""([^""]*)""")]
    public async Task BothSign(string agency, string title)
    {
        var contractId = Tender(title).Contract;
        foreach (var user in new[] { Purchaser, agency })
        {
            (await (await ClientAsync(user)).SignContractAsync(contractId)).Expect(HttpStatusCode.OK, $"{user} signing the contract");
        }
    }

    [Then(@"the contract of ""([^""]*)"" is signed but waits for its first day of service")]
    public async Task SignedAndWaiting(string title)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(Tender(title).Contract);
        contract.State.Should().Be("PendingSignature");
        contract.ShouldBeSignedByBothParties(Purchaser);
        contract.Start.Should().BeAfter(Today());
    }

    [When(@"the first day of service of ""([^""]*)"" comes in the chain")]
    public void FirstDayComes(string title)
    {
        var start = SliceApi.BeijingTime(Tender(title).Terms.ServiceStart!.Value, TimeOnly.MinValue);
        Advance(start - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
    }

    [Then(@"the contract of ""([^""]*)"" becomes active by itself")]
    public async Task BecomesActive(string title)
    {
        var contract = await (await ClientAsync(Purchaser)).WaitForContractStateAsync(Tender(title).Contract, Patience, "Active");
        contract.State.Should().Be("Active", $"the contract clock activates it within {Patience.TotalSeconds} s of its first day");
    }

    [Then(@"Evaluation holds the performance indicators of the contract of ""([^""]*)"": the tender's KPIs")]
    public async Task IndicatorsReachEvaluation(string title)
    {
        var tender = Tender(title);
        var performance = await (await ClientAsync(Purchaser)).WaitForPerformanceAsync(tender.Contract, Patience);
        performance.Should().NotBeNull($"ContractActivated reaches Evaluation within {Patience.TotalSeconds} s");
        (performance!.ProgramId, performance.AgencyId).Should().Be((tender.ProgramId, DemoDirectory.UserNamed(tender.Winner).OrganisationId));
        performance.Indicators.Select(i => (i.Name, i.Unit, i.Target)).Should().Equal(tender.Terms.Kpis!.Select(k => (k.Name, k.Unit, k.Target)));
    }

    // ---- Disbursement ---------------------------------------------------------------------------------

    [Then(@"the advance instalment of the contract of ""([^""]*)"" is due: (\d+\.\d{2}) yuan, (\d+) percent")]
    public async Task AdvanceDue(string title, decimal amount, int percent)
    {
        var tender = Tender(title);
        var agency = await ClientAsync(tender.Winner);
        var instalments = await EventuallyAsync(() => agency.InstalmentsOfContractAsync(tender.Contract), found => found.Length > 0);
        instalments.Should().NotBeEmpty($"ContractActivated reaches Disbursement within {Patience.TotalSeconds} s");
        instalments.Select(i => i.Condition).Should().Equal(tender.Terms.PaymentSchedule!.Instalments.Select(i => i.Condition));
        instalments.Sum(i => i.Amount).Should().Be((await (await ClientAsync(Purchaser)).ContractAsync(tender.Contract)).Amount);
        var advance = instalments.Single(i => i.Sequence == 1);
        (advance.Condition, advance.Amount, advance.Status, advance.DueOn).Should().Be(("Activation", amount, "Due", Today()));
        tender.Terms.PaymentSchedule.Instalments[0].Percent.Should().Be(percent);
        advance.PayBy.Should().Be(Today().AddDays(30));
    }

    [Given(@"the purchaser has an appropriation of (\d+\.\d{2}) yuan for the program of ""([^""]*)"" this fiscal year")]
    public async Task HasAppropriation(decimal amount, string title) =>
        await (await ClientAsync(Purchaser)).SetAppropriationAsync(Tender(title).ProgramId, Today().Year, amount);

    [When(@"""([^""]*)"" requests the advance of the contract of ""([^""]*)""")]
    public async Task RequestsAdvance(string agency, string title) =>
        (await (await ClientAsync(agency)).RequestInstalmentAsync(await AdvanceIdAsync(title))).Expect(HttpStatusCode.OK, "requesting the advance");

    [When(@"the purchaser approves, and the treasury officer releases and confirms payment of, the advance of ""([^""]*)""")]
    public async Task ApprovedReleasedPaid(string title)
    {
        var advance = await AdvanceIdAsync(title);
        (await (await ClientAsync(Purchaser)).ApproveInstalmentAsync(advance)).Expect(HttpStatusCode.OK, "approving the advance");
        (await (await ClientAsync(Treasury)).ReleaseInstalmentAsync(advance)).Expect(HttpStatusCode.OK, "releasing the advance");
        (await (await ClientAsync(Treasury)).ConfirmInstalmentPaidAsync(advance)).Expect(HttpStatusCode.OK, "confirming the payment");
    }

    [Then(@"the payment report of the contract of ""([^""]*)"" shows (\d+\.\d{2}) yuan paid, on time, paid by the purchaser to ""([^""]*)""")]
    public async Task ReportShowsPaid(string title, decimal paid, string agency)
    {
        var tender = Tender(title);
        tender.Winner.Should().Be(agency, "the contract was drafted for the winner");
        foreach (var user in new[] { Purchaser, tender.Winner })
        {
            var report = (await (await ClientAsync(user)).DisbursementReportAsync(tender.Contract))
                .Expect(HttpStatusCode.OK, $"{user} reading the disbursement report").Json<DisbursementReport>();
            report.Paid.Should().Be(paid);
            report.LateCount.Should().Be(0);
            var advance = report.Instalments.Single(i => i.Sequence == 1);
            (advance.Status, advance.PaidOn, advance.DaysFromDue, advance.Late).Should().Be(("Paid", (DateOnly?)Today(), (int?)0, false));
        }

        var payment = (await (await ClientAsync("auditor")).OcdsPaymentsAsync(tender.Contract)).Should().ContainSingle().Subject;
        (payment.Value.Amount, payment.Value.Currency).Should().Be((paid, "CNY"));
        (payment.Payer.Id, payment.Payee.Id).Should().Be(
            (DemoDirectory.UserNamed(Purchaser).OrganisationId.ToString(), DemoDirectory.UserNamed(tender.Winner).OrganisationId.ToString()));
    }

    // ---- Bidding again: who is still committed ---------------------------------------------------------

    [Then(@"""([^""]*)"" cannot bid its chain roster half time on ""([^""]*)"", because its people work on the active contract of ""([^""]*)""")]
    public async Task WinnerStillCommitted(string agency, string title, string contractedTitle)
    {
        var contractId = Tender(contractedTitle).Contract;
        var answer = await (await ClientAsync(agency)).SubmitBidAsync(Tender(title).Id, Content(Roster(agency), 440_000.00m, supervisorFte: 0.5m));
        answer.Status.Should().Be(HttpStatusCode.UnprocessableEntity, answer.Body);
        answer.Rule().Should().Be("fte_over_commitment");
        using var problem = JsonDocument.Parse(answer.Body);
        var collisions = problem.RootElement.GetProperty("collisions").EnumerateArray().ToList();
        var supervisor = collisions.Should().ContainSingle(c => c.GetProperty("person").GetString()!.StartsWith("Chen Jing", StringComparison.Ordinal)).Subject;
        supervisor.GetProperty("totalFte").GetDecimal().Should().Be(1.5m);
        // The refusal says how much of each of the agency's own people is committed, not to what (issue 12 item 3):
        // the full time of the winning plan, which ContractActivated turned into the contract's commitment.
        collisions.Should().OnlyContain(c => c.GetProperty("committedFte").GetDecimal() == 1.0m);
        answer.Body.Should().NotContain(contractId.ToString()).And.NotContain(contractedTitle);
    }

    [Then(@"""([^""]*)"" can bid its chain roster full time on ""([^""]*)"", its losing bid holding nobody any more")]
    public async Task LoserReleased(string agency, string title)
    {
        var answer = await (await ClientAsync(agency)).SubmitBidAsync(Tender(title).Id, Content(Roster(agency), 440_000.00m));
        answer.Status.Should().Be(HttpStatusCode.Created, $"AwardConfirmed released the losing bid's people: {answer.Body}");
    }

    public void Dispose()
    {
        _users.Dispose();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private DateOnly Today() => _users.Today;

    /// <summary>Moves the platform's clock; tokens were issued on the old time, so everybody signs in again.</summary>
    private void Advance(TimeSpan by) => _users.Advance(by);

    private Task<HttpClient> ClientAsync(string userName) => _users.ClientAsync(userName);

    /// <summary>
    /// A tender's service starts on the first of the month two months after its deadline day: after the challenge window, so
    /// the contract is signed before it starts.
    /// </summary>
    private static DateOnly ServiceStart(DateOnly deadlineDay) => new DateOnly(deadlineDay.Year, deadlineDay.Month, 1).AddMonths(2);

    private IReadOnlyList<Guid> Roster(string agency) =>
        _rosters.TryGetValue(agency, out var roster) ? roster : throw new InvalidOperationException($"{agency} has no roster in this scenario.");

    private ChainTender Tender(string title) =>
        _tenders.TryGetValue(title, out var tender) ? tender : throw new InvalidOperationException($"No tender \"{title}\" was published in this scenario.");

    private async Task<Guid> AdvanceIdAsync(string title)
    {
        var tender = Tender(title);
        return (await (await ClientAsync(tender.Winner)).InstalmentsOfContractAsync(tender.Contract)).Single(i => i.Sequence == 1).Id;
    }

    /// <summary>The n-th sitting member of the panel (by seat), signed in.</summary>
    private async Task<HttpClient> MemberAsync(ChainTender tender, int n)
    {
        var panel = (await (await ClientAsync(Purchaser)).PanelAsync(tender.Id)).Expect(HttpStatusCode.OK, "reading the panel").Json<PanelView>();
        var member = panel.Members.OrderBy(m => m.Number).ElementAt(n - 1);
        return await ClientAsync(EvaluationApi.DemoUserName(member.UserId));
    }

    /// <summary>
    /// The agency registered in Bidding with a roster of three people new to this run: an intermediate social worker
    /// who supervises, and two assistants (the tender's staffing terms exactly).
    /// </summary>
    private async Task<(HttpClient Client, IReadOnlyList<Guid> Roster)> AgencyWithRosterAsync(string agency)
    {
        var client = await ClientAsync(agency);
        var (name, code) = Profiles[agency];
        await client.RegisterAgencyAsync(new AgencyProfileBody(
            name, code, new DateOnly(2015, 6, 1), "1 Shennan Road, Futian, Shenzhen", [new ContactBody("Li Ming", "13800138000", "liming@example.org")]));
        var first = TenderingApi.NewIdNumber();
        // A certificate number belongs to one person (挂证): each worker's is made from their own ID number.
        string[] others = [TenderingApi.NewIdNumber(), TenderingApi.NewIdNumber()];
        IReadOnlyList<Guid> roster =
        [
            await client.AddWorkerAsync(new WorkerBody($"Chen Jing (chain, {agency})", first, "Intermediate", $"M{first[6..]}", IsSupervisor: true)),
            await client.AddWorkerAsync(new WorkerBody($"Zhou Min (chain, {agency})", others[0], "Assistant", $"A{others[0][6..]}", IsSupervisor: false)),
            await client.AddWorkerAsync(new WorkerBody($"Liu Yang (chain, {agency})", others[1], "Assistant", $"B{others[1][6..]}", IsSupervisor: false)),
        ];
        _rosters[agency] = roster;
        return (client, roster);
    }

    /// <summary>A bid meeting every rule: personnel 300,000.00 (over the 60 % minimum), activities take up the difference.</summary>
    private static BidContentBody Content(IReadOnlyList<Guid> roster, decimal price, decimal supervisorFte = 1.0m) => new(
        price,
        new CostsBody(300_000.00m, price - 340_000.00m, 30_000.00m, 10_000.00m),
        [new(roster[0], supervisorFte, 8_000.00m), new(roster[1], 1.0m, 6_000.00m), new(roster[2], 0.5m, 3_000.00m)],
        Proposal);

    private static List<decimal> Points(string cell) =>
        [.. cell.Split(',', StringSplitOptions.TrimEntries).Select(p => decimal.Parse(p, CultureInfo.InvariantCulture))];

    private static IEnumerable<string> Names(string quotedList) =>
        quotedList.Split('"').Where((_, i) => i % 2 == 1);

    private static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done) => Eventually.AskAsync(read, done);

    /// <summary>One tender of the chain and what each step learned about it.</summary>
    private sealed class ChainTender(Guid id, Guid programId, NewTender terms, DateTimeOffset deadline)
    {
        public Guid Id { get; } = id;

        public Guid ProgramId { get; } = programId;

        public NewTender Terms { get; } = terms;

        public DateTimeOffset Deadline { get; } = deadline;

        public Dictionary<string, (BidReceipt Receipt, decimal Price)> Bids { get; } = new(StringComparer.Ordinal);

        public Guid? ContractId { get; set; }

        public Guid Contract => ContractId ?? throw new InvalidOperationException("The contract should be found first.");

        /// <summary>The agency the contract was drafted for: the one whose bid the tender was awarded to.</summary>
        public string Winner { get; set; } = "";
    }
}
