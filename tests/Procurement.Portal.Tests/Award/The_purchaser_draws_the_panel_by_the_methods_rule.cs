using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Award;

public sealed class The_purchaser_draws_the_panel_by_the_methods_rule : AfterDeadlineContext
{
    public The_purchaser_draws_the_panel_by_the_methods_rule()
    {
        Api.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.ComplianceReview);
        Api.Opening = AfterDeadlineData.Opening();
    }

    [Fact]
    public void The_form_names_the_rule_and_starts_from_its_minimum_and_the_draw_sends_the_size_and_the_purchaser_as_representative()
    {
        var page = RenderPage();

        page.Find("[data-testid='panel-rule']").TextContent.Should().Contain("不少于 5 人").And.Contain("单数");
        page.Find("#panel-size-input_input").GetAttribute("value").Should().Be("5");
        page.Find("[data-testid='panel-me'] input").Change(true);
        Api.Panel = AfterDeadlineData.Panel();
        page.Find("[data-testid='draw-panel'] button").Click();

        page.WaitForElement("[data-testid='panel-seed']").TextContent.Should().Be("seed-7f3a");
        var draw = Api.Draws.Should().ContainSingle().Subject;
        draw.Size.Should().Be(5);
        draw.Representatives.Should().Equal("purchaser-1");
    }

    [Fact]
    public void A_refused_draw_shows_the_APIs_message_beside_the_size()
    {
        Api.RefuseNextWrite = new ProblemDetails
        {
            Status = 422,
            Title = "评审委员会不符合规定",
            Errors = new Dictionary<string, ICollection<string>> { ["size"] = ["专家库中符合条件的专家不足 5 人。"] },
        };
        var page = RenderPage();

        page.Find("[data-testid='draw-panel'] button").Click();

        page.WaitForAssertion(() => page.Find(".ant-form-item-explain").TextContent.Should().Contain("专家库中符合条件的专家不足 5 人。"));
        page.Find("[data-testid='problem']").TextContent.Should().Contain("评审委员会不符合规定");
        page.FindAll("[data-testid='panel-seed']").Should().BeEmpty();
    }

    [Theory]
    [InlineData(5, 0, new string[0])]
    [InlineData(5, 1, new string[0])]
    [InlineData(3, 0, new[] { "PanelTooSmall" })]
    [InlineData(6, 0, new[] { "PanelSizeEven" })]
    [InlineData(5, 2, new[] { "PanelTooFewExperts" })]
    [InlineData(4, 2, new[] { "PanelTooSmall", "PanelSizeEven", "PanelTooFewExperts" })]
    public void The_rule_is_checked_as_the_API_checks_it(int size, int representatives, string[] broken)
    {
        new PanelRule(5, Odd: true).Problems(size, representatives).Select(p => p.Key).Should().Equal(broken);
    }

    [Fact]
    public void A_method_without_a_panel_has_nothing_to_draw_and_an_even_minimum_starts_odd()
    {
        new PanelRule(null, Odd: false).Problems(1, 0).Should().BeEmpty();
        new PanelRule(null, Odd: false).HasPanel.Should().BeFalse();
        new PanelRule(6, Odd: true).Suggested.Should().Be(7);
        new PanelRule(3, Odd: false).Suggested.Should().Be(3);
        PanelRule.MinimumExperts(7).Should().Be(5);
        PanelRule.MinimumExperts(9).Should().Be(6);
    }
}
