using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Tendering: questions, amendments, bids and the opening, as the purchaser and the
/// demo agencies do them through the public entry. The platform runs on a clock (<see cref="ShiftedClock"/>)
/// that these steps move forward; tokens are issued and checked on it, so every move signs everybody in again.
/// Each scenario staffs its bids with people no other scenario has used, so open bids of earlier scenarios
/// never count against it.
/// </summary>
[Binding]
public sealed class TenderingSteps(IPlatform platform, ShiftedClock clock) : IDisposable
{
    private const string Purchaser = "purchaser";
    private const decimal BudgetCeiling = 480_000.00m;
    private const string Proposal = "Every isolated elder gets a named caseworker and a weekly home visit.";

    /// <summary>How long the steps wait for a change to travel between modules, or for the opening.</summary>
    private static readonly TimeSpan Patience = Eventually.Patience;

    private static readonly Dictionary<string, (string Name, string Code)> Agencies = new(StringComparer.Ordinal)
    {
        ["agency1"] = ("Sunshine Social Work Service Centre", "52440305MJL100017G"),
        ["agency2"] = ("Chunhui Social Work Service Agency", "52440305MJL100025B"),
        ["agency3"] = ("Tongxin Social Work Development Centre", "52440305MJL1000336"),
    };

    private readonly SignedInUsers _users = new(platform, clock);
    private readonly Dictionary<string, Guid> _tenders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _deadlines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Guid>> _rosters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Agency, string Tender), BidReceipt> _bids = [];
    private readonly HashSet<string> _registered = new(StringComparer.Ordinal);
    private (Guid TenderId, Guid QuestionId, string Text)? _question;
    private DateTimeOffset? _amendedAt;
    private string? _agency;
    private string? _tender;
    private BidReceipt? _receipt;
    private BidReceipt? _previousReceipt;
    private ApiAnswer? _refusal;

    private string ThatAgency => _agency ?? throw new InvalidOperationException("An earlier step should have an agency bid.");

    private string ThatTender => _tender ?? throw new InvalidOperationException("An earlier step should have an agency bid.");

    // ---- the purchaser --------------------------------------------------------------------------

    [Given(@"the purchaser has published the tender ""([^""]*)"" with bids due in (\d+) days at (\d{2}:\d{2}) Beijing time")]
    public async Task Published(string title, int days, TimeOnly time)
    {
        var purchaser = await ClientAsync(Purchaser);
        var programId = await purchaser.CreateProgramAsync($"Program for {title}", "Demo District");
        var deadline = SliceApi.BeijingTime(Today().AddDays(days), time);
        // Service starts three months on, so that a deadline moved out by an amendment stays before it.
        var serviceStart = new DateOnly(deadline.Year, deadline.Month, 1).AddMonths(3);
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
            programId, title, BudgetCeiling, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        await purchaser.PublishTenderAsync(tenderId);
        _tenders[title] = tenderId;
        _deadlines[title] = deadline;

        // The agencies bid only on what has reached Bidding.
        (await (await ClientAsync("agency1")).WaitForOpenTenderAsync(tenderId, Patience)).Should()
            .NotBeNull($"\"{title}\" was published and reaches the agencies within {Patience.TotalSeconds} s");
    }

    [When(@"the purchaser answers that question: ""([^""]*)""")]
    public async Task Answers(string answer)
    {
        var (tenderId, questionId, _) = _question ?? throw new InvalidOperationException("An agency should ask a question first.");
        await (await ClientAsync(Purchaser)).AnswerAsync(tenderId, questionId, answer);
    }

    [When(@"the purchaser amends ""([^""]*)"", raising the budget ceiling to (\d+\.\d{2}) yuan")]
    public async Task Amends(string title, decimal budgetCeiling)
    {
        _amendedAt = clock.GetUtcNow();
        var amendment = await (await ClientAsync(Purchaser)).AmendAsync(
            _tenders[title], new NewAmendment($"The budget ceiling is raised to {budgetCeiling} yuan.", BudgetCeiling: budgetCeiling));
        amendment.ChangesBids.Should().BeTrue("a new budget ceiling can change bids");
        amendment.DeadlineMovedByMargin.Should().BeTrue("the amendment came less than 15 days before the deadline");
        _deadlines[title] = amendment.NewBidDeadline;
    }

    [Then(@"the bids for ""([^""]*)"" are now due (\d+) days after the amendment, still at (\d{2}:\d{2}) Beijing time")]
    public void DueAfterAmendment(string title, int days, TimeOnly time)
    {
        var amendedAt = _amendedAt ?? throw new InvalidOperationException("The purchaser should amend the tender first.");
        var deadline = _deadlines[title];
        var beijing = deadline.ToOffset(TimeSpan.FromHours(8));
        TimeOnly.FromTimeSpan(beijing.TimeOfDay).Should().Be(time);
        deadline.Should().BeOnOrAfter(amendedAt.AddDays(days), "the margin is restored")
            .And.BeBefore(amendedAt.AddDays(days + 1), "at the first such time of day");
    }

    // ---- agencies: questions --------------------------------------------------------------------

    [When(@"the agency ""([^""]*)"" asks about ""([^""]*)"": ""([^""]*)""")]
    public async Task Asks(string agency, string title, string text)
    {
        var asked = await (await ClientAsync(agency)).AskAsync(_tenders[title], text);
        var question = asked.Json<QuestionView>();
        question.Mine.Should().BeTrue("the asking agency sees its own question");
        _question = (_tenders[title], question.Id, text);
    }

    [Then(@"the agency ""([^""]*)"" sees no answered questions about ""([^""]*)"" yet")]
    public async Task SeesNoQuestions(string agency, string title) =>
        (await (await ClientAsync(agency)).QuestionsAsync(_tenders[title])).Should().BeEmpty("an unanswered question is seen by its asker only");

    [Then(@"the agencies ((?:""[^""]*""(?:, | and )?)+) each read the question with the answer ""([^""]*)""")]
    public async Task EachRead(string agencies, string answer)
    {
        var (tenderId, questionId, text) = _question ?? throw new InvalidOperationException("An agency should ask a question first.");
        foreach (var agency in Names(agencies))
        {
            var question = (await (await ClientAsync(agency)).QuestionsAsync(tenderId)).Should().ContainSingle(q => q.Id == questionId).Subject;
            question.Question.Should().Be(text);
            question.Answer.Should().Be(answer);
            question.AnsweredAt.Should().BeOnOrAfter(question.AskedAt, "an answer comes after its question");
        }
    }

    [Then(@"only the agency ""([^""]*)"" is told the question was its own")]
    public async Task OnlyAskerToldMine(string asker)
    {
        var (tenderId, questionId, _) = _question ?? throw new InvalidOperationException("An agency should ask a question first.");
        foreach (var agency in Agencies.Keys)
        {
            var question = (await (await ClientAsync(agency)).QuestionsAsync(tenderId)).Single(q => q.Id == questionId);
            question.Mine.Should().Be(agency == asker, $"{agency} {(agency == asker ? "asked" : "did not ask")}");
        }
    }

    [Then("nothing the agencies read names the agency that asked")]
    public async Task NothingNamesTheAsker()
    {
        var (tenderId, _, _) = _question ?? throw new InvalidOperationException("An agency should ask a question first.");
        foreach (var agency in Agencies.Keys)
        {
            var answer = await ApiAnswer.ReadAsync((await ClientAsync(agency)).GetAsync(new Uri($"/api/tenders/{tenderId}/questions", UriKind.Relative)));
            answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
            foreach (var (name, code) in Agencies.Values)
            {
                answer.Body.Should().NotContain(name).And.NotContain(code);
            }

            using var json = JsonDocument.Parse(answer.Body);
            var fields = json.RootElement.EnumerateArray().SelectMany(q => q.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
            fields.Should().NotContain(f => f.Contains("agency", StringComparison.OrdinalIgnoreCase)
                                            || f.Contains("askedBy", StringComparison.OrdinalIgnoreCase)
                                            || f.Contains("organisation", StringComparison.OrdinalIgnoreCase));
        }
    }

    // ---- agencies: bids -------------------------------------------------------------------------

    [Given(@"the agency ""([^""]*)"" has bid (\d+\.\d{2}) yuan on ""([^""]*)""")]
    public async Task HasBid(string agency, decimal price, string title)
    {
        await BidsOn(agency, price, title);
        _receipt!.Status.Should().Be("Submitted");
    }

    [When(@"the agency ""([^""]*)"" bids (\d+\.\d{2}) yuan on ""([^""]*)""")]
    public async Task BidsOn(string agency, decimal price, string title)
    {
        var client = await AgencyWithRosterAsync(agency);
        var answer = await client.SubmitBidAsync(_tenders[title], Content(_rosters[agency], price));
        answer.Status.Should().Be(HttpStatusCode.Created, answer.Body);
        Kept(agency, title, answer.Json<BidReceipt>());
    }

    [Then(@"it gets a receipt for version 1 of its bid, with the server's time and a fingerprint of what was sealed")]
    public void FirstReceipt()
    {
        var receipt = _receipt ?? throw new InvalidOperationException("No receipt.");
        receipt.Version.Should().Be(1);
        receipt.TenderId.Should().Be(_tenders[ThatTender]);
        receipt.ServerTime.Should().BeCloseTo(clock.GetUtcNow(), TimeSpan.FromSeconds(10), "the platform's clock stamps the receipt");
        receipt.Sha256.Should().MatchRegex("^[0-9a-fA-F]{64}$");
        receipt.Status.Should().Be("Submitted");
    }

    [When(@"it revises its bid to (\d+\.\d{2}) yuan")]
    public async Task Revises(decimal price)
    {
        var client = await ClientAsync(ThatAgency);
        var answer = await client.ReviseBidAsync(Bid(ThatAgency, ThatTender).BidId, Content(_rosters[ThatAgency], price));
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        Kept(ThatAgency, ThatTender, answer.Json<BidReceipt>());
    }

    [Then(@"it gets a new receipt for version (\d+), with a different fingerprint")]
    public void NewReceipt(int version)
    {
        var receipt = _receipt ?? throw new InvalidOperationException("No receipt.");
        var previous = _previousReceipt ?? throw new InvalidOperationException("No earlier receipt.");
        receipt.BidId.Should().Be(previous.BidId, "a revision replaces the same bid");
        receipt.Version.Should().Be(version);
        receipt.Sha256.Should().MatchRegex("^[0-9a-fA-F]{64}$").And.NotBe(previous.Sha256);
    }

    [Then(@"its own bid on ""([^""]*)"" now reads (\d+\.\d{2}) yuan, version (\d+)")]
    public async Task OwnBidReads(string title, decimal price, int version)
    {
        var bid = await MyBidAsync(ThatAgency, title);
        bid.Content.Price.Should().Be(price);
        bid.Version.Should().Be(version);
        bid.Receipt.Sha256.Should().Be(Bid(ThatAgency, title).Sha256);
    }

    [When("it withdraws its bid")]
    public async Task Withdraws()
    {
        var answer = await (await ClientAsync(ThatAgency)).WithdrawBidAsync(Bid(ThatAgency, ThatTender).BidId);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
        answer.Json<BidReceipt>().Status.Should().Be("Withdrawn");
    }

    [Then(@"its bid on ""([^""]*)"" is withdrawn")]
    public async Task IsWithdrawn(string title) =>
        (await MyBidAsync(ThatAgency, title)).Status.Should().Be("Withdrawn");

    // ---- agencies: the same person on two rosters -----------------------------------------------

    [Given(@"the agency ""([^""]*)"" has bid on ""([^""]*)"" with the social worker ""([^""]*)"" full time")]
    public async Task HasBidWithWorker(string agency, string title, string person)
    {
        var client = await AgencyWithRosterAsync(agency, person);
        var answer = await client.SubmitBidAsync(_tenders[title], Content(_rosters[agency], 450_000.00m, firstFte: 1.0m));
        answer.Status.Should().Be(HttpStatusCode.Created, answer.Body);
        Kept(agency, title, answer.Json<BidReceipt>());
    }

    [Given(@"the agency ""([^""]*)"" has the same ""([^""]*)"" on its roster, with the same ID number")]
    public Task HasSamePerson(string agency, string person)
    {
        _people.Should().ContainKey(person, "another agency should have that person on its roster first");
        return AgencyWithRosterAsync(agency, person);
    }

    [When(@"the agency ""([^""]*)"" bids on ""([^""]*)"" with ""([^""]*)"" half time")]
    public async Task BidsWithPersonHalfTime(string agency, string title, string person)
    {
        _rosters.Should().ContainKey(agency, $"{agency} should have {person} on its roster");
        _refusal = await (await ClientAsync(agency)).SubmitBidAsync(_tenders[title], Content(_rosters[agency], 440_000.00m, firstFte: 0.5m));
    }

    [Then(@"the bid is refused because ""([^""]*)"" would work more than full time, naming (?:her|him|them) and by how much but not ""([^""]*)"" nor ""([^""]*)""")]
    public void RefusedOverFullTime(string person, string title, string otherAgency)
    {
        var answer = _refusal ?? throw new InvalidOperationException("No bid was sent.");
        answer.Status.Should().Be(HttpStatusCode.UnprocessableEntity, answer.Body);
        using var problem = JsonDocument.Parse(answer.Body);
        var root = problem.RootElement;
        root.GetProperty("rule").GetString().Should().Be("fte_over_commitment", answer.Body);
        root.GetProperty("detail").GetString().Should().Contain(person).And.Contain("1.0 + 0.5 = 1.5 (+0.5)");
        // Where the rest of the time goes is another agency's sealed bid: neither the tender nor the agency is named.
        answer.Body.Should().NotContain(title).And.NotContain(Agencies[otherAgency].Name);
        var collision = root.GetProperty("collisions").EnumerateArray().Should().ContainSingle().Subject;
        collision.GetProperty("person").GetString().Should().Be(person);
        collision.GetProperty("idNumberLastFour").GetString().Should().Be(_people[person][^4..]);
        collision.GetProperty("totalFte").GetDecimal().Should().Be(1.5m);
        collision.GetProperty("overFte").GetDecimal().Should().Be(0.5m);
        answer.Body.Should().NotContain(_people[person], "the ID number itself never leaves the service");
    }

    // ---- agencies: reconfirmation ---------------------------------------------------------------

    [Then(@"the agency ""([^""]*)"" sees the new deadline and that its bid on ""([^""]*)"" needs reconfirmation")]
    public async Task SeesReconfirmation(string agency, string title)
    {
        // The amendment travels from Tendering to Bidding; give it the time it takes.
        var bid = await EventuallyAsync(() => MyBidAsync(agency, title), b => b.Status == "NeedsReconfirmation" && b.BidDeadline == _deadlines[title]);
        bid.Status.Should().Be("NeedsReconfirmation");
        bid.BidDeadline.Should().Be(_deadlines[title]);
        var tender = (await (await ClientAsync(agency)).OpenTendersAsync()).Should().ContainSingle(t => t.TenderId == _tenders[title]).Subject;
        tender.BidDeadline.Should().Be(_deadlines[title]);
        tender.BudgetCeiling.Should().NotBe(BudgetCeiling, "the agencies see the amended ceiling");
    }

    [When(@"the agency ""([^""]*)"" confirms its bid on ""([^""]*)""")]
    public async Task Confirms(string agency, string title)
    {
        var answer = await (await ClientAsync(agency)).ConfirmBidAsync(Bid(agency, title).BidId);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
    }

    [Then(@"the bid of ""([^""]*)"" on ""([^""]*)"" counts again")]
    public async Task CountsAgain(string agency, string title)
    {
        var bid = await MyBidAsync(agency, title);
        bid.Status.Should().Be("Submitted", "a confirmed bid counts at the opening");
        bid.Content.Price.Should().Be(450_000.00m);
    }

    // ---- agencies: the notification inbox -------------------------------------------------------

    [Then(@"the agency ""([^""]*)"" finds in its bidding inbox an unread notice that ""([^""]*)"" was (amended|opened)")]
    public async Task FindsNotice(string agency, string title, string what)
    {
        var client = await ClientAsync(agency);
        var kind = what == "amended" ? "TenderAmended" : "BidsOpened";
        var tenderId = _tenders[title];
        // The change travels from Tendering (or the opening) to Bidding; give it the time it takes.
        var notices = await EventuallyAsync(
            async () =>
            {
                var answer = await ApiAnswer.ReadAsync(client.GetAsync(new Uri("/api/bids/notifications", UriKind.Relative)));
                answer.Status.Should().Be(HttpStatusCode.OK, answer.Body);
                using var inbox = JsonDocument.Parse(answer.Body);
                return inbox.RootElement.GetProperty("notifications").EnumerateArray()
                    .Where(n => n.GetProperty("tenderId").GetGuid() == tenderId && n.GetProperty("kind").GetString() == kind)
                    .Select(n => (Text: n.GetProperty("text").GetString()!, Unread: n.GetProperty("readAt").ValueKind == JsonValueKind.Null))
                    .ToList();
            },
            found => found.Count > 0);
        var notice = notices.Should().ContainSingle().Subject;
        notice.Unread.Should().BeTrue();
        notice.Text.Should().Contain(title);
    }

    // ---- the opening ----------------------------------------------------------------------------

    [When(@"(\d+) days pass")]
    public void DaysPass(int days) => Advance(TimeSpan.FromDays(days));

    [Then(@"nobody can read an opening record of ""([^""]*)"" before the deadline")]
    public async Task NoOpeningYet(string title)
    {
        foreach (var user in new[] { Purchaser, "agency1", "agency2" })
        {
            var answer = await (await ClientAsync(user)).OpeningAsync(_tenders[title]);
            answer.Status.Should().Be(HttpStatusCode.NotFound, $"{user} asks before the deadline: {answer.Body}");
        }
    }

    [Then(@"neither ""([^""]*)"" nor ""([^""]*)"" can see the other's bid on ""([^""]*)""")]
    public async Task CannotSeeTheOther(string first, string second, string title)
    {
        foreach (var (me, other) in new[] { (first, second), (second, first) })
        {
            var client = await ClientAsync(me);
            var mine = (await client.MyBidsAsync()).Where(b => b.TenderId == _tenders[title]).ToList();
            mine.Should().ContainSingle().Which.BidId.Should().Be(Bid(me, title).BidId, $"{me} lists its own bid only");
            var theirs = await client.BidAsync(Bid(other, title).BidId);
            theirs.Status.Should().Be(HttpStatusCode.NotFound, $"{me} may not read {other}'s bid: {theirs.Body}");
        }
    }

    [When(@"the deadline of ""([^""]*)"" passes")]
    public void DeadlinePasses(string title)
    {
        var wait = _deadlines[title] - clock.GetUtcNow() + TimeSpan.FromSeconds(2);
        wait.Should().BePositive("the deadline is still ahead");
        Advance(wait);
    }

    [Then(@"the opening record of ""([^""]*)"" lists, each with the fingerprint of its receipt:")]
    public async Task OpeningLists(string title, StepTable expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var record = await OpeningRecordAsync(Purchaser, title);
        record.TenderTitle.Should().Be(title);
        record.OpenedAt.Should().BeOnOrAfter(_deadlines[title]);
        record.Bids.Should().HaveCount(expected.DataRows.Count);
        foreach (var row in expected.DataRows)
        {
            var agency = row["agency"];
            var entry = record.Bids.Should().ContainSingle(e => e.BidId == Bid(agency, title).BidId, $"{agency}'s bid counts").Subject;
            entry.AgencyName.Should().Be(Agencies[agency].Name);
            entry.Price.Should().Be(decimal.Parse(row["price"], CultureInfo.InvariantCulture));
            entry.ReceiptHash.Should().Be(Bid(agency, title).Sha256);
            entry.BidVersion.Should().Be(Bid(agency, title).Version);
        }
    }

    [Then(@"the agencies ""([^""]*)"" and ""([^""]*)"" both read that opening record, each seeing the other's price")]
    public async Task BothReadTheOpening(string first, string second)
    {
        var title = _tenders.Keys.Single();
        foreach (var (me, other) in new[] { (first, second), (second, first) })
        {
            var record = await OpeningRecordAsync(me, title);
            var theirs = record.Bids.Should().ContainSingle(e => e.BidId == Bid(other, title).BidId, $"{me} sees {other}'s bid in the record").Subject;
            theirs.AgencyName.Should().Be(Agencies[other].Name);
            theirs.Price.Should().BePositive();
        }
    }

    public void Dispose()
    {
        _users.Dispose();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /// <summary>Today on the platform's clock, in Beijing.</summary>
    private DateOnly Today() => _users.Today;

    /// <summary>Moves the platform's clock; tokens were issued on the old time, so everybody signs in again.</summary>
    private void Advance(TimeSpan by) => _users.Advance(by);

    private Task<HttpClient> ClientAsync(string userName) => _users.ClientAsync(userName);

    /// <summary>
    /// The agency, registered in Bidding, with a roster of three people new to this scenario (unless it has one
    /// already): an intermediate social worker who supervises, and two assistants. <paramref name="firstPerson"/>
    /// names the first; when another agency already has that person, the same ID number is used.
    /// </summary>
    private async Task<HttpClient> AgencyWithRosterAsync(string agency, string? firstPerson = null)
    {
        var client = await ClientAsync(agency);
        if (_registered.Add(agency))
        {
            var (name, code) = Agencies[agency];
            await client.RegisterAgencyAsync(new AgencyProfileBody(
                name, code, new DateOnly(2015, 6, 1), "1 Shennan Road, Futian, Shenzhen",
                [new ContactBody("Li Ming", "13800138000", "liming@example.org")]));
        }

        if (_rosters.ContainsKey(agency))
        {
            return client;
        }

        var first = firstPerson ?? $"Chen Jing ({agency})";
        var idNumber = _people.TryGetValue(first, out var known) ? known : _people[first] = TenderingApi.NewIdNumber();
        // A certificate number belongs to one person (挂证): each worker's is made from their own ID number.
        string[] others = [TenderingApi.NewIdNumber(), TenderingApi.NewIdNumber()];
        _rosters[agency] =
        [
            await client.AddWorkerAsync(new WorkerBody(first, idNumber, "Intermediate", $"M{idNumber[6..]}", IsSupervisor: true)),
            await client.AddWorkerAsync(new WorkerBody($"Zhou Min ({agency})", others[0], "Assistant", $"A{others[0][6..]}", IsSupervisor: false)),
            await client.AddWorkerAsync(new WorkerBody($"Liu Yang ({agency})", others[1], "Assistant", $"B{others[1][6..]}", IsSupervisor: false)),
        ];
        return client;
    }

    /// <summary>A bid meeting every rule: personnel 300,000.00 (over the 60 % minimum), activities take up the difference.</summary>
    private static BidContentBody Content(IReadOnlyList<Guid> roster, decimal price, decimal firstFte = 1.0m) => new(
        price,
        new CostsBody(300_000.00m, price - 340_000.00m, 30_000.00m, 10_000.00m),
        [new(roster[0], firstFte, 8_000.00m), new(roster[1], 1.0m, 6_000.00m), new(roster[2], 0.5m, 3_000.00m)],
        Proposal);

    private void Kept(string agency, string title, BidReceipt receipt)
    {
        _previousReceipt = _bids.GetValueOrDefault((agency, title));
        _bids[(agency, title)] = receipt;
        _receipt = receipt;
        _agency = agency;
        _tender = title;
    }

    private BidReceipt Bid(string agency, string title) =>
        _bids.TryGetValue((agency, title), out var receipt) ? receipt : throw new InvalidOperationException($"{agency} has not bid on \"{title}\".");

    private async Task<OwnBid> MyBidAsync(string agency, string title) =>
        (await (await ClientAsync(agency)).MyBidsAsync()).Should().ContainSingle(b => b.TenderId == _tenders[title]).Subject;

    /// <summary>Waits (in real time, bounded) for the closer to close bidding and Bidding to open the bids.</summary>
    private async Task<OpeningRecord> OpeningRecordAsync(string user, string title)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var answer = await (await ClientAsync(user)).OpeningAsync(_tenders[title]);
            if (answer.Status == HttpStatusCode.OK)
            {
                return answer.Json<OpeningRecord>();
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No opening record of \"{title}\" for {user} within {Patience.TotalSeconds} s: {(int)answer.Status} {answer.Body}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done) => Eventually.AskAsync(read, done);

    private static IEnumerable<string> Names(string quotedList) =>
        quotedList.Split('"').Where((_, i) => i % 2 == 1);
}
