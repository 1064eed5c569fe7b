using Procurement.Bidding.Domain.Bids;
using Procurement.Bidding.Tests.Bids;
using Procurement.Contracts.Bidding;
using Procurement.Testing;

namespace Procurement.Bidding.Tests;

/// <summary>
/// Issue 16 item 14: the opening record (开标记录) records <see cref="BidsOpened"/> as it is made, so the opening, the
/// consumers and the clock jobs raise no event themselves.
/// </summary>
public sealed class Events_recorded_by_the_opening
{
    [Fact]
    public void No_endpoint_consumer_or_clock_job_of_Bidding_raises_an_event()
    {
        OutboxRaises.CallersIn(typeof(BiddingModule).Assembly, OutboxRaises.InLayers("Endpoints", "Messaging", "Scheduling")).Should().BeEmpty();
    }

    [Fact]
    public void The_opening_record_records_the_opened_and_the_uncounted_bids_once()
    {
        var scenario = new BidScenario();
        var bidId = Guid.NewGuid();
        var entry = new OpeningEntry(bidId, scenario.AgencyId, "Sunshine", 480_000m, "receipt", 1);
        var opened = new OpenedBid(
            bidId, scenario.AgencyId, "Sunshine", "91440300MA5FXXXX0X", 1, BidScenario.Before, 480_000m, "receipt",
            new OpenedCosts(300_000m, 100_000m, 50_000m, 30_000m), new OpenedStaffingPlan(3, 2, 1, 3m, 0.625m, []), BidScenario.Proposal,
            false, [], null);
        var notCounted = new NotCountedBid(Guid.NewGuid(), Guid.NewGuid(), "NeedsReconfirmation");

        var record = OpeningRecord.Of(scenario.Tender, [entry], BidScenario.Deadline, [opened], [notCounted]);

        var raised = record.PendingEvents().All.Should().ContainSingle().Which.Should().BeOfType<BidsOpened>().Which;
        raised.Should().BeEquivalentTo(new
        {
            scenario.Tender.TenderId, scenario.Tender.PurchasingUnitId, OpenedAt = BidScenario.Deadline, Bids = new[] { opened },
            NotCounted = new[] { notCounted },
        });
    }
}
