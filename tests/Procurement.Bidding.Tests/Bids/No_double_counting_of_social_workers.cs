using System.Globalization;
using System.Text.Json;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Bidding.Tests.Bids;

public sealed class No_double_counting_of_social_workers
{
    private readonly BidScenario _s = new();
    private readonly Guid _contractId = Guid.CreateVersion7();
    private readonly Guid _otherBidId = Guid.CreateVersion7();

    public No_double_counting_of_social_workers() => BidMessages.Register();

    [Fact]
    public void A_person_may_be_committed_up_to_exactly_full_time()
    {
        // Wang: 0.5 on a contract + 0.25 in another agency's open bid + 0.25 here = 1.0.
        var commitments = WangCommittedTo(0.50m, 0.25m);

        var validated = _s.Validate(_s.Draft(staffing: _s.Plan(wangFte: 0.25m)), commitments);

        validated.People[0].Fte.Should().Be(0.25m);
    }

    [Fact]
    public void One_hundredth_over_full_time_is_refused_naming_both_commitments_it_collides_with()
    {
        var commitments = WangCommittedTo(0.50m, 0.25m);

        var refusal = Refusal(_s.Draft(staffing: _s.Plan(wangFte: 0.26m)), commitments);

        refusal.Code.Should().Be(BidCodes.FteOverCommitment);
        refusal.Args[0].Should().Be(1);
        refusal.Args[1].Should().Be(
            "Wang Fang (…5670): 0.5 [Community care contract 2026 · Sunshine Social Work] + 0.25 [Youth services in Nanshan 2027 · Harbour Agency] "
            + "+ 0.26 [Elderly care in Futian 2027] = 1.01");
    }

    [Fact]
    public void Every_person_over_full_time_is_named_with_their_total()
    {
        var commitments = new FteCommitments(new Dictionary<string, IReadOnlyList<Commitment>>
        {
            [_s.Wang.IdLookupHash] = [Contract(0.60m)],
            [_s.Li.IdLookupHash] = [OtherBid(0.50m)],
        });

        var refusal = Refusal(_s.Draft(staffing: _s.Plan(wangFte: 0.50m)), commitments);

        refusal.Args[0].Should().Be(2);
        var text = (string)refusal.Args[1]!;
        text.Should().Contain("Wang Fang (…5670): 0.6 [Community care contract 2026 · Sunshine Social Work] + 0.5 [Elderly care in Futian 2027] = 1.1");
        text.Should().Contain("Li Na (…1234): 0.5 [Youth services in Nanshan 2027 · Harbour Agency] + 1.0 [Elderly care in Futian 2027] = 1.5");
        var english = ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), refusal.Code, [.. refusal.Args]);
        var chinese = ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), refusal.Code, [.. refusal.Args]);
        english.Should().Contain("2 person(s)").And.Contain("Li Na (…1234)");
        chinese.Should().Contain("2 人超出").And.Contain("Wang Fang (…5670)");
    }

    [Fact]
    public void A_refusal_never_carries_the_id_lookup_hash()
    {
        var commitments = WangCommittedTo(1.0m, 0m);

        var refusal = Refusal(_s.Draft(), commitments);

        var everything = JsonSerializer.Serialize(new { refusal.Args, refusal.Extensions });
        everything.Should().NotContain(_s.Wang.IdLookupHash, "the hash identifies a person across agencies and stays inside the service");
        everything.Should().Contain("\"idNumberLastFour\":\"5670\"").And.Contain(_contractId.ToString());
    }

    [Fact]
    public void A_revision_replaces_the_bids_own_earlier_commitments_instead_of_counting_them_twice()
    {
        var ownBidId = Guid.CreateVersion7();
        var commitments = new FteCommitments(new Dictionary<string, IReadOnlyList<Commitment>>
        {
            [_s.Wang.IdLookupHash] = [new Commitment(CommitmentKind.OpenBid, ownBidId, "Elderly care in Futian 2027", "Our agency", 1.0m)],
        });

        var revised = _s.Validate(_s.Draft(), commitments, revisedBidId: ownBidId);
        var asNewBid = () => _s.Validate(_s.Draft(), commitments);

        revised.RevisedBidId.Should().Be(ownBidId);
        asNewBid.Should().Throw<RuleViolationException>().Which.Code.Should().Be(BidCodes.FteOverCommitment);
    }

    [Fact]
    public void A_contract_with_the_same_id_as_the_revised_bid_still_counts()
    {
        var id = Guid.CreateVersion7();
        var commitments = new FteCommitments(new Dictionary<string, IReadOnlyList<Commitment>>
        {
            [_s.Wang.IdLookupHash] = [new Commitment(CommitmentKind.ActiveContract, id, "Contract", "Agency", 0.5m)],
        });

        commitments.CollisionsWith([new PlannedPerson(_s.Wang.IdLookupHash, "Wang Fang", "5670", 0.51m)], revisedBidId: id)
            .Should().ContainSingle().Which.Total.Should().Be(1.01m);
    }

    [Fact]
    public void A_withdrawn_bid_commits_no_one()
    {
        var bid = _s.Submit();
        bid.Commitments.Should().HaveCount(3);

        bid.Withdraw(_s.Tender, BidScenario.Before);

        bid.Commitments.Should().BeEmpty();
    }

    private FteCommitments WangCommittedTo(decimal contractFte, decimal otherBidFte) => new(new Dictionary<string, IReadOnlyList<Commitment>>
    {
        [_s.Wang.IdLookupHash] = [Contract(contractFte), OtherBid(otherBidFte)],
    });

    private Commitment Contract(decimal fte) => new(CommitmentKind.ActiveContract, _contractId, "Community care contract 2026", "Sunshine Social Work", fte);

    private Commitment OtherBid(decimal fte) => new(CommitmentKind.OpenBid, _otherBidId, "Youth services in Nanshan 2027", "Harbour Agency", fte);

    private RuleViolationException Refusal(BidDraft draft, FteCommitments commitments)
    {
        var validate = () => _s.Validate(draft, commitments);
        return validate.Should().Throw<RuleViolationException>().Which;
    }
}
