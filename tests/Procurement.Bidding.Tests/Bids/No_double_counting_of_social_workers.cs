using System.Globalization;
using System.Text.Json;
using Procurement.Bidding.Domain.Bids;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Tests.Bids;

public sealed class No_double_counting_of_social_workers
{
    private readonly BidScenario _s = new();

    public No_double_counting_of_social_workers() => BidTexts.Register();

    [Fact]
    public void A_person_may_be_committed_up_to_exactly_full_time()
    {
        // Wang: 0.5 on a contract + 0.25 in another agency's open bid + 0.25 here = 1.0.
        var commitments = WangCommittedTo(0.50m, 0.25m);

        var validated = _s.Validate(_s.Draft(staffing: _s.Plan(wangFte: 0.25m)), commitments);

        validated.People[0].Fte.Should().Be(0.25m);
    }

    [Fact]
    public void One_hundredth_over_full_time_is_refused_naming_the_own_worker_and_by_how_much()
    {
        var commitments = WangCommittedTo(0.50m, 0.25m);

        var refusal = Refusal(_s.Draft(staffing: _s.Plan(wangFte: 0.26m)), commitments);

        refusal.Code.Should().Be(BidCodes.FteOverCommitment);
        refusal.Args[0].Should().Be(1);
        refusal.Args[1].Should().Be("Wang Fang (…5670): 0.75 + 0.26 = 1.01 (+0.01)");
    }

    [Fact]
    public void Every_person_over_full_time_is_named_with_their_total()
    {
        var commitments = new FteCommitments(new Dictionary<string, IReadOnlyList<Commitment>>
        {
            [_s.Wang.IdLookupHash] = [new(CommitmentKind.ActiveContract, 0.60m)],
            [_s.Li.IdLookupHash] = [new(CommitmentKind.OpenBid, 0.50m)],
        });

        var refusal = Refusal(_s.Draft(staffing: _s.Plan(wangFte: 0.50m)), commitments);

        refusal.Args[0].Should().Be(2);
        var text = (string)refusal.Args[1]!;
        text.Should().Contain("Wang Fang (…5670): 0.6 + 0.5 = 1.1 (+0.1)");
        text.Should().Contain("Li Na (…1234): 0.5 + 1.0 = 1.5 (+0.5)");
        var english = ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), refusal.Code, [.. refusal.Args]);
        var chinese = ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), refusal.Code, [.. refusal.Args]);
        english.Should().Contain("2 of your worker(s)").And.Contain("already committed + this plan = total").And.Contain("Li Na (…1234)");
        chinese.Should().Contain("贵机构 2 人超出").And.Contain("已投入 + 本次 = 合计").And.Contain("Wang Fang (…5670)");
    }

    [Fact]
    public void A_refusal_carries_neither_the_id_lookup_hash_nor_anything_about_where_the_time_is_committed()
    {
        var commitments = WangCommittedTo(1.0m, 0m);

        var refusal = Refusal(_s.Draft(), commitments);

        var everything = JsonSerializer.Serialize(new { refusal.Args, refusal.Extensions });
        everything.Should().NotContain(_s.Wang.IdLookupHash, "the hash identifies a person across agencies and stays inside the service");
        everything.Should().NotContainAny("activeContract", "openBid", "ActiveContract", "OpenBid", "title", "agency");
        var collision = JsonSerializer.SerializeToElement(refusal.Extensions["collisions"]).EnumerateArray().Should().ContainSingle().Subject;
        collision.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "person", "idNumberLastFour", "committedFte", "plannedFte", "totalFte", "overFte");
        collision.GetProperty("idNumberLastFour").GetString().Should().Be("5670");
        collision.GetProperty("overFte").GetDecimal().Should().Be(1.0m);
    }

    [Fact]
    public void The_register_tags_keep_a_bid_apart_from_a_contract_with_the_same_id_and_one_person_alike_whatever_the_case()
    {
        var tags = new CommitmentTags(new byte[32]);
        var other = new CommitmentTags([.. Enumerable.Repeat((byte)1, 32)]);
        var id = Guid.CreateVersion7();

        tags.Bid(id).Should().NotBe(tags.Contract(id)).And.HaveLength(CommitmentTags.TagLength);
        tags.Person(_s.Wang.IdLookupHash).Should().Be(tags.Person(_s.Wang.IdLookupHash.ToLowerInvariant()))
            .And.NotBe(_s.Wang.IdLookupHash, "the register's person cannot be joined to the roster's lookup hash")
            .And.NotBe(other.Person(_s.Wang.IdLookupHash), "without the key there is no tag");
    }

    private FteCommitments WangCommittedTo(decimal contractFte, decimal otherBidFte) => new(new Dictionary<string, IReadOnlyList<Commitment>>
    {
        [_s.Wang.IdLookupHash] = [new(CommitmentKind.ActiveContract, contractFte), new(CommitmentKind.OpenBid, otherBidFte)],
    });

    private RuleViolationException Refusal(BidDraft draft, FteCommitments commitments)
    {
        var validate = () => _s.Validate(draft, commitments);
        return validate.Should().Throw<RuleViolationException>().Which;
    }
}
