using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Award;

public sealed class The_purchaser_answers_challenges : AfterDeadlineContext
{
    private static readonly Guid ChallengeId = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");

    public The_purchaser_answers_challenges()
    {
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Completed);
        Api.Opening = AfterDeadlineData.Opening();
        Api.Panel = AfterDeadlineData.Panel();
        Api.Award = AfterDeadlineData.Award(AwardStatus.Published);
        Api.Challenges.Add(new ChallengeResponse
        {
            Id = ChallengeId, TenderId = AfterDeadlineData.TenderId, AgencyId = AfterDeadlineData.Chunhui, Text = "价格分计算有误。",
            LodgedAt = new DateTimeOffset(2026, 12, 3, 1, 30, 0, TimeSpan.Zero),
        });
    }

    [Fact]
    public void A_challenge_names_its_agency_and_the_answer_is_sent_and_shown()
    {
        var page = RenderPage();

        var challenge = page.Find("[data-testid='challenge']");
        challenge.TextContent.Should().Contain("春晖社工").And.Contain("2026-12-03 09:30").And.Contain("价格分计算有误。");
        var answer = page.Find($"#answer-{ChallengeId}");
        answer.Input("经复核，价格分按最低有效报价计算，无误。");
        answer.Change("经复核，价格分按最低有效报价计算，无误。");
        page.Find("[data-testid='answer-challenge'] button").Click();

        page.WaitForElement("[data-testid='challenge-answer']").TextContent.Should().Contain("经复核，价格分按最低有效报价计算，无误。");
        Api.Answers.Should().ContainSingle().Which.Should().Be((ChallengeId, "经复核，价格分按最低有效报价计算，无误。"));
    }

    [Fact]
    public void An_empty_answer_is_refused_beside_the_field()
    {
        Api.RefuseNextWrite = new ProblemDetails
        {
            Status = 400, Title = "请求有误", Errors = new Dictionary<string, ICollection<string>> { ["answer"] = ["答复内容不能为空。"] },
        };
        var page = RenderPage();

        page.Find("[data-testid='answer-challenge'] button").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='challenge'] .ant-form-item-explain").TextContent.Should().Contain("答复内容不能为空。"));
        page.FindAll("[data-testid='challenge-answer']").Should().BeEmpty();
    }
}
