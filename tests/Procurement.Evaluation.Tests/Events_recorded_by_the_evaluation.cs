using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Tests.BidEvaluation;
using Procurement.Rules.Refusals;
using Procurement.Testing;

namespace Procurement.Evaluation.Tests;

/// <summary>
/// Issue 16 item 14: Evaluation's aggregates record their events as they change (the tender at opening, review and
/// ranking, the panel, the award); a refused or empty change records none; and no endpoint, consumer, clock job or step
/// raises one itself.
/// </summary>
public sealed class Events_recorded_by_the_evaluation
{
    private static readonly DateTimeOffset Now = EvaluationData.Now;

    [Fact]
    public void No_endpoint_consumer_clock_job_or_evaluation_step_of_Evaluation_raises_an_event()
    {
        var assembly = typeof(EvaluationModule).Assembly;
        var steps = assembly.GetTypes().Single(t => t.FullName == "Procurement.Evaluation.BidEvaluation.EvaluationSteps");
        var layers = OutboxRaises.InLayers("Endpoints", "Messaging", "Scheduling");

        OutboxRaises.CallersIn(assembly, type => layers(type) || type == steps || type.DeclaringType == steps).Should().BeEmpty();
    }

    [Fact]
    public void Too_few_bids_at_opening_record_the_failure_once_and_an_opening_with_enough_records_nothing()
    {
        var tooFew = EvaluationData.Tender(minimumValidBids: 2);
        tooFew.Open(1, Now, Now.AddMinutes(1));
        tooFew.Open(1, Now, Now.AddMinutes(2)).Should().BeNull("a redelivered opening changes nothing");
        tooFew.PendingEvents().All.Should().Equal(new TenderFailed(tooFew.TenderId, 1, 2, "1 bids at opening, 2 required", Now.AddMinutes(1)));

        var enough = EvaluationData.Tender(minimumValidBids: 2);
        enough.Open(2, Now);
        enough.PendingEvents().All.Should().BeEmpty();
    }

    [Fact]
    public void A_review_that_ends_with_too_few_valid_bids_records_the_failure_and_one_that_goes_on_to_scoring_records_nothing()
    {
        var tender = EvaluationData.Tender(minimumValidBids: 3);
        tender.Open(4, Now);
        tender.ConcludeCompliance(2, Now.AddDays(1));
        tender.PendingEvents().All.Should().Equal(new TenderFailed(tender.TenderId, 2, 3, "2 valid bids, 3 required", Now.AddDays(1)));

        EvaluationData.Scoring().PendingEvents().All.Should().BeEmpty();
    }

    [Fact]
    public void A_drawn_panel_records_the_draw_and_a_refused_draw_makes_no_panel()
    {
        var pool = Enumerable.Range(1, 6).ToDictionary(_ => Guid.NewGuid(), n => $"evaluator{n}");
        var tenderId = Guid.NewGuid();
        var panel = Panel.Draw(tenderId, 5, ["purchaser"], pool, "seed", "purchaser", Now, EvaluationRules.Default, 5, true);
        panel.PendingEvents().All.Should().Equal(new PanelDrawn(tenderId, panel.Id, 5, 4, Now));

        var tooFew = () => Panel.Draw(tenderId, 5, ["purchaser"], pool.Take(3).ToDictionary(), "seed", "purchaser", Now, EvaluationRules.Default, 5, true);
        tooFew.Should().Throw<RuleViolationException>();
    }

    [Fact]
    public void Publishing_and_confirming_the_award_record_their_events_and_a_refused_publication_records_nothing()
    {
        var first = new RankedEntry(1, Guid.NewGuid(), Guid.NewGuid(), "Sunshine", 450_000m, 28.67m, 86.67m);
        var second = new RankedEntry(2, Guid.NewGuid(), Guid.NewGuid(), "Chunhui", 430_000m, 30m, 80m);
        var award = Award.Recommend(Guid.NewGuid(), Guid.NewGuid(), [first, second], first.BidId, [], Now);
        award.PendingEvents().All.Should().BeEmpty();

        var unreasoned = () => award.Publish(second.BidId, null, "purchaser", Now, ChineseHolidays.Calendar, AwardRules.Default);
        unreasoned.Should().Throw<RuleViolationException>();
        award.PendingEvents().All.Should().BeEmpty();

        award.Publish(null, null, "purchaser", Now, ChineseHolidays.Calendar, AwardRules.Default);
        var published = award.PendingEvents().All.Should().ContainSingle().Which.Should().BeOfType<AwardPublished>().Subject;
        (published with { Ranking = null }).Should().Be(
            new AwardPublished(award.TenderId, award.Id, first.BidId, first.AgencyId, "Sunshine", 450_000m, award.ChallengeWindowEnds!.Value, Now));
        published.Ranking.Should().Equal(
            [new RankedBid(1, first.BidId, first.AgencyId, "Sunshine", 450_000m, 28.67m, 86.67m),
             new RankedBid(2, second.BidId, second.AgencyId, "Chunhui", 430_000m, 30m, 80m)],
            "the result announcement's ranking goes out with the award (the open data publishes it)");

        var terms = new TenderAwardTerms(award.TenderId, Guid.NewGuid(), award.PurchasingUnitId, "Elder care", "PublicTender",
            new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), [new KpiTerm("Home visits", "visits", 1200m)], [new InstalmentTerm(100m, "OnSigning")]);
        var early = () => award.Confirm(award.ChallengeWindowClosesAt!.Value.AddTicks(-1), 0, terms);
        early.Should().Throw<InvalidOperationException>();
        award.PendingEvents().All.Should().ContainSingle();

        var at = award.ChallengeWindowClosesAt!.Value;
        award.Confirm(at, 0, terms);
        award.PendingEvents().All.Should().HaveCount(2).And.Subject.Last().Should().BeOfType<AwardConfirmed>().Which.Should().BeEquivalentTo(new
        {
            award.TenderId, AwardId = award.Id, terms.ProgramId, BidId = first.BidId, AgencyName = "Sunshine", ProcurementMethod = "PublicTender",
            Amount = 450_000m, ServiceStart = new DateOnly(2027, 1, 1), Kpis = new[] { new KpiTerms("Home visits", "visits", 1200m) },
            PaymentSchedule = new[] { new InstalmentTerms(100m, "OnSigning") }, ConfirmedAt = at,
        });
    }
}
