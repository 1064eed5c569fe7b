using Procurement.Evaluation.Awards.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Tests.Awards;

public sealed class Award_rules
{
    // Wednesday 25 Nov 2026, 10:00 in Shanghai: the window's last day is Friday 4 Dec, closing at 16:00 UTC on 4 Dec.
    private static readonly DateTimeOffset PublishedAt = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosesAt = new(2026, 12, 4, 16, 0, 0, TimeSpan.Zero);
    private static readonly Guid Agency1 = Guid.NewGuid();
    private static readonly Guid Agency2 = Guid.NewGuid();
    private static readonly Guid Agency3 = Guid.NewGuid();
    private static readonly Guid InvalidAgency = Guid.NewGuid();
    private static readonly Guid Stranger = Guid.NewGuid();

    private static Award Recommended(bool tieAtTheTop = false)
    {
        var first = new RankedEntry(1, Guid.NewGuid(), Agency1, "Sunshine", 450_000m, 28.67m, 86.67m);
        var second = new RankedEntry(tieAtTheTop ? 1 : 2, Guid.NewGuid(), Agency2, "Chunhui", 450_000m, 28.67m, tieAtTheTop ? 86.67m : 80.10m);
        var third = new RankedEntry(3, Guid.NewGuid(), Agency3, "Tongxin", 430_000m, 30m, 75m);
        return Award.Recommend(Guid.NewGuid(), Guid.NewGuid(), [first, second, third], first.BidId,
            [new InvalidEntry(Guid.NewGuid(), InvalidAgency, ["No supervisor"])], PublishedAt.AddDays(-1));
    }

    private static void Publish(Award award, Guid? bidId = null, string? reason = null) =>
        award.Publish(bidId, reason, "purchaser-user", PublishedAt, ChineseHolidays.Calendar, AwardRules.Default);

    private static TenderAwardTerms Terms(Award award) => new(
        award.TenderId, Guid.NewGuid(), award.PurchasingUnitId, "Elder care 2027", "PublicTender", new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
        [new KpiTerm("Home visits", "visits", 1200m)], [new InstalmentTerm(100m, "OnSigning")]);

    [Fact]
    public void A_ranking_makes_the_award_when_there_is_none_and_reranks_one_still_recommended()
    {
        var tenderId = Guid.NewGuid();
        var first = new RankedEntry(1, Guid.NewGuid(), Agency1, "Sunshine", 450_000m, 28.67m, 86.67m);
        var made = Award.RecommendOrRerank(null, tenderId, Guid.NewGuid(), [first], first.BidId, [], PublishedAt.AddDays(-1));
        made.Should().BeEquivalentTo(new { Status = AwardStatus.Recommended, RecommendedBidId = first.BidId }, "a ranking without an award makes one");

        var again = new RankedEntry(1, Guid.NewGuid(), Agency2, "Chunhui", 430_000m, 30m, 88m);
        Award.RecommendOrRerank(made, tenderId, made!.PurchasingUnitId, [again], again.BidId, [], PublishedAt).Should().BeNull("the tender has its award");
        made.RecommendedBidId.Should().Be(again.BidId, "a later ranking replaces the recommendation");
        Award.RecommendOrRerank(made, tenderId, made.PurchasingUnitId, [first], first.BidId, [], PublishedAt.AddDays(-2)).Should().BeNull();
        made.RecommendedBidId.Should().Be(again.BidId, "an older ranking changes nothing");
    }

    [Fact]
    public void A_ranking_never_changes_a_published_award()
    {
        var award = Recommended();
        Publish(award);
        var other = new RankedEntry(1, Guid.NewGuid(), Agency2, "Chunhui", 430_000m, 30m, 99m);

        Award.RecommendOrRerank(award, award.TenderId, award.PurchasingUnitId, [other], other.BidId, [], PublishedAt.AddDays(1)).Should().BeNull();

        award.Status.Should().Be(AwardStatus.Published);
        award.RecommendedBidId.Should().NotBe(other.BidId);
    }

    [Fact]
    public void Confirming_without_a_choice_awards_the_recommended_bid_and_opens_the_window()
    {
        var award = Recommended();
        Publish(award);

        award.Status.Should().Be(AwardStatus.Published);
        award.BidId.Should().Be(award.RecommendedBidId);
        award.AgencyId.Should().Be(Agency1);
        award.Amount.Should().Be(450_000m);
        award.AwardedRank.Should().Be(1);
        award.DeviationReason.Should().BeNull();
        award.NoticeDate.Should().Be(new DateOnly(2026, 11, 25));
        award.ChallengeWindowEnds.Should().Be(new DateOnly(2026, 12, 4));
        award.ChallengeWindowClosesAt.Should().Be(ClosesAt);
    }

    [Fact]
    public void A_bid_below_rank_one_needs_a_written_reason()
    {
        var award = Recommended();
        var second = award.Ranking[1].BidId;

        var withoutReason = () => Publish(award, second, "  ");
        withoutReason.Should().Throw<RuleViolationException>().Which.Code.Should().Be(AwardCodes.AwardReasonRequired);
        award.Status.Should().Be(AwardStatus.Recommended);

        Publish(award, second, "The rank-1 agency declined the award in writing.");
        award.AgencyId.Should().Be(Agency2);
        award.AwardedRank.Should().Be(2);
        award.DeviationReason.Should().Be("The rank-1 agency declined the award in writing.");
    }

    [Fact]
    public void A_bid_sharing_rank_one_needs_no_reason()
    {
        var award = Recommended(tieAtTheTop: true);
        Publish(award, award.Ranking[1].BidId);
        award.AwardedRank.Should().Be(1);
        award.DeviationReason.Should().BeNull();
    }

    [Fact]
    public void Only_a_ranked_bid_can_be_awarded_and_only_once()
    {
        var award = Recommended();
        var unranked = () => Publish(award, Guid.NewGuid());
        unranked.Should().Throw<RuleViolationException>().Which.Code.Should().Be(AwardCodes.AwardBidNotRanked);

        Publish(award);
        var again = () => Publish(award);
        again.Should().Throw<ConflictException>().Which.Code.Should().Be(AwardCodes.AwardNotRecommended);
    }

    [Fact]
    public void A_bidder_can_challenge_until_the_last_moment_of_the_window_and_not_at_its_close()
    {
        var award = Recommended();
        Publish(award);

        award.Lodge(Agency2, "agency2-user", "  The service plan was scored inconsistently. ", ClosesAt.AddTicks(-1))
            .Text.Should().Be("The service plan was scored inconsistently.");
        var late = () => award.Lodge(Agency2, "agency2-user", "Too late", ClosesAt);
        late.Should().Throw<ConflictException>().Which.Code.Should().Be(AwardCodes.ChallengeWindowClosed);
    }

    [Fact]
    public void An_agency_refused_at_compliance_review_may_challenge_and_an_agency_that_did_not_bid_may_not()
    {
        var award = Recommended();
        Publish(award);
        award.Lodge(InvalidAgency, "u", "Our supervisor's certificate was attached.", PublishedAt.AddHours(1)).AgencyId.Should().Be(InvalidAgency);
        var stranger = () => award.Lodge(Stranger, "u", "I object", PublishedAt.AddHours(1));
        stranger.Should().Throw<NotPermittedException>().Which.Code.Should().Be(AwardCodes.ChallengeNotABidder);
    }

    [Fact]
    public void Nobody_can_challenge_a_result_before_it_is_published()
    {
        var early = () => Recommended().Lodge(Agency2, "u", "Why?", PublishedAt);
        early.Should().Throw<ConflictException>().Which.Code.Should().Be(AwardCodes.ChallengeBeforePublication);
    }

    [Fact]
    public void The_award_is_due_at_the_close_of_the_window_not_before_and_not_while_a_challenge_is_unanswered()
    {
        var award = Recommended();
        Publish(award);

        award.IsDueForConfirmation(ClosesAt.AddTicks(-1), unansweredChallenges: 0).Should().BeFalse();
        award.IsDueForConfirmation(ClosesAt, unansweredChallenges: 1).Should().BeFalse();
        award.IsDueForConfirmation(ClosesAt, unansweredChallenges: 0).Should().BeTrue();

        var early = () => award.Confirm(ClosesAt.AddTicks(-1), 0, Terms(award));
        early.Should().Throw<InvalidOperationException>();
        award.Confirm(ClosesAt, 0, Terms(award));
        award.Status.Should().Be(AwardStatus.Confirmed);
        award.ConfirmedAt.Should().Be(ClosesAt);
    }

    [Fact]
    public void A_challenge_is_answered_once()
    {
        var award = Recommended();
        Publish(award);
        var challenge = award.Lodge(Agency2, "u", "Why?", PublishedAt.AddHours(1));
        challenge.IsAnswered.Should().BeFalse();

        challenge.Respond("The scores were checked and stand.", "p", PublishedAt.AddDays(1));
        challenge.IsAnswered.Should().BeTrue();
        var twice = () => challenge.Respond("Again", "p", PublishedAt.AddDays(2));
        twice.Should().Throw<ConflictException>().Which.Code.Should().Be(AwardCodes.ChallengeAlreadyAnswered);
    }

    [Fact]
    public void A_cancelled_tender_voids_an_unconfirmed_award_but_not_a_confirmed_one()
    {
        var recommended = Recommended();
        recommended.Cancel().Should().BeTrue();
        var publish = () => Publish(recommended);
        publish.Should().Throw<ConflictException>().Which.Code.Should().Be(AwardCodes.AwardCancelled);

        var confirmed = Recommended();
        Publish(confirmed);
        confirmed.Confirm(ClosesAt, 0, Terms(confirmed));
        confirmed.Cancel().Should().BeFalse();
        confirmed.Status.Should().Be(AwardStatus.Confirmed);
    }

    [Fact]
    public void A_later_ranking_replaces_the_recommendation_until_publication()
    {
        var award = Recommended();
        var newer = new RankedEntry(1, Guid.NewGuid(), Agency3, "Tongxin", 430_000m, 30m, 90m);
        award.Rerank([newer], newer.BidId, [], PublishedAt.AddDays(-2)).Should().BeFalse("an older ranking changes nothing");
        award.Rerank([newer], newer.BidId, [], PublishedAt).Should().BeTrue();
        award.RecommendedBidId.Should().Be(newer.BidId);

        Publish(award);
        award.Rerank([newer], newer.BidId, [], PublishedAt.AddDays(1)).Should().BeFalse("a published award keeps its ranking");
    }
}
