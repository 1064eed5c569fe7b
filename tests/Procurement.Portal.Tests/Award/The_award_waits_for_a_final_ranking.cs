using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Award;

public sealed class The_award_waits_for_a_final_ranking : AfterDeadlineContext
{
    public The_award_waits_for_a_final_ranking()
    {
        Api.Opening = AfterDeadlineData.Opening();
        Api.Panel = AfterDeadlineData.Panel();
    }

    [Fact]
    public void While_the_panel_is_scoring_the_award_button_is_disabled()
    {
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Scoring);

        var page = RenderPage();

        page.Find("[data-testid='award-button'] button").HasAttribute("disabled").Should().BeTrue();
        page.FindAll("[data-testid='award-waiting']").Should().ContainSingle();
    }

    [Fact]
    public void Once_the_ranking_is_final_the_button_asks_to_confirm_the_first_ranked_bid_by_name_and_awards_it()
    {
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Completed);
        Api.Award = AfterDeadlineData.Award(AwardStatus.Recommended);
        Api.Published = AfterDeadlineData.Award(AwardStatus.Published);
        var page = RenderPage();

        var button = page.Find("[data-testid='award-button'] button");
        button.HasAttribute("disabled").Should().BeFalse();
        button.Click();

        page.Find("[data-testid='award-confirm']").TextContent.Should().Contain("阳光社工").And.Contain("¥960,000.00");
        Api.Confirmations.Should().BeEmpty("nothing is awarded before the confirmation");
        page.Find("[data-testid='award-confirm-yes'] button").Click();

        page.WaitForElement("[data-testid='awarded-to']").TextContent.Should().Contain("阳光社工").And.Contain("¥960,000.00");
        Api.Confirmations.Should().ContainSingle().Which.BidId.Should().Be(AfterDeadlineData.BidOf(AfterDeadlineData.Sunshine));
        page.Find("[data-testid='challenge-window']").TextContent.Should().Contain("2026-12-12 00:00");
        page.FindAll("[data-testid='award-button']").Should().BeEmpty();
    }

    [Fact]
    public void A_published_award_cannot_be_awarded_again()
    {
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Completed);
        Api.Award = AfterDeadlineData.Award(AwardStatus.Published);

        var page = RenderPage();

        page.FindAll("[data-testid='award-button']").Should().BeEmpty();
        page.Find("[data-testid='award-status']").TextContent.Should().Be("中标结果已公示");
    }

    [Fact]
    public void A_refused_award_shows_the_APIs_ProblemDetails_and_keeps_the_recommendation()
    {
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Completed);
        Api.Award = AfterDeadlineData.Award(AwardStatus.Recommended);
        Api.RefuseNextWrite = new ProblemDetails { Status = 409, Title = "定标不可进行", Detail = "该项目已终止，不能定标。" };
        var page = RenderPage();

        page.Find("[data-testid='award-button'] button").Click();
        page.Find("[data-testid='award-confirm-yes'] button").Click();

        var problem = page.WaitForElement("[data-testid='problem']");
        problem.TextContent.Should().Contain("定标不可进行").And.Contain("该项目已终止，不能定标。");
        Api.Confirmations.Should().BeEmpty();
        page.FindAll("[data-testid='awarded-to']").Should().BeEmpty();
    }
}
