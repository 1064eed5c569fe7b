using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;
using Procurement.Tendering.Tests.Rules;

namespace Procurement.Tendering.Tests;

/// <summary>A tender drafted for the renewal of a contract, pre-filled from the program's last tender (DOMAIN.md §2).</summary>
public sealed class Renewal_draft
{
    private static readonly DateTimeOffset SourcePublished = Beijing.At(2026, 11, 25, 10);
    private static readonly DateTimeOffset SourceDeadline = Beijing.At(2026, 12, 20, 17);
    private static readonly DateTimeOffset RenewalRequested = Beijing.At(2027, 9, 20, 15);
    private static readonly ProcurementMethodRules Rules = StandardContent.Rules;
    private static readonly ServiceProgram Program = ServiceProgram.Create(
        Guid.NewGuid(), "Home care for elders, Street X", "Demo District", ServiceDomain.Elderly, new DateOnly(2026, 1, 1), null, SourcePublished);

    private static readonly DateOnly NextStart = new(2028, 1, 1);
    private static readonly DateOnly NextEnd = new(2028, 12, 31);

    private static Tender Source(TenderContent? content = null, bool publish = true)
    {
        var tender = Tender.Draft(Program, "Elder care 2027", 480_000m, SourceDeadline, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
            content ?? StandardContent.For(), Rules, SourcePublished.AddDays(-3));
        if (publish)
        {
            tender.Publish(SourcePublished, Rules, Program);
        }

        return tender;
    }

    private static Tender Renewal(Tender source, Guid? contractId = null, DateOnly? start = null) =>
        Tender.DraftRenewal(Program, source, contractId ?? Guid.NewGuid(), start ?? NextStart, NextEnd, Rules, RenewalRequested);

    [Fact]
    public void The_draft_carries_the_sources_whole_content_the_new_period_and_where_it_came_from()
    {
        var source = Source();
        var contractId = Guid.NewGuid();

        var draft = Renewal(source, contractId);

        draft.Id.Should().NotBe(source.Id);
        draft.Status.Should().Be(TenderStatus.Draft);
        draft.ProgramId.Should().Be(Program.Id);
        draft.PurchasingUnitId.Should().Be(Program.PurchasingUnitId);
        draft.Title.Should().Be("Elder care 2027");
        draft.BudgetCeiling.Should().Be(480_000m);
        draft.Content.Should().BeEquivalentTo(source.Content);
        draft.Method.Should().Be(ProcurementMethod.PublicTender);
        draft.EvaluationScheme!.Criteria.Select(c => (c.Name, c.MaxPoints)).Should().Equal(("Price", 30m), ("Service plan", 60m), ("Past performance", 10m));
        draft.StaffingRequirement.Should().Be(StaffingRequirement.Create(3, 1, 1));
        draft.Eligibility.Should().Equal("Registered social organisation", "No serious violation in the last three years");
        draft.Kpis.Items.Select(k => (k.Name, k.Target)).Should().Equal(("Service hours", 2400m), ("Elders served", 300m));
        draft.PaymentSchedule.Should().Be(PaymentSchedule.Default);
        draft.PersonnelCost!.PayFloors.Should().Equal(new PayFloor(CertificateLevel.Assistant, 4500m), new PayFloor(CertificateLevel.Intermediate, 5500m));
        draft.BidSecurity.Should().Be(9600.00m);
        draft.ServiceStart.Should().Be(NextStart);
        draft.ServiceEnd.Should().Be(NextEnd);
        draft.CreatedAt.Should().Be(RenewalRequested);
        draft.Version.Should().Be(1);
        draft.PublishedAt.Should().BeNull();
        draft.AmendmentCount.Should().Be(0);
        draft.PrefilledFromTenderId.Should().Be(source.Id);
        draft.SuccessorOfContractId.Should().Be(contractId);
        draft.PredecessorContractId.Should().BeNull();
    }

    [Fact]
    public void The_default_deadline_is_the_sources_bidding_period_after_the_review_days_at_the_sources_hour()
    {
        // The source ran 25 days (25 Nov → 20 Dec, 17:00); 20 Sep + 7 review days + 25 days = 22 Oct, 17:00 Beijing.
        var draft = Renewal(Source());

        draft.BidDeadline.Should().Be(Beijing.At(2027, 10, 22, 17));
    }

    [Fact]
    public void A_draft_never_published_gives_the_methods_minimum_bidding_period()
    {
        // PublicTender's minimum of 20 days: 20 Sep + 7 review days + 20 days = 17 Oct, at the source deadline's 17:00.
        var draft = Renewal(Source(publish: false));

        draft.BidDeadline.Should().Be(Beijing.At(2027, 10, 17, 17));
    }

    [Fact]
    public void The_draft_is_publishable_as_drafted_until_the_last_review_day()
    {
        var lastReviewDay = Beijing.At(2027, 9, 26, 23, 59);
        var draft = Renewal(Source());

        draft.MissingForPublication(Rules).Should().BeEmpty();
        draft.Publish(lastReviewDay, Rules, Program);

        draft.Status.Should().Be(TenderStatus.Published);
        draft.PublishedAt.Should().Be(lastReviewDay);
    }

    [Fact]
    public void A_service_starting_too_soon_brings_the_deadline_to_the_day_before_and_publication_asks_for_a_later_start()
    {
        var draft = Renewal(Source(), start: new DateOnly(2027, 10, 10));

        draft.BidDeadline.Should().Be(Beijing.At(2027, 10, 9, 17));
        var publish = () => draft.Publish(RenewalRequested, Rules, Program);
        publish.Should().Throw<RuleViolationException>().Which.Code.Should().Be(RuleCodes.BidPeriodTooShort);
    }

    [Fact]
    public void A_direct_renewal_as_source_leaves_its_contract_behind_so_single_source_needs_a_justification_again()
    {
        var directRenewal = StandardContent.For(ProcurementMethod.SingleSource) with
        {
            SingleSourceJustification = null,
            PredecessorContractId = Guid.NewGuid(),
        };

        var draft = Renewal(Source(directRenewal));

        draft.Method.Should().Be(ProcurementMethod.SingleSource);
        draft.PredecessorContractId.Should().BeNull();
        var publish = () => draft.Publish(RenewalRequested, Rules, Program);
        publish.Should().Throw<RuleViolationException>().Which.Code.Should().Be("single_source_justification_required");
    }

    [Fact]
    public void A_tender_of_another_program_is_no_source()
    {
        var other = ServiceProgram.Create(Program.PurchasingUnitId, "Youth work", "Demo District", ServiceDomain.ChildrenAndYouth, new DateOnly(2026, 1, 1), null, SourcePublished);
        var source = Source();

        var draft = () => Tender.DraftRenewal(other, source, Guid.NewGuid(), NextStart, NextEnd, Rules, RenewalRequested);

        draft.Should().Throw<ArgumentException>().WithParameterName("source");
    }
}
