using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests;

public sealed class Tender_content
{
    // 10:00 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly ProcurementMethodRules Rules = StandardContent.Rules;
    private static readonly ServiceProgram Program = ServiceProgram.Create(
        Guid.NewGuid(), "Home care for elders, Street X", "Demo District", ServiceDomain.Elderly, new DateOnly(2026, 1, 1), null, Now);

    private static Tender Draft(TenderContent? content = null, DateTimeOffset? deadline = null, decimal ceiling = 480_000m) =>
        Tender.Draft(Program, "Elder care 2027", ceiling, deadline ?? Now.AddDays(30), new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
            content ?? StandardContent.For(), Rules, Now);

    private static void Revise(Tender tender, TenderContent content, decimal ceiling = 480_000m) =>
        tender.Revise(Program, tender.Title, ceiling, tender.BidDeadline, tender.ServiceStart, tender.ServiceEnd, content, Rules);

    [Fact]
    public void A_draft_may_be_incomplete_but_is_published_only_complete_naming_every_missing_part()
    {
        var tender = Draft(TenderContent.Empty);

        var publish = () => tender.Publish(Now, Rules, Program);

        var refusal = publish.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("tender_incomplete");
        refusal.Field.Should().Be("procurementMethod");
        var missing = ((IEnumerable<object>)refusal.Extensions["violations"]!).Select(v => v.GetType().GetProperty("field")!.GetValue(v)).ToList();
        missing.Should().Equal("procurementMethod", "evaluationScheme", "staffingRequirement", "eligibility", "kpis", "paymentSchedule", "serviceDescription");
        tender.Status.Should().Be(TenderStatus.Draft);
    }

    [Fact]
    public void The_full_content_is_kept_on_the_tender()
    {
        var tender = Draft();

        tender.Method.Should().Be(ProcurementMethod.PublicTender);
        tender.EvaluationScheme!.PriceWeight.Should().Be(0.30m);
        tender.StaffingRequirement.Should().Be(StaffingRequirement.Create(3, 1, 1));
        tender.Eligibility.Should().HaveCount(2);
        tender.Kpis.Items.Should().HaveCount(2);
        tender.PaymentSchedule.Should().Be(PaymentSchedule.Default);
        tender.PersonnelCost!.MinimumPersonnelShare.Should().Be(0.60m);
        tender.BidSecurity.Should().Be(9600.00m);
    }

    [Fact]
    public void A_single_source_tender_is_published_without_an_evaluation_scheme()
    {
        var tender = Draft(StandardContent.For(ProcurementMethod.SingleSource));

        tender.MissingForPublication(Rules).Should().BeEmpty();
        tender.Publish(Now, Rules, Program);
        tender.Status.Should().Be(TenderStatus.Published);
    }

    [Fact]
    public void A_single_source_tender_takes_no_evaluation_scheme()
    {
        var draft = () => Draft(StandardContent.For(ProcurementMethod.SingleSource) with { EvaluationScheme = StandardContent.Scheme() });

        draft.Should().Throw<RuleViolationException>().Which.Code.Should().Be(RuleCodes.MethodNotScored);
    }

    [Fact]
    public void A_scheme_needs_the_method_it_is_weighed_against()
    {
        var draft = () => Draft(StandardContent.For() with { Method = null });

        draft.Should().Throw<RuleViolationException>().Which.Code.Should().Be("evaluation_scheme_needs_method");
    }

    [Fact]
    public void Changing_the_method_checks_the_price_weight_again()
    {
        // 40 price points: allowed for a public tender (no upper bound), not for competitive consultation (at most 30).
        var tender = Draft(StandardContent.For() with { EvaluationScheme = StandardContent.Scheme(pricePoints: 40m) });

        var revise = () => Revise(tender, StandardContent.For(ProcurementMethod.CompetitiveConsultation) with
        {
            EvaluationScheme = StandardContent.Scheme(pricePoints: 40m),
        });

        revise.Should().Throw<RuleViolationException>().Which.Code.Should().Be(RuleCodes.PriceWeightAboveMaximum);
    }

    [Fact]
    public void A_public_tender_is_published_20_days_before_its_deadline_and_not_a_tick_later()
    {
        // Now is 10:00 in Beijing; 20 Beijing calendar days later at 10:00 is the earliest deadline.
        var earliest = Now.AddDays(20);
        var onTime = Draft(deadline: earliest);
        var late = Draft(deadline: earliest);

        onTime.Publish(Now, Rules, Program);
        var publishLate = () => late.Publish(Now.AddTicks(1), Rules, Program);

        onTime.Status.Should().Be(TenderStatus.Published);
        publishLate.Should().Throw<RuleViolationException>().Which.Code.Should().Be(RuleCodes.BidPeriodTooShort);
    }

    [Fact]
    public void A_competitive_consultation_needs_10_days()
    {
        var content = StandardContent.For(ProcurementMethod.CompetitiveConsultation);
        var tenDays = Draft(content, deadline: Now.AddDays(10));
        var shortOfTen = Draft(content, deadline: Now.AddDays(10).AddTicks(-1));

        tenDays.Publish(Now, Rules, Program);
        var publish = () => shortOfTen.Publish(Now, Rules, Program);

        tenDays.Status.Should().Be(TenderStatus.Published);
        publish.Should().Throw<RuleViolationException>().Which.Code.Should().Be(RuleCodes.BidPeriodTooShort);
    }

    [Fact]
    public void Bid_security_may_be_2_percent_of_the_ceiling_and_not_a_fen_more()
    {
        Draft(StandardContent.For() with { BidSecurity = 9600.00m }, ceiling: 480_000m).BidSecurity.Should().Be(9600.00m);

        var above = () => Draft(StandardContent.For() with { BidSecurity = 9600.01m }, ceiling: 480_000m);

        above.Should().Throw<RuleViolationException>().Which.Code.Should().Be(RuleCodes.BidSecurityAboveMaximum);
    }

    [Fact]
    public void Lowering_the_ceiling_below_fifty_times_the_security_is_refused()
    {
        var tender = Draft(StandardContent.For() with { BidSecurity = 9600.00m }, ceiling: 480_000m);

        var revise = () => Revise(tender, StandardContent.For() with { BidSecurity = 9600.00m }, ceiling: 479_999.99m);

        revise.Should().Throw<RuleViolationException>().Which.Code.Should().Be(RuleCodes.BidSecurityAboveMaximum);
        tender.BudgetCeiling.Should().Be(480_000m);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.001")]
    public void Bid_security_is_positive_cny_in_fen(string amount)
    {
        var draft = () => Draft(StandardContent.For() with { BidSecurity = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) });

        draft.Should().Throw<RuleViolationException>().Which.Code.Should().Be("bid_security_invalid");
    }

    [Fact]
    public void A_blank_eligibility_requirement_is_refused_naming_its_place()
    {
        var draft = () => Draft(StandardContent.For() with { Eligibility = ["Registered", "  "] });

        var refusal = draft.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("eligibility_blank");
        refusal.Field.Should().Be("eligibility[1]");
    }

    [Fact]
    public void A_draft_is_revised_and_its_version_counts_the_change()
    {
        var tender = Draft(TenderContent.Empty);

        Revise(tender, StandardContent.For());

        tender.Version.Should().Be(2);
        tender.MissingForPublication(Rules).Should().BeEmpty();
    }

    [Fact]
    public void A_published_tender_is_not_revised()
    {
        var tender = Draft();
        tender.Publish(Now, Rules, Program);

        var revise = () => Revise(tender, StandardContent.For());

        revise.Should().Throw<ConflictException>().Which.Code.Should().Be("tender_not_editable");
    }

    [Fact]
    public void Bidding_closes_at_the_deadline_not_a_tick_before()
    {
        var tender = Draft();
        tender.Publish(Now, Rules, Program);

        var early = () => tender.CloseBidding(tender.BidDeadline.AddTicks(-1));
        early.Should().Throw<RuleViolationException>().Which.Code.Should().Be("bid_deadline_not_reached");

        tender.CloseBidding(tender.BidDeadline);
        tender.Status.Should().Be(TenderStatus.BiddingClosed);
        tender.BiddingClosedAt.Should().Be(tender.BidDeadline);
    }

    [Fact]
    public void Only_a_published_tender_closes()
    {
        var close = () => Draft().CloseBidding(Now.AddDays(40));

        close.Should().Throw<ConflictException>().Which.Code.Should().Be("tender_not_published");
    }

    [Fact]
    public void A_draft_a_published_and_a_closed_tender_can_be_cancelled_with_a_reason()
    {
        var draft = Draft();
        var published = Draft();
        published.Publish(Now, Rules, Program);
        var closed = Draft();
        closed.Publish(Now, Rules, Program);
        closed.CloseBidding(closed.BidDeadline);

        foreach (var tender in new[] { draft, published, closed })
        {
            tender.Cancel("  The district merged the program into another.  ", Now.AddDays(31));
            tender.Status.Should().Be(TenderStatus.Cancelled);
            tender.CancellationReason.Should().Be("The district merged the program into another.");
            tender.CancelledAt.Should().Be(Now.AddDays(31));
        }
    }

    [Fact]
    public void A_cancelled_tender_is_not_cancelled_again()
    {
        var tender = Draft();
        tender.Cancel("Merged", Now);

        var again = () => tender.Cancel("Merged", Now);

        again.Should().Throw<ConflictException>().Which.Code.Should().Be("tender_not_cancellable");
    }

    [Fact]
    public void Cancelling_needs_a_reason()
    {
        var cancel = () => Draft().Cancel(" ", Now);

        cancel.Should().Throw<RuleViolationException>().Which.Code.Should().Be("cancellation_reason_required");
    }

    [Fact]
    public void Cancellation_is_allowed_exactly_before_award()
    {
        Tender.CancellableStatuses.Should().BeEquivalentTo(
            [TenderStatus.Draft, TenderStatus.Published, TenderStatus.BiddingClosed, TenderStatus.Evaluating]);
    }
}
