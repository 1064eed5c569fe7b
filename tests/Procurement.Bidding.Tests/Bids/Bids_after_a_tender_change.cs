using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Tendering;

namespace Procurement.Bidding.Tests.Bids;

public sealed class Bids_after_a_tender_change : IAsyncLifetime
{
    private BidBed _bed = null!;
    private Bidder _a = null!;
    private Guid _bidId;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        _a = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        _bidId = (await _bed.SubmittedAsync(_a, 412_345.67m)).GetProperty("bidId").GetGuid();
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private TenderAmended Amendment(bool changesBids, DateTimeOffset newDeadline) => new(
        _bed.Tender.TenderId, 1, "Staffing raised to four certified workers", changesBids, ["staffing"],
        _bed.Deadline, newDeadline, newDeadline != _bed.Deadline, 480_000.00m, _bed.Tender.ServiceStart, _bed.Tender.ServiceEnd,
        new StaffingTerms(4, 1, 1), _bed.Tender.PersonnelCost, _bed.Tender.Evaluation, [], [], ["Registered for two years"], null,
        BiddingApi.Now.AddDays(1), _bed.Tender.Rules);

    private BidStatus StatusOfBid() => _bed.Db(db => db.Bids.Single(b => b.Id == _bidId).Status);

    [Fact]
    public async Task An_amendment_that_can_change_bids_asks_every_bidder_to_reconfirm_and_moves_the_deadline()
    {
        var moved = _bed.Deadline.AddDays(5);

        await _bed.SendAsync(Amendment(changesBids: true, moved));

        StatusOfBid().Should().Be(BidStatus.NeedsReconfirmation);
        var tender = _bed.Db(db => db.OpenTenders.Single(t => t.TenderId == _bed.Tender.TenderId));
        tender.BidDeadline.Should().Be(moved);
        tender.Staffing.CertifiedSocialWorkers.Should().Be(4);
        tender.Eligibility.Should().Equal("Registered for two years");
    }

    [Fact]
    public async Task An_amendment_that_cannot_change_bids_leaves_them_counting()
    {
        await _bed.SendAsync(Amendment(changesBids: false, _bed.Deadline));

        StatusOfBid().Should().Be(BidStatus.Submitted);
    }

    [Fact]
    public async Task An_answer_that_changes_bids_works_as_an_amendment()
    {
        var moved = _bed.Deadline.AddDays(2);

        await _bed.SendAsync(new TenderClarified(_bed.Tender.TenderId, Guid.NewGuid(), "Is night duty included?", "Yes, two nights a week.",
            ChangesBids: true, moved, BiddingApi.Now.AddDays(1)));

        StatusOfBid().Should().Be(BidStatus.NeedsReconfirmation);
        _bed.Db(db => db.OpenTenders.Single(t => t.TenderId == _bed.Tender.TenderId)).BidDeadline.Should().Be(moved);
    }

    [Fact]
    public async Task An_answer_that_changes_nothing_leaves_bids_counting()
    {
        await _bed.SendAsync(new TenderClarified(_bed.Tender.TenderId, Guid.NewGuid(), "Where is the office?", "At the street office.",
            ChangesBids: false, _bed.Deadline, BiddingApi.Now.AddDays(1)));

        StatusOfBid().Should().Be(BidStatus.Submitted);
    }
}
