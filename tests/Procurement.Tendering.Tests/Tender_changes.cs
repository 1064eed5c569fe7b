using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests;

/// <summary>Amendments and bid-changing answers against the method's margin (DOMAIN.md §3), one case each side of each number.</summary>
public sealed class Tender_changes
{
    private static readonly ProcurementMethodRules Rules = StandardContent.Rules;

    /// <summary>09:00 in Beijing, far from midnight so day arithmetic is plain.</summary>
    private static readonly DateTimeOffset PublishedAt = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly TenderChange BudgetChange = new(BudgetCeiling: 500000.00m);

    private static Tender Published(
        ProcurementMethod method = ProcurementMethod.PublicTender, int deadlineDays = 25, DateOnly? serviceStart = null)
    {
        var program = ServiceProgram.Create(Guid.NewGuid(), "Home care", "Demo", ServiceDomain.Elderly, new DateOnly(2026, 1, 1), null, PublishedAt.AddDays(-1));
        var tender = Tender.Draft(
            program, "Elder care 2027", 480000.00m, PublishedAt.AddDays(deadlineDays), serviceStart ?? new DateOnly(2027, 3, 1),
            new DateOnly(2027, 12, 31), StandardContent.For(method), Rules, PublishedAt.AddDays(-1));
        tender.Publish(PublishedAt, Rules, program);
        return tender;
    }

    private static ServiceProgram ProgramOf(Tender tender) =>
        ServiceProgram.Create(tender.PurchasingUnitId, "Home care", "Demo", ServiceDomain.Elderly, new DateOnly(2026, 1, 1), null, PublishedAt);

    private static TenderAmendment Amend(Tender tender, TenderChange change, DateTimeOffset at) =>
        tender.Amend(ProgramOf(tender), change, "Budget raised", "{}", at, Rules);

    [Theory]
    [InlineData(ProcurementMethod.PublicTender, 25, 15)]
    [InlineData(ProcurementMethod.CompetitiveConsultation, 12, 5)]
    public void An_amendment_exactly_the_margin_before_the_deadline_leaves_it_alone(ProcurementMethod method, int deadlineDays, int marginDays)
    {
        var tender = Published(method, deadlineDays);
        var deadline = tender.BidDeadline;

        var amendment = Amend(tender, BudgetChange, deadline.AddDays(-marginDays));

        tender.BidDeadline.Should().Be(deadline);
        amendment.DeadlineMovedByMargin.Should().BeFalse();
        amendment.DeadlineMoved.Should().BeFalse();
        tender.BudgetCeiling.Should().Be(500000.00m);
    }

    [Theory]
    [InlineData(ProcurementMethod.PublicTender, 25, 15)]
    [InlineData(ProcurementMethod.CompetitiveConsultation, 12, 5)]
    public void An_amendment_a_minute_inside_the_margin_moves_the_deadline_out(ProcurementMethod method, int deadlineDays, int marginDays)
    {
        var tender = Published(method, deadlineDays);
        var deadline = tender.BidDeadline;
        var at = deadline.AddDays(-marginDays).AddMinutes(1);

        var amendment = Amend(tender, BudgetChange, at);

        // The margin is restored at the deadline's own Beijing time of day: one day later.
        tender.BidDeadline.Should().Be(deadline.AddDays(1));
        tender.BidDeadline.Should().BeOnOrAfter(at.AddDays(marginDays));
        amendment.DeadlineMovedByMargin.Should().BeTrue();
        amendment.PreviousBidDeadline.Should().Be(deadline);
        amendment.NewBidDeadline.Should().Be(deadline.AddDays(1));
    }

    [Fact]
    public void A_bare_deadline_extension_does_not_change_bids_and_is_not_moved_by_the_margin()
    {
        var tender = Published();
        var extended = tender.BidDeadline.AddDays(1);

        var amendment = Amend(tender, new TenderChange(BidDeadline: extended), extended.AddDays(-3));

        amendment.ChangesBids.Should().BeFalse();
        amendment.DeadlineMovedByMargin.Should().BeFalse();
        tender.BidDeadline.Should().Be(extended);
    }

    [Fact]
    public void A_deadline_may_be_set_to_the_method_minimum_from_publication_but_not_a_minute_before()
    {
        var tender = Published();
        var minimum = PublishedAt.AddDays(20);

        var refusal = () => Amend(tender, new TenderChange(BidDeadline: minimum.AddMinutes(-1)), PublishedAt.AddHours(1));
        refusal.Should().Throw<RuleViolationException>().Which.Code.Should().Be("amendment_deadline_below_minimum");

        Amend(tender, new TenderChange(BidDeadline: minimum), PublishedAt.AddHours(1));
        tender.BidDeadline.Should().Be(minimum);
    }

    [Fact]
    public void A_deadline_moved_out_onto_the_service_start_is_refused()
    {
        var deadline = PublishedAt.AddDays(25);
        var tender = Published(serviceStart: DateOnly.FromDateTime(deadline.AddHours(8).Date).AddDays(1));

        // Inside the margin the deadline would move a day out, onto the service start.
        var inside = () => Amend(tender, BudgetChange, deadline.AddDays(-15).AddMinutes(1));
        inside.Should().Throw<RuleViolationException>().Which.Code.Should().Be("amendment_deadline_after_service_start");
        var extension = () => Amend(tender, new TenderChange(BidDeadline: deadline.AddDays(1)), PublishedAt.AddHours(1));
        extension.Should().Throw<RuleViolationException>().Which.Code.Should().Be("amendment_deadline_after_service_start");
        tender.BidDeadline.Should().Be(deadline, "a refused amendment changes nothing");
        tender.AmendmentCount.Should().Be(0);

        // Exactly on the margin it does not move, and the service still starts after the deadline.
        Amend(tender, BudgetChange, deadline.AddDays(-15)).Number.Should().Be(1);
    }

    [Fact]
    public void Amendments_are_numbered_and_each_raises_the_version()
    {
        var tender = Published();
        var version = tender.Version;

        var first = Amend(tender, BudgetChange, PublishedAt.AddHours(1));
        var second = Amend(tender, new TenderChange(Eligibility: ["Registered social organisation"]), PublishedAt.AddHours(2));

        (first.Number, second.Number).Should().Be((1, 2));
        second.ChangedFields.Should().Equal("eligibility");
        tender.Eligibility.Should().Equal("Registered social organisation");
        tender.Version.Should().Be(version + 2);
    }

    [Fact]
    public void An_amendment_that_changes_nothing_is_refused()
    {
        var refusal = () => Amend(Published(), new TenderChange(), PublishedAt.AddHours(1));

        refusal.Should().Throw<RuleViolationException>().Which.Code.Should().Be("amendment_changes_nothing");
    }

    [Fact]
    public void No_amendment_at_or_after_the_deadline_nor_after_closing()
    {
        var tender = Published();
        var deadline = tender.BidDeadline;

        var atDeadline = () => Amend(tender, BudgetChange, deadline);
        atDeadline.Should().Throw<ConflictException>().Which.Code.Should().Be("bidding_closed");

        tender.CloseBidding(deadline);
        var closed = () => Amend(tender, BudgetChange, deadline.AddDays(1));
        closed.Should().Throw<ConflictException>().Which.Code.Should().Be("tender_not_published");
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void An_answer_inside_the_margin_moves_the_deadline_only_if_it_changes_bids(bool changesBids, int daysMoved)
    {
        var tender = Published();
        var deadline = tender.BidDeadline;
        var question = TenderQuestion.Ask(tender, Guid.NewGuid(), "Is transport included?", PublishedAt.AddDays(1));

        question.Publish(tender, "Yes, within the district.", changesBids, deadline.AddDays(-15).AddMinutes(1), Rules);

        tender.BidDeadline.Should().Be(deadline.AddDays(daysMoved));
        question.ChangesBids.Should().Be(changesBids);
    }

    [Fact]
    public void A_bid_changing_answer_exactly_the_margin_before_the_deadline_leaves_it_alone()
    {
        var tender = Published();
        var deadline = tender.BidDeadline;
        var question = TenderQuestion.Ask(tender, Guid.NewGuid(), "Is transport included?", PublishedAt.AddDays(1));

        question.Publish(tender, "Yes.", changesBids: true, deadline.AddDays(-15), Rules);

        tender.BidDeadline.Should().Be(deadline);
    }

    [Fact]
    public void A_question_is_answered_once_and_asked_only_before_the_deadline()
    {
        var tender = Published();
        var question = TenderQuestion.Ask(tender, Guid.NewGuid(), "Is transport included?", PublishedAt.AddDays(1));
        question.Publish(tender, "Yes.", false, PublishedAt.AddDays(2), Rules);

        var again = () => question.Publish(tender, "No.", false, PublishedAt.AddDays(3), Rules);
        again.Should().Throw<ConflictException>().Which.Code.Should().Be("question_already_answered");

        var late = () => TenderQuestion.Ask(tender, Guid.NewGuid(), "Too late?", tender.BidDeadline);
        late.Should().Throw<ConflictException>().Which.Code.Should().Be("bidding_closed");
        TenderQuestion.Ask(tender, Guid.NewGuid(), "Just in time?", tender.BidDeadline.AddTicks(-1)).Text.Should().Be("Just in time?");
    }
}
