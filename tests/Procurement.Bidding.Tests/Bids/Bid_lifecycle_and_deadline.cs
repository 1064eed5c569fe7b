using Procurement.Bidding.Domain.Bids;
using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Tests.Bids;

public sealed class Bid_lifecycle_and_deadline
{
    private static readonly DateTimeOffset LastMoment = BidScenario.Deadline.AddTicks(-1);

    private readonly BidScenario _s = new();

    [Fact]
    public void A_bid_is_taken_up_to_the_last_moment_before_the_deadline_and_refused_at_it()
    {
        var bid = _s.Submit(now: LastMoment);

        bid.Status.Should().Be(BidStatus.Submitted);
        bid.Version.Should().Be(1);
        bid.SubmittedAt.Should().Be(LastMoment);
        bid.AgencyId.Should().Be(_s.AgencyId);
        Closed(() => _s.Submit(now: BidScenario.Deadline));
    }

    [Fact]
    public void A_revision_before_the_deadline_is_a_new_version_with_a_new_receipt()
    {
        var bid = _s.Submit();
        var first = bid.Receipt;
        var cheaper = _s.Draft(470_000.00m, new CostBreakdown(300_000.00m, 110_000.00m, 40_000.00m, 20_000.00m));

        bid.Revise(_s.Tender, _s.Validate(cheaper, revisedBidId: bid.Id), _s.Sealer, _s.DataKey, LastMoment);

        bid.Version.Should().Be(2);
        bid.Receipt.Should().Be(new BidReceipt(bid.Id, 2, LastMoment, bid.ReceiptHash));
        bid.ReceiptHash.Should().NotBe(first.Sha256OfSealedContent);
        bid.FirstSubmittedAt.Should().Be(BidScenario.Before);
        bid.Unseal(_s.Tender, _s.Sealer, _s.DataKey, _s.OwnerRead, LastMoment).Content.Price.Should().Be(470_000.00m);
    }

    [Fact]
    public void A_revision_at_the_deadline_is_refused_and_changes_nothing()
    {
        var bid = _s.Submit();
        var receipt = bid.Receipt;

        Closed(() => bid.Revise(_s.Tender, _s.Validate(revisedBidId: bid.Id), _s.Sealer, _s.DataKey, BidScenario.Deadline));

        bid.Receipt.Should().Be(receipt);
    }

    [Fact]
    public void A_revision_must_be_validated_as_a_revision_of_this_bid()
    {
        var bid = _s.Submit();

        var asNew = () => bid.Revise(_s.Tender, _s.Validate(), _s.Sealer, _s.DataKey, BidScenario.Before);

        asNew.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_bid_can_be_withdrawn_before_the_deadline_and_not_at_it()
    {
        var withdrawn = _s.Submit();
        var kept = _s.Submit();

        withdrawn.Withdraw(_s.Tender, LastMoment);
        withdrawn.Withdraw(_s.Tender, LastMoment);

        withdrawn.Status.Should().Be(BidStatus.Withdrawn);
        withdrawn.WithdrawnAt.Should().Be(LastMoment);
        Closed(() => kept.Withdraw(_s.Tender, BidScenario.Deadline));
        kept.Status.Should().Be(BidStatus.Submitted);
    }

    [Fact]
    public void A_withdrawn_bid_cannot_be_revised_or_confirmed()
    {
        var bid = _s.Submit();
        bid.Withdraw(_s.Tender, BidScenario.Before);

        var revise = () => bid.Revise(_s.Tender, _s.Validate(revisedBidId: bid.Id), _s.Sealer, _s.DataKey, BidScenario.Before);
        var confirm = () => bid.ConfirmAfterAmendment(_s.Tender, BidScenario.Before);

        revise.Should().Throw<ConflictException>().Which.Code.Should().Be(BidCodes.BidWithdrawn);
        confirm.Should().Throw<ConflictException>().Which.Code.Should().Be(BidCodes.BidWithdrawn);
    }

    [Fact]
    public void After_an_amendment_a_bid_needs_reconfirmation_which_is_taken_before_the_deadline_and_not_at_it()
    {
        var confirmed = _s.Submit();
        var late = _s.Submit();
        confirmed.MarkNeedsReconfirmation(_s.Tender, BidScenario.Before);
        late.MarkNeedsReconfirmation(_s.Tender, BidScenario.Before);
        confirmed.Status.Should().Be(BidStatus.NeedsReconfirmation);

        confirmed.ConfirmAfterAmendment(_s.Tender, LastMoment);

        confirmed.Status.Should().Be(BidStatus.Submitted);
        confirmed.ConfirmedAt.Should().Be(LastMoment);
        confirmed.Version.Should().Be(1);
        Closed(() => late.ConfirmAfterAmendment(_s.Tender, BidScenario.Deadline));
        late.Status.Should().Be(BidStatus.NeedsReconfirmation);
    }

    [Fact]
    public void A_bid_is_marked_for_reconfirmation_before_the_deadline_and_not_at_it()
    {
        var bid = _s.Submit();

        Closed(() => bid.MarkNeedsReconfirmation(_s.Tender, BidScenario.Deadline));
        bid.MarkNeedsReconfirmation(_s.Tender, LastMoment);

        bid.Status.Should().Be(BidStatus.NeedsReconfirmation);
    }

    [Fact]
    public void A_revision_answers_a_reconfirmation_too()
    {
        var bid = _s.Submit();
        bid.MarkNeedsReconfirmation(_s.Tender, BidScenario.Before);

        bid.Revise(_s.Tender, _s.Validate(revisedBidId: bid.Id), _s.Sealer, _s.DataKey, BidScenario.Before);

        bid.Status.Should().Be(BidStatus.Submitted);
    }

    [Fact]
    public void Bids_are_opened_at_the_deadline_not_before_and_only_those_that_count()
    {
        var counting = _s.Submit();
        var unconfirmed = _s.Submit();
        unconfirmed.MarkNeedsReconfirmation(_s.Tender, BidScenario.Before);

        var early = () => counting.Open(_s.Tender, LastMoment);
        early.Should().Throw<ConflictException>().Which.Code.Should().Be(BidCodes.BiddingStillOpen);
        counting.Open(_s.Tender, BidScenario.Deadline);
        var setAside = () => unconfirmed.Open(_s.Tender, BidScenario.Deadline);

        counting.Status.Should().Be(BidStatus.Opened);
        counting.OpenedAt.Should().Be(BidScenario.Deadline);
        setAside.Should().Throw<ConflictException>().Which.Code.Should().Be(BidCodes.BidNotOpenable);
    }

    [Fact]
    public void A_stale_version_is_a_conflict()
    {
        var bid = _s.Submit();

        bid.EnsureVersion(1);
        var stale = () => bid.EnsureVersion(0);

        stale.Should().Throw<ConflictException>().Which.Code.Should().Be("concurrency");
    }

    private static void Closed(Action act) =>
        act.Should().Throw<ConflictException>().Which.Should().Match<ConflictException>(e => e.Code == BidCodes.BiddingClosed && e.Kind == RefusalKind.Conflict);
}
