using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentAssertions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.BidEvaluation;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.Identity.Domain;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Awards: the award with its challenge window, and contract performance evaluation, as the
/// purchaser, the agencies, the evaluators and the auditor do them through the public entry. What other areas
/// will produce (the panel's ranking, an activated contract) is handed to the embedded platform (the ranking to Evaluation's
/// award step, an activated contract through its bus).
/// The platform runs on a <see cref="ShiftedClock"/>; every move signs everybody in again.
/// </summary>
[Binding]
public sealed class AwardSteps(EmbeddedPlatform platform, ShiftedClock clock) : IDisposable
{
    private const string Purchaser = "purchaser";
    private const decimal BudgetCeiling = 480_000.00m;

    /// <summary>How long the steps wait for an event to travel between modules, or for the award clock's next check.</summary>
    private static readonly TimeSpan Patience = Eventually.Patience;

    private static readonly Dictionary<string, (Guid Id, string Name)> Agencies = new(StringComparer.Ordinal)
    {
        ["agency1"] = (DemoDirectory.Agency1, "Sunshine Social Work Service Centre"),
        ["agency2"] = (DemoDirectory.Agency2, "Chunhui Social Work Service Agency"),
        ["agency3"] = (DemoDirectory.Agency3, "Tongxin Social Work Development Centre"),
    };

    private readonly SignedInUsers _users = new(platform, clock);
    private readonly Dictionary<string, (Guid Id, NewTender Terms)> _tenders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _contracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _winningBids = new(StringComparer.Ordinal);
    private (Guid TenderId, Guid ChallengeId, string Agency)? _challenge;
    private string? _answer;
    private ApiAnswer? _refusal;
    private PerformanceEvaluationView? _evaluation;
    private string? _evaluatedContract;

    // ---- the award ------------------------------------------------------------------------------

    [Given(@"the purchaser has published the tender ""([^""]*)"" and its bidding has closed")]
    public async Task PublishedAndClosed(string title)
    {
        var purchaser = await ClientAsync(Purchaser);
        var programId = await purchaser.CreateProgramAsync($"Program for {title}", "Demo District", "ChildrenAndYouth");
        var deadline = SliceApi.BeijingTime(Today().AddDays(21), new TimeOnly(17, 0));
        var serviceStart = new DateOnly(deadline.Year, deadline.Month, 1).AddMonths(3);
        var terms = NewTender.Standard(programId, title, BudgetCeiling, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1));
        var tenderId = await purchaser.DraftTenderAsync(terms);
        await purchaser.PublishTenderAsync(tenderId);
        _tenders[title] = (tenderId, terms);
        Advance(deadline - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
    }

    [Given(@"the panel has ranked the bids on ""([^""]*)"": ""([^""]*)"" first at (\d+\.\d{2}) yuan, ""([^""]*)"" second at (\d+\.\d{2}) yuan")]
    public async Task PanelRanked(string title, string first, decimal firstPrice, string second, decimal secondPrice)
    {
        var tenderId = _tenders[title].Id;
        var firstBid = Guid.NewGuid();
        var noMeans = new Dictionary<string, decimal>();
        // The panel's work is not replayed here: its result is handed to what follows a completed evaluation inside
        // Evaluation (the award's recommendation, in the ranking's own transaction since Evaluation stopped messaging itself).
        var ranking = new CompletedEvaluation(
            tenderId, DemoDirectory.CivilAffairsBureau,
            [
                new RankedResult(1, firstBid, Agencies[first].Id, Agencies[first].Name, firstPrice, 28.67m, noMeans, 87.40m),
                new RankedResult(2, Guid.NewGuid(), Agencies[second].Id, Agencies[second].Name, secondPrice, 30.00m, noMeans, 81.25m),
            ],
            [], clock.GetUtcNow());
        await using (var scope = platform.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
            await scope.ServiceProvider.GetRequiredService<IEvaluationCompletedFollower>().FollowAsync(db, ranking, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        _winningBids[title] = firstBid;
        var recommendation = await (await ClientAsync(Purchaser)).WaitForAwardAsync(tenderId, a => a.Status == "Recommended", Patience);
        recommendation.Should().NotBeNull($"the ranking of \"{title}\" reaches the purchaser within {Patience.TotalSeconds} s");
        recommendation!.RecommendedBidId.Should().Be(firstBid);
    }

    [When(@"the purchaser confirms the award of ""([^""]*)"" to the recommended agency")]
    public async Task Confirms(string title)
    {
        var answer = await (await ClientAsync(Purchaser)).ConfirmAwardAsync(_tenders[title].Id, Patience);
        answer.Expect(HttpStatusCode.OK, "confirming the award");
        answer.Json<AwardView>().Status.Should().Be("Published");
    }

    [Then(@"the result of ""([^""]*)"" is published with a challenge window of (\d+) working days, ending on the platform's \2th working day after today")]
    public async Task PublishedWithWindow(string title, int workingDays)
    {
        var purchaser = await ClientAsync(Purchaser);
        var award = (await purchaser.AwardAsync(_tenders[title].Id)).Expect(HttpStatusCode.OK, "reading the award").Json<AwardView>();
        award.NoticeDate.Should().Be(Today());
        award.ChallengeWindowWorkingDays.Should().Be(workingDays);
        var counted = await purchaser.WorkingDaysAfterAsync(Today(), workingDays);
        award.ChallengeWindowEnds.Should().Be(counted.Date);
        // Seven working days never fit in fewer than nine calendar days (at least one weekend falls inside).
        award.ChallengeWindowEnds!.Value.DayNumber.Should().BeGreaterThanOrEqualTo(Today().AddDays(9).DayNumber);
        award.ChallengeWindowClosesAtLocal.Should().Be($"{award.ChallengeWindowEnds.Value.AddDays(1):yyyy-MM-dd}T00:00:00+08:00",
            "the window runs to the end of its last day in Beijing");
    }

    [Then(@"the agency ""([^""]*)"" reads the result of ""([^""]*)"": awarded to ""([^""]*)"" for (\d+\.\d{2}) yuan")]
    public async Task AgencyReadsResult(string reader, string title, string winner, decimal amount)
    {
        var award = (await (await ClientAsync(reader)).AwardAsync(_tenders[title].Id)).Expect(HttpStatusCode.OK, $"{reader} reading the result").Json<AwardView>();
        award.AgencyId.Should().Be(Agencies[winner].Id);
        award.AgencyName.Should().Be(Agencies[winner].Name);
        award.Amount.Should().Be(amount);
    }

    [When(@"(\d+) days pass in the challenge window of ""([^""]*)""")]
    public async Task DaysPassInWindow(int days, string title)
    {
        var award = await AwardAsync(title);
        Advance(TimeSpan.FromDays(days));
        clock.GetUtcNow().Should().BeBefore(award.ChallengeWindowClosesAt!.Value, "the window is still open");
    }

    [Then(@"the award of ""([^""]*)"" is not yet confirmed")]
    public async Task NotYetConfirmed(string title)
    {
        // Give the award clock (every second) a few chances to act wrongly.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var award = await AwardAsync(title);
        award.Status.Should().Be("Published");
        award.ConfirmedAt.Should().BeNull();
        (await AwardConfirmedAsync(_tenders[title].Id)).Should().BeNull("nothing goes to contracting inside the window");
    }

    [When(@"the challenge window of ""([^""]*)"" has closed")]
    public async Task WindowCloses(string title)
    {
        var award = await AwardAsync(title);
        var wait = award.ChallengeWindowClosesAt!.Value - clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        wait.Should().BePositive("the window is still open");
        Advance(wait);
    }

    [Then(@"the award of ""([^""]*)"" is confirmed and goes to contracting: ""([^""]*)"" for (\d+\.\d{2}) yuan, with the tender's service period, KPIs and payment schedule")]
    public async Task ConfirmedToContracting(string title, string winner, decimal amount)
    {
        var (tenderId, terms) = _tenders[title];
        var award = await (await ClientAsync(Purchaser)).WaitForAwardAsync(tenderId, a => a.Status == "Confirmed", Patience);
        award.Should().NotBeNull();
        award!.Status.Should().Be("Confirmed", $"the award clock confirms within {Patience.TotalSeconds} s of the window's close");
        award.ConfirmedAt.Should().BeOnOrAfter(award.ChallengeWindowClosesAt!.Value);

        var confirmed = await AwardConfirmedAsync(tenderId);
        confirmed.Should().NotBeNull("the confirmation is published to contracting");
        confirmed!.AgencyId.Should().Be(Agencies[winner].Id);
        confirmed.AgencyName.Should().Be(Agencies[winner].Name);
        confirmed.BidId.Should().Be(_winningBids[title]);
        confirmed.Amount.Should().Be(amount);
        confirmed.PurchasingUnitId.Should().Be(DemoDirectory.CivilAffairsBureau);
        confirmed.ProgramId.Should().Be(terms.ProgramId!.Value);
        confirmed.ProcurementMethod.Should().Be(StandardTenderContent.Method);
        confirmed.ServiceStart.Should().Be(terms.ServiceStart!.Value);
        confirmed.ServiceEnd.Should().Be(terms.ServiceEnd!.Value);
        confirmed.Kpis.Select(k => (k.Name, k.Unit, k.Target)).Should().Equal(StandardTenderContent.Kpis.Select(k => (k.Name, k.Unit, k.Target)));
        confirmed.PaymentSchedule.Select(i => (i.Percent, i.Condition))
            .Should().Equal(StandardTenderContent.Payment.Instalments.Select(i => (i.Percent, i.Condition)));
        confirmed.AwardNoticeDate.Should().Be(award.NoticeDate!.Value);
    }

    [When(@"the agency ""([^""]*)"" challenges the result of ""([^""]*)"": ""([^""]*)""")]
    public async Task Challenges(string agency, string title, string text)
    {
        var tenderId = _tenders[title].Id;
        var challenge = (await (await ClientAsync(agency)).ChallengeAsync(tenderId, text)).Expect(HttpStatusCode.Created, "lodging a challenge").Json<ChallengeView>();
        challenge.Answered.Should().BeFalse();
        _challenge = (tenderId, challenge.Id, agency);
    }

    [Then(@"the agency ""([^""]*)"", which did not bid, cannot challenge the result of ""([^""]*)""")]
    public async Task NonBidderCannotChallenge(string agency, string title)
    {
        var answer = await (await ClientAsync(agency)).ChallengeAsync(_tenders[title].Id, "We object to this result.");
        answer.Status.Should().Be(HttpStatusCode.Forbidden, answer.Body);
        answer.Body.Should().Contain("challenge_not_a_bidder");
    }

    [Then(@"the agency ""([^""]*)"" does not see the challenge of ""([^""]*)""")]
    public async Task DoesNotSeeChallenge(string reader, string challenger)
    {
        var (tenderId, challengeId, agency) = _challenge ?? throw new InvalidOperationException("An agency should challenge first.");
        agency.Should().Be(challenger);
        (await (await ClientAsync(reader)).ChallengesAsync(tenderId)).Should().NotContain(c => c.Id == challengeId);
        (await (await ClientAsync(challenger)).ChallengesAsync(tenderId)).Should().ContainSingle(c => c.Id == challengeId);
        (await (await ClientAsync("auditor")).ChallengesAsync(tenderId)).Should().ContainSingle(c => c.Id == challengeId, "auditors read every challenge");
    }

    [Then(@"the award of ""([^""]*)"" is held by (\d+) unanswered challenges?")]
    public async Task HeldByChallenges(string title, int unanswered)
    {
        // Give the award clock (every second) a few chances to confirm wrongly.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var award = await AwardAsync(title);
        award.Status.Should().Be("Published", "an unanswered challenge holds the confirmation");
        award.UnansweredChallenges.Should().Be(unanswered);
        clock.GetUtcNow().Should().BeAfter(award.ChallengeWindowClosesAt!.Value);
        (await AwardConfirmedAsync(_tenders[title].Id)).Should().BeNull();
    }

    [Then(@"the agency ""([^""]*)"" can no longer challenge the result of ""([^""]*)""")]
    public async Task CannotChallengeAnyMore(string agency, string title)
    {
        var answer = await (await ClientAsync(agency)).ChallengeAsync(_tenders[title].Id, "One more point.");
        answer.Status.Should().Be(HttpStatusCode.Conflict, answer.Body);
        answer.Body.Should().Contain("challenge_window_closed");
    }

    [When(@"the purchaser answers the challenge on ""([^""]*)"": ""([^""]*)""")]
    public async Task AnswersChallenge(string title, string answer)
    {
        var (tenderId, challengeId, _) = _challenge ?? throw new InvalidOperationException("An agency should challenge first.");
        tenderId.Should().Be(_tenders[title].Id);
        (await (await ClientAsync(Purchaser)).AnswerChallengeAsync(tenderId, challengeId, answer)).Answered.Should().BeTrue();
        _answer = answer;
    }

    [Then(@"the agency ""([^""]*)"" reads that answer")]
    public async Task ReadsAnswer(string agency)
    {
        var (tenderId, challengeId, _) = _challenge ?? throw new InvalidOperationException("An agency should challenge first.");
        var challenge = (await (await ClientAsync(agency)).ChallengesAsync(tenderId)).Should().ContainSingle(c => c.Id == challengeId).Subject;
        challenge.Answer.Should().Be(_answer);
        challenge.AnsweredAt.Should().BeOnOrAfter(challenge.LodgedAt, "an answer comes after the challenge it answers");
    }

    // ---- performance evaluation -----------------------------------------------------------------

    [Given(@"the contract ""([^""]*)"" of ""([^""]*)"" has become active, carrying the KPIs ""([^""]*)"" and ""([^""]*)""")]
    public async Task ContractActive(string name, string agency, string firstKpi, string secondKpi)
    {
        var contractId = Guid.NewGuid();
        var start = Today().AddDays(1);
        await PublishAsync(new ContractActivated(
            contractId, Guid.NewGuid(), Guid.NewGuid(), DemoDirectory.CivilAffairsBureau, Agencies[agency].Id, Guid.NewGuid(), 450_000.00m,
            start, start.AddYears(1).AddDays(-1),
            [new KpiTerms(firstKpi, "hours", 2400m), new KpiTerms(secondKpi, "people", 300m)],
            [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
            null, clock.GetUtcNow()));
        (await (await ClientAsync(Purchaser)).WaitForPerformanceAsync(contractId, Patience)).Should()
            .NotBeNull($"the activated contract reaches performance evaluation within {Patience.TotalSeconds} s");
        _contracts[name] = contractId;
    }

    [Then(@"the indicators of ""([^""]*)"" weigh (\d+\.\d{2}) and (\d+\.\d{2})")]
    public async Task IndicatorsWeigh(string name, decimal first, decimal second) =>
        (await PerformanceAsync(Purchaser, name)).Indicators.Select(i => i.Weight).Should().Equal(first, second);

    [When(@"the purchaser weighs the indicators of ""([^""]*)"": ""([^""]*)"" (\d+\.\d{2}) and ""([^""]*)"" (\d+\.\d{2})")]
    public async Task Weighs(string name, string first, decimal firstWeight, string second, decimal secondWeight)
    {
        var answer = await (await ClientAsync(Purchaser)).WeighIndicatorsAsync(_contracts[name], [(first, firstWeight), (second, secondWeight)]);
        if (answer.Status == HttpStatusCode.OK)
        {
            answer.Json<ContractPerformanceView>().Indicators.Select(i => i.Weight).Should().Equal(firstWeight, secondWeight);
            _refusal = null;
            return;
        }

        _refusal = answer;
    }

    [Then(@"the weights are refused because they sum to (\d+\.\d{2}), not 100")]
    public void WeightsRefused(string sum)
    {
        var answer = _refusal ?? throw new InvalidOperationException("The weights were accepted.");
        answer.Status.Should().Be(HttpStatusCode.UnprocessableEntity, answer.Body);
        using var problem = JsonDocument.Parse(answer.Body);
        problem.RootElement.GetProperty("rule").GetString().Should().Be("indicator_weights_sum");
        problem.RootElement.GetProperty("detail").GetString().Should().Contain(sum);
    }

    [When(@"the purchaser assigns ""evaluator(\d)"" to the (MidTerm|Final) evaluation of ""([^""]*)""")]
    public async Task Assigns(int evaluator, string stage, string name) =>
        await (await ClientAsync(Purchaser)).AssignPerformanceEvaluatorAsync(_contracts[name], stage, DemoDirectory.Experts[evaluator - 1]);

    [When(@"""(evaluator\d)"" scores the (MidTerm|Final) evaluation of ""([^""]*)"":")]
    public async Task Scores(string evaluator, string stage, string name, StepTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var scores = table.DataRows.Select(r => (r["indicator"], decimal.Parse(r["score"], CultureInfo.InvariantCulture), r["comment"])).ToList();
        var answer = await (await ClientAsync(evaluator)).SubmitPerformanceEvaluationAsync(_contracts[name], stage, scores);
        _evaluation = answer.Expect(HttpStatusCode.Created, "submitting the evaluation").Json<PerformanceEvaluationView>();
        _evaluatedContract = name;
    }

    [Then(@"""(evaluator\d)"" cannot score the (MidTerm|Final) evaluation of ""([^""]*)""")]
    public async Task CannotScore(string evaluator, string stage, string name)
    {
        var answer = await (await ClientAsync(evaluator)).SubmitPerformanceEvaluationAsync(
            _contracts[name], stage, [("Service hours", 90m, "Not mine to score"), ("People served", 90m, "Not mine to score")]);
        answer.Status.Should().Be(HttpStatusCode.NotFound, $"{evaluator} is not assigned to the contract: {answer.Body}");
    }

    [Then(@"the (MidTerm|Final) evaluation of ""([^""]*)"" is graded ""([^""]*)"" with (\d+\.\d{2}) points")]
    public async Task Graded(string stage, string name, string grade, decimal score)
    {
        _evaluatedContract.Should().Be(name);
        _evaluation!.Stage.Should().Be(stage);
        _evaluation.Grade.Should().Be(grade);
        _evaluation.Score.Should().Be(score);
        var kept = (await PerformanceAsync(Purchaser, name)).Evaluations.Should().ContainSingle(e => e.Stage == stage).Subject;
        kept.Grade.Should().Be(grade);
        kept.Score.Should().Be(score);
        kept.Scores.Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Comment));
    }

    [Then(@"""([^""]*)"" and ""([^""]*)"" read that grade, but ""([^""]*)"" cannot see the evaluation of ""([^""]*)""")]
    public async Task PartiesReadGrade(string party, string auditor, string other, string name)
    {
        foreach (var reader in new[] { party, auditor })
        {
            (await PerformanceAsync(reader, name)).Evaluations.Should().ContainSingle(e => e.Id == _evaluation!.Id, $"{reader} reads the evaluation")
                .Which.Grade.Should().Be(_evaluation!.Grade);
        }

        var refused = await (await ClientAsync(other)).PerformanceAsync(_contracts[name]);
        refused.Status.Should().Be(HttpStatusCode.NotFound, $"{other} is not a party: {refused.Body}");
    }

    [Then(@"the grade ""([^""]*)"" counts in the past performance of ""([^""]*)""")]
    public async Task CountsInPastPerformance(string grade, string agency)
    {
        foreach (var reader in new[] { Purchaser, agency, "evaluator2" })
        {
            (await (await ClientAsync(reader)).AgencyGradesAsync(Agencies[agency].Id))
                .Should().Contain(g => g.ContractId == _contracts[_evaluatedContract!] && g.Grade == grade, $"{reader} reads {agency}'s grades");
        }
    }

    [Then(@"the purchaser can no longer change the weights of ""([^""]*)""")]
    public async Task WeightsLocked(string name)
    {
        var performance = await PerformanceAsync(Purchaser, name);
        performance.WeightsLocked.Should().BeTrue();
        var answer = await (await ClientAsync(Purchaser)).WeighIndicatorsAsync(
            _contracts[name], [.. performance.Indicators.Select(i => (i.Name, 50.00m))]);
        answer.Status.Should().Be(HttpStatusCode.Conflict, answer.Body);
        answer.Body.Should().Contain("indicator_weights_locked");
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

    /// <summary>What another area publishes, published here into the embedded platform's bus.</summary>
    private async Task PublishAsync<T>(T message)
        where T : class =>
        await platform.Host.Services.GetRequiredService<IBus>().Publish(message);

    private async Task<AwardView> AwardAsync(string title) =>
        (await (await ClientAsync(Purchaser)).AwardAsync(_tenders[title].Id)).Expect(HttpStatusCode.OK, "reading the award").Json<AwardView>();

    private async Task<ContractPerformanceView> PerformanceAsync(string reader, string name) =>
        (await (await ClientAsync(reader)).PerformanceAsync(_contracts[name])).Expect(HttpStatusCode.OK, $"{reader} reading the performance").Json<ContractPerformanceView>();

    /// <summary>The <see cref="AwardConfirmed"/> Evaluation raised for the tender (its outbox holds every event it published), or null.</summary>
    private async Task<AwardConfirmed?> AwardConfirmedAsync(Guid tenderId)
    {
        await using var scope = platform.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
        var type = typeof(AwardConfirmed).FullName + ",";
        var payloads = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.StartsWith(type)).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<AwardConfirmed>(p, JsonSerializerOptions.Web)).SingleOrDefault(c => c!.TenderId == tenderId);
    }
}
