using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Admin;
using Procurement.Portal.Tests.Oversight;
using Procurement.Portal.Tests.Purchaser;

namespace Procurement.Portal.Tests.Admin;

/// <summary>Issue 16 item 2 in the portal: the administrator keeps the procurement-method rule tables; the auditor reads them.</summary>
public sealed class The_administrator_keeps_the_method_rule_tables : OversightContext
{
    private readonly FakeMethodRules _rules = new();

    public The_administrator_keeps_the_method_rule_tables() => Services.AddSingleton<IMethodRulesClient>(_rules);

    private static string Input(ProcurementMethod method, string key) => $"[data-testid='method-rules-{method}-{key}']";

    [Fact]
    public void The_form_starts_from_the_national_numbers_and_a_regions_table_is_sent_and_listed()
    {
        SignIn("admin", "admin", "政府购买服务平台运营中心");
        var page = Render<MethodRules>();
        page.WaitForElement("[data-testid='method-rules-none']");
        page.WaitForElement("[data-testid='method-rules-form']");
        page.Find(Input(ProcurementMethod.PublicTender, "minimumBiddingDays")).GetAttribute("value").Should().Be("20");
        page.Find("[data-testid='method-rules-effective']").GetAttribute("value").Should().Be("2027-03-02", "today in Beijing");

        page.Find("[data-testid='method-rules-region-input']").Change("Hill County");
        page.Find("[data-testid='method-rules-note']").Change("示范区财办〔2027〕3号");
        page.Find(Input(ProcurementMethod.CompetitiveConsultation, "regionAdoptsAllowance")).Change(true);
        page.Find(Input(ProcurementMethod.PublicTender, "minimumBiddingDays")).Change("25");
        page.Find("[data-testid='method-rules-save']").Click();

        var row = page.WaitForElement("[data-testid='method-rules-table']");
        row.TextContent.Should().Contain("Hill County").And.Contain("2027-03-02").And.Contain("示范区财办〔2027〕3号");
        page.Find("[data-testid='method-rules-summary']").TextContent
            .Should().Contain("公开招标：投标期 25 日，有效投标 3 家").And.Contain("竞争性磋商：投标期 10 日，有效投标 2 家")
            .And.Contain("单一来源：不设投标期，有效投标 1 家");
        var sent = _rules.Sent.Should().ContainSingle().Subject;
        sent.Region.Should().Be("Hill County");
        sent.EffectiveFrom.Should().Be(new DateOnly(2027, 3, 2));
        sent.BidSecurityMaximumShare.Should().Be(0.02m, "the form shows 2 % and sends the share");
        sent.Methods!.Single(m => m.Method == ProcurementMethod.CompetitiveConsultation).RegionAdoptsAllowance.Should().BeTrue();
        sent.Methods!.Single(m => m.Method == ProcurementMethod.PublicTender).PanelSteps.Should().HaveCount(2);
    }

    [Fact]
    public void A_number_the_platform_refuses_is_named_beside_its_own_input()
    {
        SignIn("admin", "admin", "政府购买服务平台运营中心");
        _rules.Refusal = Agency.Refusals.Problem(422, "业务规则拒绝了该请求。",
            ("methods[0].amendmentMarginDays", "更正须留足天数（21 日）不得长于最短投标期（20 日）。"),
            ("methods", "表中缺少采购方式“单一来源”的参数；每种采购方式都须有一行。"));
        var page = Render<MethodRules>();
        page.WaitForElement("[data-testid='method-rules-form']");

        page.Find(Input(ProcurementMethod.PublicTender, "amendmentMarginDays")).Change("21");
        page.Find("[data-testid='method-rules-save']").Click();

        page.WaitForElement("[data-field='methods[0].amendmentMarginDays']").TextContent.Should().Contain("不得长于最短投标期");
        page.Find("[data-field='methods']").TextContent.Should().Contain("单一来源");
        page.FindAll("[data-field='methods[1].amendmentMarginDays']").Should().BeEmpty();
        page.FindAll("[data-testid='method-rules-table']").Should().BeEmpty("nothing was kept");
    }

    [Fact]
    public async Task The_auditor_reads_the_kept_tables_and_finds_no_form()
    {
        SignIn("auditor", "auditor", "示范区审计监督办公室");
        var content = await _rules.GetBuiltInMethodRulesAsync();
        _rules.Tables.Add(new MethodRuleTableResponse
        {
            Id = Guid.NewGuid(), Region = "", EffectiveFrom = new DateOnly(2027, 1, 1), Note = "全国默认参数的本地确认", RecordedBy = Guid.NewGuid(),
            RecordedAt = new DateTimeOffset(2026, 12, 20, 2, 0, 0, TimeSpan.Zero),
            Content = content, Rules = [.. content.Methods.Select(FakeMethodRules.RuleOf)],
        });
        var page = Render<MethodRules>();

        page.WaitForElement("[data-testid='method-rules-table']").TextContent.Should().Contain("所有地区").And.Contain("2026-12-20 10:00");
        page.FindAll("[data-testid^='act-']").Should().BeEmpty();
        page.FindAll("input, button, select, textarea").Should().BeEmpty();
    }
}

public sealed class The_method_rule_tables_read_in_english : PortalContext
{
    public The_method_rule_tables_read_in_english()
        : base("en")
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(OversightContext.Now));
        Services.AddLogging();
        Services.AddSingleton<IMethodRulesClient>(new FakeMethodRules());
    }

    [Fact]
    public void Every_label_is_english()
    {
        SignIn("admin", "admin", "Platform operations");
        var page = Render<MethodRules>();
        page.WaitForElement("[data-testid='method-rules-form']");

        page.Find("[data-testid='method-rules-title']").TextContent.Should().Be("Procurement method rules");
        page.Markup.Should().NotMatchRegex(@"\p{IsCJKUnifiedIdeographs}");
    }
}
