using AngleSharp.Dom;
using AntDesign;
using AntDesign.JsInterop;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Admin;
using Procurement.Portal.Tests.Agency;

namespace Procurement.Portal.Tests.Admin;

public sealed class The_administrator_manages_organisations : PortalContext
{
    private readonly OrganisationsFake _organisations = new();

    public The_administrator_manages_organisations()
    {
        JSInterop.Setup<HtmlElement>(JSInteropConstants.GetDomInfo, _ => true).SetResult(new HtmlElement());
        Services.AddSingleton<IOrganisationsClient>(_organisations);
        SignIn("ops", "admin", "平台运营中心");
    }

    [Fact]
    public void The_table_shows_each_organisation_s_kind_and_state_in_words()
    {
        _organisations.Add("示范区民政局", OrganisationKind.PurchasingUnit);
        _organisations.Add("示范区审计局", OrganisationKind.AuditOffice, active: false);

        var page = Render<Organisations>();

        var rows = page.FindAll("[data-testid='organisation-row']");
        rows.Should().HaveCount(2);
        rows[0].QuerySelector("[data-testid='organisation-kind']")!.TextContent.Should().Be("采购单位");
        rows[0].QuerySelector("[data-testid='organisation-state']")!.TextContent.Should().Contain("启用");
        rows[1].QuerySelector("[data-testid='organisation-state']")!.TextContent.Should().Contain("停用");
        rows[1].QuerySelector("[data-testid='organisation-reactivate']").Should().NotBeNull("an inactive organisation is offered reactivation");
        rows[1].QuerySelector("[data-testid='organisation-deactivate']").Should().BeNull("and not deactivation again");
        rows[0].QuerySelector("[data-testid='organisation-deactivate']").Should().NotBeNull("an active one is offered deactivation");
        rows[0].QuerySelector("[data-testid='organisation-reactivate']").Should().BeNull();
        rows[0].QuerySelector("[data-testid='organisation-users']")!.GetAttribute("href").Should().Be($"/users?organisationId={_organisations.Organisations[0].Id}");
    }

    [Fact]
    public void The_kind_filter_asks_the_API_and_the_state_filter_keeps_the_matching_rows()
    {
        _organisations.Add("示范区民政局", OrganisationKind.PurchasingUnit);
        _organisations.Add("示范区审计局", OrganisationKind.AuditOffice, active: false);
        var page = Render<Organisations>();

        page.Find("[data-testid='filter-state']").Change("Inactive");
        page.FindAll("[data-testid='organisation-name']").Select(n => n.TextContent).Should().Equal("示范区审计局");

        page.Find("[data-testid='filter-state']").Change("");
        page.Find("[data-testid='filter-kind']").Change("PurchasingUnit");
        _organisations.Listed.Last().Should().Be(((OrganisationKind?)OrganisationKind.PurchasingUnit, (bool?)null));
        page.FindAll("[data-testid='organisation-name']").Select(n => n.TextContent).Should().Equal("示范区民政局");
    }

    [Fact]
    public void A_purchasing_unit_is_asked_for_its_region_and_division_code_and_an_audit_office_is_not()
    {
        var page = Render<Organisations>();
        page.Find("[data-testid='organisation-new']").Click();

        page.FindAll("[data-testid='new-region']").Should().ContainSingle();
        page.FindAll("[data-testid='new-division']").Should().ContainSingle();

        page.Find("[data-testid='new-kind']").Change("AuditOffice");
        page.FindAll("[data-testid='new-region']").Should().BeEmpty();
        page.FindAll("[data-testid='new-division']").Should().BeEmpty();
    }

    [Fact]
    public void The_kinds_offered_are_those_the_administrator_creates()
    {
        var page = Render<Organisations>();
        page.Find("[data-testid='organisation-new']").Click();

        page.FindAll("[data-testid='new-kind'] option").Select(o => o.GetAttribute("value"))
            .Should().Equal("PurchasingUnit", "TreasuryOffice", "AuditOffice", "ExpertPool");
    }

    [Fact]
    public void A_mistyped_division_code_is_named_before_it_is_sent()
    {
        var page = Render<Organisations>();
        page.Find("[data-testid='organisation-new']").Click();

        page.Find("[data-testid='new-division']").Input("990000");

        HelpOf(page, "new-division").Should().Contain("六位数字");
    }

    [Fact]
    public void A_purchasing_unit_is_created_with_what_was_typed_and_appears_in_the_table()
    {
        var page = Render<Organisations>();
        page.Find("[data-testid='organisation-new']").Click();

        page.Find("[data-testid='new-name']").Input("示范区财政局");
        page.Find("[data-testid='new-region']").Input("示范区");
        page.Find("[data-testid='new-division']").Input("440304");
        page.Find("[data-testid='dialog-ok']").Click();

        var created = _organisations.Created.Should().ContainSingle().Which;
        (created.Kind, created.Name, created.Region, created.DivisionCode, created.UnifiedSocialCreditCode)
            .Should().Be(((OrganisationKind?)OrganisationKind.PurchasingUnit, "示范区财政局", "示范区", "440304", (string?)null));
        page.FindAll("[data-testid='organisation-name']").Select(n => n.TextContent).Should().Contain("示范区财政局");
    }

    [Fact]
    public void The_API_s_refusal_is_shown_beside_its_field_and_the_dialog_stays_open()
    {
        _organisations.Refusal = Refusals.Problem(422, "请求有误", ("divisionCode", "行政区划代码须为六位数字。"));
        var page = Render<Organisations>();
        page.Find("[data-testid='organisation-new']").Click();
        page.Find("[data-testid='new-name']").Input("示范区财政局");
        page.Find("[data-testid='new-region']").Input("示范区");

        page.Find("[data-testid='dialog-ok']").Click();

        HelpOf(page, "new-division").Should().Be("行政区划代码须为六位数字。");
        page.FindAll("[data-testid='new-name']").Should().ContainSingle();
    }

    [Fact]
    public void Deactivating_asks_first_and_cancelling_changes_nothing()
    {
        var unit = _organisations.Add("示范区民政局", OrganisationKind.PurchasingUnit);
        var page = Render<Organisations>();

        page.Find("[data-testid='organisation-deactivate']").Click();
        page.Find("[data-testid='confirm-question']").TextContent.Should().Contain("示范区民政局");
        page.Find("[data-testid='dialog-cancel']").Click();
        _organisations.Changed.Should().BeEmpty();

        page.Find("[data-testid='organisation-deactivate']").Click();
        page.Find("[data-testid='dialog-ok']").Click();

        _organisations.Changed.Should().Equal((unit.Id, "deactivate"));
        page.Find("[data-testid='organisation-state']").TextContent.Should().Contain("停用");
        page.FindAll("[data-testid='organisation-reactivate']").Should().ContainSingle();
    }

    [Fact]
    public void The_platform_operator_offers_no_deactivation()
    {
        _organisations.Add("平台运营中心", OrganisationKind.PlatformOperator);

        var page = Render<Organisations>();

        page.FindAll("[data-testid='organisation-deactivate']").Should().BeEmpty();
        page.FindAll("[data-testid='organisation-rename']").Should().ContainSingle();
    }

    [Fact]
    public void A_rename_sends_the_new_name()
    {
        var unit = _organisations.Add("示范区民政局", OrganisationKind.PurchasingUnit);
        var page = Render<Organisations>();

        page.Find("[data-testid='organisation-rename']").Click();
        page.Find("[data-testid='rename-name']").Input("示范区民政事务局");
        page.Find("[data-testid='dialog-ok']").Click();

        _organisations.Changed.Should().Equal((unit.Id, "rename:示范区民政事务局"));
        page.Find("[data-testid='organisation-name']").TextContent.Should().Be("示范区民政事务局");
    }

    [Fact]
    public void The_history_says_who_changed_what_when_from_and_to()
    {
        _organisations.Add("示范区民政事务局", OrganisationKind.PurchasingUnit);
        _organisations.History.Add(new OrganisationChangeResponse
        {
            Change = OrganisationChange.Renamed, OldValue = "示范区民政局", NewValue = "示范区民政事务局", ActorName = "ops",
            At = new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero),
        });
        var page = Render<Organisations>();

        page.Find("[data-testid='organisation-history']").Click();

        var row = page.Find("[data-testid='history-row']");
        row.QuerySelector("[data-testid='history-change']")!.TextContent.Should().Be("更名");
        row.QuerySelector("[data-testid='history-at']")!.TextContent.Should().Be("2026-12-05 10:00");
        row.QuerySelector("[data-testid='history-actor']")!.TextContent.Should().Be("ops");
        row.QuerySelector("[data-testid='history-values']")!.TextContent.Should().Be("由「示范区民政局」改为「示范区民政事务局」");
    }

    [Fact]
    public void A_suspension_is_not_sent_without_a_reason_and_the_reason_shows_in_the_table()
    {
        var agency = _organisations.Add("示范区阳光社会工作服务中心", OrganisationKind.Agency);
        var page = Render<Organisations>();

        page.Find("[data-testid='organisation-suspend']").Click();
        page.Find("[data-testid='dialog-ok']").HasAttribute("disabled").Should().BeTrue("a suspension says why");
        page.Find("[data-testid='suspend-reason']").Input("   ");
        page.Find("[data-testid='dialog-ok']").HasAttribute("disabled").Should().BeTrue("blanks are no reason");
        _organisations.Changed.Should().BeEmpty();

        page.Find("[data-testid='suspend-reason']").Input("营业执照系伪造");
        page.Find("[data-testid='dialog-ok']").Click();

        _organisations.Changed.Should().Equal((agency.Id, "suspend:营业执照系伪造"));
        page.Find("[data-testid='organisation-state']").TextContent.Should().Contain("已暂停");
        page.Find("[data-testid='organisation-suspension-reason']").TextContent.Should().Be("营业执照系伪造");
        page.FindAll("[data-testid='organisation-reinstate']").Should().ContainSingle();
    }

    [Fact]
    public void A_suspended_agency_is_reinstated_after_a_confirmation()
    {
        var agency = _organisations.Add("示范区阳光社会工作服务中心", OrganisationKind.Agency);
        agency.Suspended = true;
        agency.SuspensionReason = "营业执照系伪造";
        var page = Render<Organisations>();

        page.Find("[data-testid='organisation-reinstate']").Click();
        page.Find("[data-testid='dialog-ok']").Click();

        _organisations.Changed.Should().Equal((agency.Id, "reinstate"));
        page.Find("[data-testid='organisation-state']").TextContent.Should().Contain("启用");
    }

    [Fact]
    public void Only_an_agency_offers_suspension_and_an_unconfirmed_registration_says_so()
    {
        _organisations.Add("示范区民政局", OrganisationKind.PurchasingUnit);
        var agency = _organisations.Add("示范区新星社工中心", OrganisationKind.Agency);
        agency.AwaitingConfirmation = true;
        agency.AwaitingConfirmationSince = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

        var page = Render<Organisations>();

        page.FindAll("[data-testid='organisation-suspend']").Should().ContainSingle();
        page.FindAll("[data-testid='organisation-state']")[1].TextContent.Should().Contain("待确认邮箱");
    }

    private static string? HelpOf(IRenderedComponent<Organisations> page, string testId) =>
        page.Find($"[data-testid='{testId}']").Closest(".ant-form-item")?.QuerySelector(".ant-form-item-explain")?.TextContent.Trim();
}
