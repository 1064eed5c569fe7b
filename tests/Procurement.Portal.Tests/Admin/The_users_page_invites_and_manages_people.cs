using AntDesign;
using AntDesign.JsInterop;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Users;
using Procurement.Portal.Tests.Agency;

namespace Procurement.Portal.Tests.Admin;

public sealed class The_users_page_invites_and_manages_people : PortalContext
{
    private readonly UsersFake _users = new();
    private readonly OrganisationsFake _organisations = new();

    public The_users_page_invites_and_manages_people()
    {
        JSInterop.Setup<HtmlElement>(JSInteropConstants.GetDomInfo, _ => true).SetResult(new HtmlElement());
        Services.AddSingleton<IUsersClient>(_users);
        Services.AddSingleton<IOrganisationsClient>(_organisations);
    }

    [Fact]
    public void An_org_admin_sees_no_organisation_picker_and_is_offered_its_kind_s_roles_without_admin()
    {
        SignIn("purchaser", "org-admin", "示范区民政局");
        _users.Add("purchaser", "张采购", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser", "org-admin");

        var page = Render<UserList>();
        page.Find("[data-testid='user-invite']").Click();

        page.FindAll("[data-testid='organisation-picker']").Should().BeEmpty();
        page.FindAll("[data-testid='invite-organisation']").Should().BeEmpty();
        RolesOffered(page).Should().Equal("purchaser", "org-admin");
        page.Find("[data-testid='invite-role-purchaser']").HasAttribute("checked").Should().BeTrue("the organisation's person role is ticked to start with");
        _organisations.Listed.Should().BeEmpty("an org-admin does not list the organisations");
    }

    [Fact]
    public void The_org_admin_s_invitation_names_no_organisation()
    {
        SignIn("purchaser", "org-admin", "示范区民政局");
        _users.Add("purchaser", "张采购", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser", "org-admin");
        var page = Render<UserList>();
        page.Find("[data-testid='user-invite']").Click();

        Type(page, "invite-email", "li@district.example");
        Type(page, "invite-display-name", "李同事");
        page.Find("[data-testid='dialog-ok']").Click();

        var invited = _users.Invited.Should().ContainSingle().Which;
        (invited.OrganisationId, invited.Email, invited.DisplayName, invited.UserName, invited.ServiceDomains)
            .Should().Be(((Guid?)null, "li@district.example", "李同事", (string?)null, (ICollection<string>?)null));
        invited.Roles.Should().Equal("purchaser");
        page.Find("[data-testid='user-notice']").TextContent.Should().Contain("li@district.example");
    }

    [Fact]
    public void The_admin_picks_the_organisation_and_its_kind_decides_the_roles()
    {
        SignIn("ops", "admin", "平台运营中心");
        var pool = _organisations.Add("示范区专家库", OrganisationKind.ExpertPool);
        var operators = _organisations.Add("平台运营中心", OrganisationKind.PlatformOperator);
        var page = Render<UserList>();
        page.Find("[data-testid='user-invite']").Click();
        RolesOffered(page).Should().BeEmpty("no organisation is picked yet");

        page.Find("[data-testid='invite-organisation']").Change(pool.Id.ToString());
        RolesOffered(page).Should().Equal("evaluator", "org-admin");

        page.Find("[data-testid='invite-organisation']").Change(operators.Id.ToString());
        RolesOffered(page).Should().Equal("admin", "org-admin");
    }

    [Fact]
    public async Task An_evaluator_is_asked_for_service_domains_and_they_are_sent_with_the_invitation()
    {
        SignIn("ops", "admin", "平台运营中心");
        var pool = _organisations.Add("示范区专家库", OrganisationKind.ExpertPool);
        var page = Render<UserList>();
        page.Find("[data-testid='user-invite']").Click();
        page.Find("[data-testid='invite-organisation']").Change(pool.Id.ToString());

        Type(page, "invite-email", "expert@district.example");
        Type(page, "invite-display-name", "赵专家");
        Type(page, "invite-user-name", "zhao");
        await page.InvokeAsync(() => page.Find("[data-testid='invite-domain-Elderly']").Change(true));
        await page.InvokeAsync(() => page.Find("[data-testid='invite-domain-Family']").Change(true));
        page.Find("[data-testid='dialog-ok']").Click();

        var invited = _users.Invited.Should().ContainSingle().Which;
        invited.OrganisationId.Should().Be(pool.Id);
        invited.UserName.Should().Be("zhao");
        invited.Roles.Should().Equal("evaluator");
        invited.ServiceDomains.Should().Equal("Elderly", "Family");
    }

    [Fact]
    public void Service_domains_are_not_asked_for_without_the_evaluator_role()
    {
        SignIn("ops", "admin", "平台运营中心");
        var unit = _organisations.Add("示范区民政局", OrganisationKind.PurchasingUnit);
        var page = Render<UserList>();
        page.Find("[data-testid='user-invite']").Click();

        page.Find("[data-testid='invite-organisation']").Change(unit.Id.ToString());

        page.FindAll("[data-testid='invite-domains']").Should().BeEmpty();
    }

    [Fact]
    public void The_someone_asked_to_join_link_opens_the_invitation_filled_in()
    {
        SignIn("purchaser", "org-admin", "示范区民政局");
        _users.Add("purchaser", "张采购", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser", "org-admin");

        Services.GetRequiredService<NavigationManager>().NavigateTo("/users?inviteEmail=wang%40district.example&inviteName=%E7%8E%8B%E4%BA%94");

        var page = Render<UserList>();

        page.Find("[data-testid='invite-email']").GetAttribute("value").Should().Be("wang@district.example");
        page.Find("[data-testid='invite-display-name']").GetAttribute("value").Should().Be("王五");
    }

    [Fact]
    public void The_admin_s_list_follows_the_organisation_of_the_link()
    {
        SignIn("ops", "admin", "平台运营中心");
        var unit = _organisations.Add("示范区民政局", OrganisationKind.PurchasingUnit);

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/users?organisationId={unit.Id}");

        var page = Render<UserList>();

        _users.Listed.Should().Equal(unit.Id);
        page.Find("[data-testid='filter-organisation']").GetAttribute("value").Should().Be(unit.Id.ToString());
    }

    [Fact]
    public void A_refusal_is_shown_beside_its_field()
    {
        SignIn("purchaser", "org-admin", "示范区民政局");
        _users.Add("purchaser", "张采购", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser", "org-admin");
        _users.Refusal = Refusals.Problem(409, "冲突", ("email", "该电子邮箱已有用户。"));
        var page = Render<UserList>();
        page.Find("[data-testid='user-invite']").Click();
        Type(page, "invite-email", "purchaser@district.example");

        page.Find("[data-testid='dialog-ok']").Click();

        HelpOf(page, "invite-email").Should().Be("该电子邮箱已有用户。");
    }

    [Fact]
    public void The_table_shows_roles_as_tags_and_an_invitation_not_yet_taken_up_with_its_time()
    {
        SignIn("purchaser", "org-admin", "示范区民政局");
        _users.Add("purchaser", "张采购", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser", "org-admin");
        var invited = _users.Add("li", "李同事", OrganisationKind.PurchasingUnit, "示范区民政局", false, "purchaser");

        var page = Render<UserList>();

        var rows = page.FindAll("[data-testid='user-row']");
        rows[0].QuerySelector("[data-testid='user-roles']")!.TextContent.Should().Contain("采购人").And.Contain("单位管理员");
        rows[0].QuerySelector("[data-testid='user-joined']")!.TextContent.Should().Be("已加入");
        rows[0].QuerySelector("[data-testid='user-resend']").Should().BeNull();
        rows[1].QuerySelector("[data-testid='user-joined']")!.TextContent.Should().Contain("2026-12-04 10:00");
        rows[1].QuerySelector("[data-testid='user-reset']").Should().BeNull("a user who has not joined has no password to reset");

        rows[1].QuerySelector("[data-testid='user-resend']")!.Click();
        _users.Changed.Should().Equal((invited.Id, "resend"));
    }

    [Fact]
    public void A_role_is_given_and_taken_away_from_the_roles_dialog()
    {
        SignIn("purchaser", "org-admin", "示范区民政局");
        _users.Add("purchaser", "张采购", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser", "org-admin");
        var colleague = _users.Add("li", "李同事", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser");
        var page = Render<UserList>();

        page.FindAll("[data-testid='user-roles-edit']")[1].Click();
        page.Find("[data-testid='grant-org-admin']").Click();
        page.Find("[data-testid='revoke-org-admin']").Click();

        _users.Changed.Should().Equal((colleague.Id, "grant:org-admin"), (colleague.Id, "revoke:org-admin"));
        page.FindAll("[data-testid='grant-admin']").Should().BeEmpty("an org-admin never gives admin");
    }

    [Fact]
    public void A_deactivation_sends_its_reason_and_the_row_offers_reactivation()
    {
        SignIn("purchaser", "org-admin", "示范区民政局");
        var colleague = _users.Add("li", "李同事", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser");
        var page = Render<UserList>();

        page.Find("[data-testid='user-deactivate']").Click();
        Type(page, "deactivate-reason", "已调离");
        page.Find("[data-testid='dialog-ok']").Click();

        _users.Changed.Should().Equal((colleague.Id, "deactivate:已调离"));
        page.FindAll("[data-testid='user-reactivate']").Should().ContainSingle();
    }

    [Fact]
    public void A_reset_link_is_sent_after_a_confirmation_and_said_so()
    {
        SignIn("purchaser", "org-admin", "示范区民政局");
        var colleague = _users.Add("li", "李同事", OrganisationKind.PurchasingUnit, "示范区民政局", true, "purchaser");
        var page = Render<UserList>();

        page.Find("[data-testid='user-reset']").Click();
        page.Find("[data-testid='confirm-question']").TextContent.Should().Contain("li@district.example");
        page.Find("[data-testid='dialog-ok']").Click();

        _users.Changed.Should().Equal((colleague.Id, "reset"));
        page.Find("[data-testid='user-notice']").TextContent.Should().Contain("li@district.example");
    }

    /// <summary>Types into a field in one step of the renderer (the dialog may re-render between finding and typing).</summary>
    private static void Type(IRenderedComponent<UserList> page, string testId, string text) =>
        page.InvokeAsync(() => page.Find($"[data-testid='{testId}']").Input(text)).GetAwaiter().GetResult();

    private static List<string?> RolesOffered(IRenderedComponent<UserList> page) =>
        [.. page.FindAll("[data-testid^='invite-role-']").Select(e => e.GetAttribute("data-testid")!["invite-role-".Length..])];

    private static string? HelpOf(IRenderedComponent<UserList> page, string testId) =>
        page.Find($"[data-testid='{testId}']").Closest(".ant-form-item")?.QuerySelector(".ant-form-item-explain")?.TextContent.Trim();
}
