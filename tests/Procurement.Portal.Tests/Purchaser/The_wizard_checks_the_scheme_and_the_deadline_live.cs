using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Purchaser;

public sealed class The_wizard_checks_the_scheme_and_the_deadline_live : PurchaserContext
{
    // 10:00 in Beijing on 2026-12-05.
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    public The_wizard_checks_the_scheme_and_the_deadline_live() => Services.AddSingleton<TimeProvider>(new FixedClock(Now));

    private static TenderDraft Consultation(decimal price, decimal technical) => new()
    {
        Method = ProcurementMethod.CompetitiveConsultation,
        Criteria =
        [
            new CriterionDraft { Name = "价格", Kind = CriterionKind.Price, MaxPoints = price },
            new CriterionDraft { Name = "服务方案", Kind = CriterionKind.Technical, MaxPoints = technical },
        ],
    };

    [Fact]
    public void A_scheme_summing_to_90_with_a_price_above_30_shows_both_broken_rules()
    {
        var editor = Render<SchemeEditor>(parameters => parameters.Add(p => p.Draft, Consultation(35m, 55m)));

        editor.Find("[data-testid='scheme-sum']").TextContent.Should().Contain("合计：90 / 100 分");
        editor.Find("[data-testid='scheme-issue-RuleSchemeNot100']").TextContent.Should().Be("各评分项合计 90 分，须为 100 分。");
        editor.Find("[data-testid='scheme-issue-RulePriceAboveMaximum']").TextContent.Should().Be("价格分 35 高于此采购方式的上限 30。");
        editor.Find("[data-testid='scheme-bounds']").TextContent.Should().Contain("竞争性磋商：价格分 10 至 30 分");
    }

    [Fact]
    public void Typing_the_points_that_make_100_in_range_clears_the_warnings()
    {
        var editor = Render<SchemeEditor>(parameters => parameters.Add(p => p.Draft, Consultation(35m, 55m)));

        Type(editor.Find("[data-testid='criterion-0'] input.ant-input-number-input"), "30");
        Type(editor.Find("[data-testid='criterion-1'] input.ant-input-number-input"), "70");

        editor.WaitForAssertion(() => editor.FindAll("[data-testid='scheme-ok']").Should().ContainSingle());
        editor.FindAll("[data-testid='scheme-issues']").Should().BeEmpty();
        editor.Find("[data-testid='scheme-sum']").TextContent.Should().Contain("合计：100 / 100 分");
    }

    /// <summary>As a person types into an AntDesign number box: the input's value changes, then the box loses focus.</summary>
    private static void Type(AngleSharp.Dom.IElement input, string value)
    {
        input.Input(value);
        input.Blur();
    }

    [Theory]
    [InlineData(ProcurementMethod.PublicTender, "2026-12-25 10:00", "20")]
    [InlineData(ProcurementMethod.CompetitiveConsultation, "2026-12-15 10:00", "10")]
    public void The_earliest_deadline_of_the_method_is_shown_in_Beijing_time(ProcurementMethod method, string earliest, string days)
    {
        var field = Render<DeadlineField>(parameters => parameters.Add(p => p.Draft, new TenderDraft { Method = method }));

        var text = field.Find("[data-testid='earliest-deadline']").TextContent;
        text.Should().Contain(earliest).And.Contain($"至少 {days} 日");
    }

    [Fact]
    public void A_deadline_before_the_earliest_is_flagged_before_the_API_refuses_it()
    {
        var draft = new TenderDraft { Method = ProcurementMethod.PublicTender, BidDeadline = new DateTime(2026, 12, 24, 17, 0, 0) };

        var field = Render<DeadlineField>(parameters => parameters.Add(p => p.Draft, draft));

        field.Find("[data-testid='deadline-too-early']").TextContent.Should().Contain("2026-12-25 10:00");
    }

    [Fact]
    public void A_deadline_on_or_after_the_earliest_is_not_flagged()
    {
        var draft = new TenderDraft { Method = ProcurementMethod.PublicTender, BidDeadline = new DateTime(2026, 12, 25, 10, 0, 0) };

        var field = Render<DeadlineField>(parameters => parameters.Add(p => p.Draft, draft));

        field.FindAll("[data-testid='deadline-too-early']").Should().BeEmpty();
    }
}
