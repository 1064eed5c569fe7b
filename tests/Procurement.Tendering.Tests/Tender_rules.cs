using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests;

public sealed class Tender_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly ServiceProgram Program = ServiceProgram.Create(
        Guid.NewGuid(), "Home care for elders, Street X", "Demo District", ServiceDomain.Elderly, new DateOnly(2026, 1, 1), null, Now);

    private static readonly ProcurementMethodRules Rules = ProcurementMethodRules.Default;

    private static Tender Draft(
        decimal ceiling = 500_000m, DateTimeOffset? deadline = null, DateOnly? start = null, DateOnly? end = null, TenderContent? content = null) =>
        Tender.Draft(Program, "Elder care 2027", ceiling, deadline ?? Now.AddDays(30), start ?? new DateOnly(2027, 1, 1), end ?? new DateOnly(2027, 12, 31),
            content ?? StandardContent.For(), Rules, Now);

    [Fact]
    public void A_new_tender_is_a_draft_that_belongs_to_its_programs_purchasing_unit()
    {
        var tender = Draft();

        tender.Status.Should().Be(TenderStatus.Draft);
        tender.PurchasingUnitId.Should().Be(Program.PurchasingUnitId);
        tender.ProgramId.Should().Be(Program.Id);
        tender.Version.Should().Be(1);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.001")]
    public void A_budget_ceiling_must_be_positive_cny_with_two_decimals(string ceiling)
    {
        var draft = () => Draft(decimal.Parse(ceiling, System.Globalization.CultureInfo.InvariantCulture));

        draft.Should().Throw<RuleViolationException>().Which.Code.Should().Be("budget_ceiling_invalid");
    }

    [Fact]
    public void A_budget_ceiling_of_one_fen_is_accepted()
    {
        Draft(0.01m, content: StandardContent.For() with { BidSecurity = null }).BudgetCeiling.Should().Be(0.01m);
    }

    [Fact]
    public void The_service_period_cannot_end_before_it_starts()
    {
        var draft = () => Draft(start: new DateOnly(2027, 1, 2), end: new DateOnly(2027, 1, 1));

        draft.Should().Throw<RuleViolationException>().Which.Code.Should().Be("service_period_reversed");
    }

    [Fact]
    public void A_one_day_service_period_is_accepted()
    {
        Draft(start: new DateOnly(2027, 1, 1), end: new DateOnly(2027, 1, 1)).ServiceEnd.Should().Be(new DateOnly(2027, 1, 1));
    }

    [Fact]
    public void The_service_period_must_lie_within_the_programs_span()
    {
        var draft = () => Draft(start: new DateOnly(2025, 12, 31));

        draft.Should().Throw<RuleViolationException>().Which.Code.Should().Be("service_period_outside_program");
    }

    [Fact]
    public void Bidding_must_close_before_the_service_starts()
    {
        var onTheDay = () => Draft(deadline: new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero));
        var dayBefore = Draft(deadline: new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.Zero));

        // 17:00 UTC on 31 December is 01:00 on 1 January in Beijing: the service's first day.
        var onTheDayInBeijing = () => Draft(deadline: new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero));

        onTheDay.Should().Throw<RuleViolationException>().Which.Code.Should().Be("bid_deadline_after_service_start");
        onTheDayInBeijing.Should().Throw<RuleViolationException>().Which.Code.Should().Be("bid_deadline_after_service_start");
        dayBefore.BidDeadline.Should().Be(new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Publishing_opens_a_draft_and_stamps_the_time()
    {
        var tender = Draft();

        tender.Publish(Now.AddHours(1), Rules, Program);

        tender.Status.Should().Be(TenderStatus.Published);
        tender.PublishedAt.Should().Be(Now.AddHours(1));
        tender.Version.Should().Be(2);
    }

    [Fact]
    public void A_tender_is_published_once()
    {
        var tender = Draft();
        tender.Publish(Now, Rules, Program);

        var again = () => tender.Publish(Now, Rules, Program);

        again.Should().Throw<ConflictException>().Which.Code.Should().Be("tender_not_draft");
    }

    [Fact]
    public void A_tender_cannot_be_published_at_or_after_its_deadline()
    {
        // Single source has no bidding period, so only the deadline itself bounds publication.
        var deadline = Now.AddDays(10);
        var singleSource = StandardContent.For(ProcurementMethod.SingleSource);
        var atDeadline = () => Draft(deadline: deadline, content: singleSource).Publish(deadline, Rules, Program);
        var justBefore = Draft(deadline: deadline, content: singleSource);

        atDeadline.Should().Throw<RuleViolationException>().Which.Code.Should().Be("bid_deadline_passed");
        justBefore.Publish(deadline.AddTicks(-1), Rules, Program);
        justBefore.Status.Should().Be(TenderStatus.Published);
    }

    [Fact]
    public void A_program_span_cannot_end_before_it_starts()
    {
        var create = () => ServiceProgram.Create(Guid.NewGuid(), "P", "R", ServiceDomain.Family, new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 1), Now);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("program_span_reversed");
    }
}
