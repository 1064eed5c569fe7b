using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// The double-counting register (防挂证) as rows: one per person and commitment, under keyed hashes of the person and
/// of the bid or contract, kept in step with submissions, revisions, withdrawals, openings, tender outcomes and
/// contracts. Agency B's first worker is agency A's first worker (the same ID number on both rosters).
/// </summary>
public sealed class Staff_commitments_register : IAsyncLifetime
{
    private static readonly string[] PeopleA = ["440305199001011010", "440305199001011029", "440305199001011037"];
    private static readonly string[] PeopleB = ["440305199001011045", "440305199001011053", "440305199001011061"];
    private static readonly string[] PeopleD = ["44030519900101107X", "440305199001011088", "440305199001011096"];
    private BidBed _bed = null!;
    private Bidder _a = null!;
    private Bidder _b = null!;
    private TenderPublished _earlier = null!;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        _a = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        _b = await _bed.AgencyAsync(BidBed.CodeB, PeopleA[0], PeopleB[1], PeopleB[2]);
        _earlier = _bed.NewTender("Youth services in Nanshan 2027");
        await _bed.SendAsync(_earlier);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private CommitmentTags Tags => _bed.Api.Host.Services.GetRequiredService<CommitmentTags>();

    private string SharedPerson => Tags.Person(_bed.Db(db => db.SocialWorkers.Single(w => w.Id == _a.Workers[0]).IdLookupHash));

    private List<StaffCommitment> RowsOfSharedPerson()
    {
        var person = SharedPerson;
        return _bed.Db(db => db.StaffCommitments.Where(c => c.Person == person).ToList());
    }

    private List<StaffCommitment> RowsOf(string source) => _bed.Db(db => db.StaffCommitments.Where(c => c.Source == source).ToList());

    private async Task<Guid> ABidsOnTheEarlierTenderAsync(decimal fte)
    {
        var response = await _bed.SubmitAsync(_a, 412_345.67m, _earlier.TenderId, firstFte: fte);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bidId").GetGuid();
    }

    private Task<HttpResponseMessage> BBidsAsync(decimal fte) => _bed.SubmitAsync(_b, 400_000.00m, firstFte: fte);

    private AwardConfirmed Award(Guid bidId, Guid agencyId) => new(
        _earlier.TenderId, Guid.NewGuid(), _earlier.ProgramId, _earlier.PurchasingUnitId, bidId, agencyId, "Winner", "CompetitiveConsultation",
        412_345.67m, _earlier.ServiceStart, _earlier.ServiceEnd, [], [], new DateOnly(2026, 12, 20), BiddingApi.Now.AddDays(20));

    private ContractActivated Activation(Guid contractId, Guid bidId, Guid? predecessorId = null) => new(
        contractId, _earlier.TenderId, _earlier.ProgramId, _earlier.PurchasingUnitId, _a.Id, bidId, 412_345.67m,
        _earlier.ServiceStart, _earlier.ServiceEnd, [], [], predecessorId, BiddingApi.Now.AddDays(30));

    private async Task DecideEarlierTenderForAsync(Guid bidId, Guid agencyId)
    {
        await _bed.SendAsync(new BidWindowClosed(_earlier.TenderId, _earlier.BidDeadline));
        await _bed.SendAsync(Award(bidId, agencyId));
    }

    private static async Task<JsonElement> CollisionAsync(HttpResponseMessage refused)
    {
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("rule").GetString().Should().Be(BidCodes.FteOverCommitment);
        return problem.GetProperty("collisions").EnumerateArray().Should().ContainSingle().Subject;
    }

    [Fact]
    public async Task A_bid_writes_one_row_per_planned_person_which_a_revision_replaces_and_a_withdrawal_removes()
    {
        var bidId = await ABidsOnTheEarlierTenderAsync(1.0m);

        var rows = RowsOf(Tags.Bid(bidId));
        rows.Should().HaveCount(3).And.OnlyContain(r => r.Kind == CommitmentKind.OpenBid);
        rows.Select(r => r.Person).Should().Contain(SharedPerson);
        rows.Select(r => r.Fte).Should().BeEquivalentTo([1.0m, 1.0m, 0.5m]);

        var revised = await _a.Client.PutAsJsonAsync($"/api/bids/{bidId}", new { content = BidBed.Content(_a, 412_000.00m, firstFte: 0.4m) });
        revised.StatusCode.Should().Be(HttpStatusCode.OK);
        RowsOfSharedPerson().Should().ContainSingle().Which.Fte.Should().Be(0.4m);
        RowsOf(Tags.Bid(bidId)).Should().HaveCount(3);

        (await _a.Client.PostAsync($"/api/bids/{bidId}/withdraw", null)).EnsureSuccessStatusCode();
        RowsOf(Tags.Bid(bidId)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_active_contract_at_half_time_allows_another_half_and_refuses_one_hundredth_more()
    {
        var bidId = await ABidsOnTheEarlierTenderAsync(0.5m);
        await DecideEarlierTenderForAsync(bidId, _a.Id);
        // Awarded but not yet under contract: the winning bid still commits its people as an open bid.
        (await CollisionAsync(await BBidsAsync(0.51m))).GetProperty("committedFte").GetDecimal().Should().Be(0.5m);
        var contractId = Guid.NewGuid();

        await _bed.SendAsync(Activation(contractId, bidId));

        RowsOf(Tags.Bid(bidId)).Should().BeEmpty();
        RowsOf(Tags.Contract(contractId)).Should().HaveCount(3).And.OnlyContain(r => r.Kind == CommitmentKind.ActiveContract);
        var collision = await CollisionAsync(await BBidsAsync(0.51m));
        collision.GetProperty("committedFte").GetDecimal().Should().Be(0.5m);
        collision.GetProperty("totalFte").GetDecimal().Should().Be(1.01m);
        collision.GetProperty("overFte").GetDecimal().Should().Be(0.01m);
        (await BBidsAsync(0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_end_of_the_contract_frees_its_people()
    {
        var bidId = await ABidsOnTheEarlierTenderAsync(1.0m);
        await DecideEarlierTenderForAsync(bidId, _a.Id);
        var contractId = Guid.NewGuid();
        await _bed.SendAsync(Activation(contractId, bidId));
        (await BBidsAsync(0.01m)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        await _bed.SendAsync(new ContractEnded(contractId, _earlier.ProgramId, _a.Id, bidId, "Completed", null, null, BiddingApi.Now.AddDays(400)));

        RowsOfSharedPerson().Should().BeEmpty();
        (await BBidsAsync(1.0m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_renewal_takes_over_its_predecessors_commitment_instead_of_adding_to_it()
    {
        var bidId = await ABidsOnTheEarlierTenderAsync(0.5m);
        await DecideEarlierTenderForAsync(bidId, _a.Id);
        var first = Guid.NewGuid();
        await _bed.SendAsync(Activation(first, bidId));
        var renewal = Guid.NewGuid();

        await _bed.SendAsync(Activation(renewal, bidId, predecessorId: first));

        RowsOfSharedPerson().Should().ContainSingle().Which.Source.Should().Be(Tags.Contract(renewal));
        RowsOf(Tags.Contract(first)).Should().BeEmpty();
        (await BBidsAsync(0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_renewal_won_with_a_bid_of_its_own_commits_that_bids_people_and_frees_its_predecessors_even_when_delivered_twice()
    {
        var bidId = await ABidsOnTheEarlierTenderAsync(1.0m);
        await DecideEarlierTenderForAsync(bidId, _a.Id);
        var first = Guid.NewGuid();
        await _bed.SendAsync(Activation(first, bidId));
        var d = await _bed.AgencyAsync("52440305MJL1000336", PeopleD);
        var renewalBid = (await (await _bed.SubmitAsync(d, 401_000.00m)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bidId").GetGuid();
        var renewal = Guid.NewGuid();

        await _bed.SendAsync(Activation(renewal, renewalBid, predecessorId: first));
        await _bed.SendAsync(Activation(renewal, renewalBid, predecessorId: first));

        RowsOf(Tags.Contract(first)).Should().BeEmpty();
        RowsOf(Tags.Bid(renewalBid)).Should().BeEmpty();
        RowsOf(Tags.Contract(renewal)).Should().HaveCount(3).And.OnlyContain(r => r.Kind == CommitmentKind.ActiveContract);
        RowsOfSharedPerson().Should().BeEmpty();
        (await BBidsAsync(1.0m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_award_frees_the_losing_bids_people()
    {
        var losing = await ABidsOnTheEarlierTenderAsync(1.0m);
        var d = await _bed.AgencyAsync("52440305MJL1000336", PeopleD);
        var winning = (await _bed.SubmitAsync(d, 401_000.00m, _earlier.TenderId)).Headers.Location!.ToString()[^36..];
        (await BBidsAsync(0.5m)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        await DecideEarlierTenderForAsync(Guid.Parse(winning), d.Id);

        RowsOf(Tags.Bid(losing)).Should().BeEmpty();
        RowsOf(Tags.Bid(Guid.Parse(winning))).Should().HaveCount(3);
        (await BBidsAsync(1.0m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_cancelled_tender_frees_its_bids_people()
    {
        await ABidsOnTheEarlierTenderAsync(1.0m);
        (await BBidsAsync(0.5m)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        await _bed.SendAsync(new TenderCancelled(_earlier.TenderId, "Budget withdrawn", BiddingApi.Now.AddHours(1)));

        RowsOfSharedPerson().Should().BeEmpty();
        (await BBidsAsync(0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_bid_still_awaiting_reconfirmation_at_the_opening_frees_its_people()
    {
        await ABidsOnTheEarlierTenderAsync(1.0m);
        await _bed.SendAsync(new TenderAmended(
            _earlier.TenderId, 1, "Two nights a week added", true, ["kpis"], _earlier.BidDeadline, _earlier.BidDeadline, false,
            _earlier.BudgetCeiling, _earlier.ServiceStart, _earlier.ServiceEnd, _earlier.Staffing, _earlier.PersonnelCost, _earlier.Evaluation,
            [], [], [], null, BiddingApi.Now.AddHours(1), _earlier.Rules));
        (await BBidsAsync(0.5m)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a bid awaiting reconfirmation may still be confirmed");

        await _bed.SendAsync(new BidWindowClosed(_earlier.TenderId, _earlier.BidDeadline));

        RowsOfSharedPerson().Should().BeEmpty();
        (await BBidsAsync(0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Two_agencies_bidding_the_same_person_at_the_same_moment_cannot_both_commit_more_than_full_time()
    {
        var attempts = await Task.WhenAll(
            _bed.SubmitAsync(_a, 412_345.67m, firstFte: 0.6m),
            _bed.SubmitAsync(_b, 400_000.00m, firstFte: 0.6m));

        attempts.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity]);
        RowsOfSharedPerson().Should().ContainSingle().Which.Fte.Should().Be(0.6m);
        _bed.Db(db => db.Bids.Count()).Should().Be(1);
    }

    [Fact]
    public async Task A_contract_on_a_bid_unknown_here_commits_no_one_and_does_not_fault()
    {
        await _bed.SendAsync(Activation(Guid.NewGuid(), Guid.NewGuid()));

        _bed.Db(db => db.StaffCommitments.Count()).Should().Be(0);
    }
}
