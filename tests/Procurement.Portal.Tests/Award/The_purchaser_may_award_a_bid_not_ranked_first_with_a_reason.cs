using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Award;

/// <summary>
/// The award goes to the recommended (first-ranked) bid unless the purchaser picks another ranked bid, which needs the written
/// reason Evaluation's award rule asks for (award_reason_required); the confirmation names the bid, its rank and the reason.
/// </summary>
public sealed class The_purchaser_may_award_a_bid_not_ranked_first_with_a_reason : AfterDeadlineContext
{
    private static readonly Guid Second = AfterDeadlineData.BidOf(AfterDeadlineData.Chunhui);

    public The_purchaser_may_award_a_bid_not_ranked_first_with_a_reason()
    {
        Api.Opening = AfterDeadlineData.Opening();
        Api.Panel = AfterDeadlineData.Panel();
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Completed);
        Api.Award = AfterDeadlineData.Award(AwardStatus.Recommended);
        Api.Published = AfterDeadlineData.Award(AwardStatus.Published);
    }

    [Fact]
    public void The_first_ranked_bid_is_picked_by_default_and_needs_no_reason()
    {
        var page = RenderPage();

        var options = page.FindAll("[data-testid='award-bid'] option");
        options.Select(o => o.TextContent).Should().Equal(
            "第 1 名 阳光社工，报价 ¥960,000.00，总分 95.50", "第 2 名 春晖社工，报价 ¥880,000.00，总分 88.25", "第 3 名 同心社工，报价 ¥1,000,000.00，总分 85.90");
        options[0].HasAttribute("selected").Should().BeTrue();
        page.FindAll("[data-testid='award-reason']").Should().BeEmpty();
        page.Find("[data-testid='award-button'] button").HasAttribute("disabled").Should().BeFalse();
    }

    [Fact]
    public void Picking_the_second_asks_for_the_reason_and_the_confirmation_names_the_bid_its_rank_and_the_reason()
    {
        var page = RenderPage();

        page.Find("[data-testid='award-bid']").Change(Second.ToString());

        page.WaitForElement("[data-testid='award-reason']");
        page.Find("[data-testid='award-choice']").TextContent.Should().Contain("所选投标并非排名第一，须书面说明理由。");
        page.Find("[data-testid='award-button'] button").HasAttribute("disabled").Should().BeTrue("the reason is required");
        var reason = page.Find("[data-testid='award-reason'] textarea");
        reason.Input("  第一名的服务团队已被另一项目全职占用。 ");
        reason.Change("  第一名的服务团队已被另一项目全职占用。 ");
        page.WaitForAssertion(() => page.Find("[data-testid='award-button'] button").HasAttribute("disabled").Should().BeFalse());
        page.Find("[data-testid='award-button'] button").Click();

        page.Find("[data-testid='award-confirm']").TextContent.Should()
            .Contain("排名第 2 的 春晖社工").And.Contain("¥880,000.00").And.Contain("第一名的服务团队已被另一项目全职占用。");
        page.Find("[data-testid='award-confirm-yes'] button").Click();

        page.WaitForElement("[data-testid='awarded-to']");
        var sent = Api.Confirmations.Should().ContainSingle().Subject;
        sent.BidId.Should().Be(Second);
        sent.Reason.Should().Be("第一名的服务团队已被另一项目全职占用。");
    }

    [Fact]
    public void The_APIs_refusal_of_the_reason_is_shown_beside_the_reason_field()
    {
        Api.RefuseNextWrite = new ProblemDetails
        {
            Status = 422, Title = "须说明理由", Detail = "所选投标排名第 2，不是第 1：请书面说明不授予推荐投标的理由。", Field = "reason",
        };
        var page = RenderPage();
        page.Find("[data-testid='award-bid']").Change(Second.ToString());
        var reason = page.WaitForElement("[data-testid='award-reason'] textarea");
        reason.Input("价格更低。");
        reason.Change("价格更低。");
        page.WaitForAssertion(() => page.Find("[data-testid='award-button'] button").HasAttribute("disabled").Should().BeFalse());

        page.Find("[data-testid='award-button'] button").Click();
        page.Find("[data-testid='award-confirm-yes'] button").Click();

        page.WaitForAssertion(() => page.Find(".ant-form-item:has([data-testid='award-reason'])").TextContent
            .Should().Contain("所选投标排名第 2，不是第 1：请书面说明不授予推荐投标的理由。"));
        Api.Confirmations.Should().BeEmpty();
        page.FindAll("[data-testid='awarded-to']").Should().BeEmpty();
    }

    [Fact]
    public void A_published_award_to_a_lower_ranked_bid_says_its_rank_and_why()
    {
        var award = AfterDeadlineData.Award(AwardStatus.Published);
        award.AwardedRank = 2;
        award.DeviationReason = "第一名的服务团队已被另一项目全职占用。";
        Api.Award = award;

        var page = RenderPage();

        page.Find("[data-testid='awarded-deviation']").TextContent.Should().Contain("排名第 2").And.Contain("第一名的服务团队已被另一项目全职占用。");
    }
}

public sealed class The_award_choice_follows_the_award_rule
{
    private static RankingRow Row(int rank) => new(rank, Guid.NewGuid(), Guid.NewGuid(), "机构", 100m, null, 0m, 0m, new Dictionary<string, decimal>());

    [Fact]
    public void A_bid_ranked_first_even_in_a_tie_needs_no_reason_and_none_is_sent()
    {
        var tied = Row(1);
        var choice = new AwardChoice { BidId = tied.BidId, Reason = "ignored" };

        AwardChoice.NeedsReason(tied).Should().BeFalse();
        choice.ReasonProblem(tied).Should().BeNull();
        choice.Request(tied).Reason.Should().BeNull();
        choice.Request(tied).BidId.Should().Be(tied.BidId);
    }

    [Fact]
    public void A_lower_ranked_bid_needs_a_reason_that_is_not_blank_and_not_over_the_limit()
    {
        var second = Row(2);

        new AwardChoice { BidId = second.BidId, Reason = "  " }.ReasonProblem(second).Should().Be("AwardReasonRequired");
        new AwardChoice { BidId = second.BidId, Reason = new string('理', AwardChoice.ReasonMaxLength + 1) }.ReasonProblem(second).Should().Be("AwardReasonTooLong");
        new AwardChoice { BidId = second.BidId, Reason = new string('理', AwardChoice.ReasonMaxLength) }.ReasonProblem(second).Should().BeNull();
    }

    [Fact]
    public void Without_a_pick_the_recommended_bid_is_chosen()
    {
        var first = Row(1);
        var second = Row(2);

        new AwardChoice().Chosen([second, first], new AwardResponse { RecommendedBidId = first.BidId }).Should().Be(first);
        new AwardChoice { BidId = second.BidId }.Chosen([second, first], new AwardResponse { RecommendedBidId = first.BidId }).Should().Be(second);
    }
}
