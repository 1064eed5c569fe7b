using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

/// <summary>
/// Issue 16 item 14: the aggregate that changed records its event (saved with the change by the unit of work), so a
/// state change leaves exactly its event pending and a refused one leaves none; endpoints, consumers and clock jobs raise
/// nothing themselves.
/// </summary>
public sealed class Events_recorded_by_the_tender
{
    // 10:00 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly ProcurementMethodRules Rules = StandardContent.Rules;
    private static readonly ServiceProgram Program = ServiceProgram.Create(
        Guid.NewGuid(), "Home care for elders, Street X", "Demo District", ServiceDomain.Elderly, new DateOnly(2026, 1, 1), null, Now);

    private static Tender Draft(TenderContent? content = null) =>
        Tender.Draft(Program, "Elder care 2027", 480_000m, Now.AddDays(30), new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
            content ?? StandardContent.For(), Rules, Now);

    private static Tender Published()
    {
        var tender = Draft();
        tender.Publish(Now, Rules, Program);
        tender.PendingEvents().All.Should().ContainSingle().Which.Should().BeOfType<TenderPublished>();
        return tender;
    }

    /// <summary>The events a published tender recorded after its publication.</summary>
    private static List<object> SincePublished(Tender tender) => [.. tender.PendingEvents().All.Skip(1)];

    [Fact]
    public void No_endpoint_consumer_or_clock_job_of_Tendering_raises_an_event_but_the_answer_to_a_renewal_request_that_drafted_nothing_and_the_program_listing()
    {
        OutboxRaises.CallersIn(typeof(TenderingModule).Assembly, OutboxRaises.InLayers("Endpoints", "Messaging", "Scheduling"))
            .Should().BeEquivalentTo(["RenewalTenderRequestedConsumer.NotDrafted", "ProgramLister.StartAsync"],
                "a 'not drafted' answer and the programs listed at each start are about no aggregate's change");
    }

    [Fact]
    public void Publishing_records_the_published_tender_with_its_programs_region_and_a_refused_publication_records_nothing()
    {
        var incomplete = Draft(TenderContent.Empty);
        var refused = () => incomplete.Publish(Now, Rules, Program);
        refused.Should().Throw<RuleViolationException>();
        incomplete.PendingEvents().All.Should().BeEmpty();

        var tender = Draft();
        tender.PendingEvents().All.Should().BeEmpty("a draft is nobody else's business");
        tender.Publish(Now, Rules, Program);

        var published = tender.PendingEvents().All.Should().ContainSingle().Which.Should().BeOfType<TenderPublished>().Which;
        published.Should().BeEquivalentTo(new
        {
            TenderId = tender.Id, tender.ProgramId, tender.PurchasingUnitId, tender.Title, tender.BudgetCeiling, PublishedAt = Now,
            ProcurementMethod = nameof(ProcurementMethod.PublicTender), Program.Region, ServiceDomain = nameof(ServiceDomain.Elderly),
        });
    }

    [Fact]
    public void Cancelling_records_the_cancellation_once_and_a_cancellation_refused_records_nothing()
    {
        var tender = Published();
        var blank = () => tender.Cancel("  ", Now.AddDays(1));
        blank.Should().Throw<RuleViolationException>();
        SincePublished(tender).Should().BeEmpty();

        tender.Cancel(" Budget withdrawn ", Now.AddDays(1));
        SincePublished(tender).Should().Equal(new TenderCancelled(tender.Id, "Budget withdrawn", Now.AddDays(1)));

        var again = () => tender.Cancel("Twice", Now.AddDays(2));
        again.Should().Throw<ConflictException>();
        SincePublished(tender).Should().ContainSingle();
    }

    [Fact]
    public void Closing_the_window_and_the_outcomes_record_their_status_changes_and_an_outcome_that_changes_nothing_records_nothing()
    {
        var tender = Published();
        var early = () => tender.CloseBidding(Now.AddDays(1));
        early.Should().Throw<RuleViolationException>();
        SincePublished(tender).Should().BeEmpty();

        tender.CloseBidding(tender.BidDeadline);
        tender.StartEvaluation(tender.BidDeadline.AddMinutes(5)).Should().BeTrue();
        tender.StartEvaluation(tender.BidDeadline.AddMinutes(6)).Should().BeFalse("a redelivery");
        tender.Award(Guid.NewGuid(), Guid.NewGuid(), "Sunshine", 450_000m, tender.BidDeadline.AddDays(20)).Should().BeTrue();
        tender.Fail("late", tender.BidDeadline.AddDays(21)).Should().BeFalse("an awarded tender does not fail");

        SincePublished(tender).Should().Equal(
            new BidWindowClosed(tender.Id, tender.BidDeadline),
            new TenderStatusChanged(tender.Id, "BiddingClosed", "Evaluating", null, tender.BidDeadline.AddMinutes(5)),
            new TenderStatusChanged(tender.Id, "Evaluating", "Awarded", "Awarded to Sunshine for 450000.00 CNY", tender.BidDeadline.AddDays(20)));
    }

    [Fact]
    public void A_program_records_its_creation_and_each_revision_and_a_refused_revision_records_nothing()
    {
        var program = ServiceProgram.Create(Guid.NewGuid(), " Youth work ", "Demo District", ServiceDomain.ChildrenAndYouth, new DateOnly(2027, 1, 1), null, Now);
        program.PendingEvents().All.Should().Equal(new ServiceProgramCreated(
            program.Id, program.PurchasingUnitId, "Youth work", "Demo District", nameof(ServiceDomain.ChildrenAndYouth), new DateOnly(2027, 1, 1), null, Now));

        var reversed = () => program.Revise("Youth work", "Demo District", ServiceDomain.ChildrenAndYouth, new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1), [], Now);
        reversed.Should().Throw<RuleViolationException>();
        program.PendingEvents().All.Should().HaveCount(1);

        program.Revise("Youth work", "Demo District", ServiceDomain.Family, new DateOnly(2027, 1, 1), null, [], Now.AddDays(1));
        program.PendingEvents().All.Should().HaveCount(2).And.Subject.Last().Should().Be(new ServiceProgramRevised(
            program.Id, program.PurchasingUnitId, "Youth work", "Demo District", nameof(ServiceDomain.Family), new DateOnly(2027, 1, 1), null, 2, Now.AddDays(1)));
    }

    [Fact]
    public void An_answer_records_the_clarification_on_its_question_and_an_empty_answer_records_nothing()
    {
        var tender = Published();
        var question = TenderQuestion.Ask(tender, Guid.NewGuid(), "Is transport included?", Now.AddDays(1));
        question.PendingEvents().All.Should().BeEmpty("a question is private until answered");

        var empty = () => question.Publish(tender, " ", false, Now.AddDays(2), Rules);
        empty.Should().Throw<RuleViolationException>();
        question.PendingEvents().All.Should().BeEmpty();

        question.Publish(tender, "Yes.", false, Now.AddDays(2), Rules);
        question.PendingEvents().All.Should().Equal(
            new TenderClarified(tender.Id, question.Id, "Is transport included?", "Yes.", false, tender.BidDeadline, Now.AddDays(2)));
    }
}
