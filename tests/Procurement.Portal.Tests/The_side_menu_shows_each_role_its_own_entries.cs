using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Layout;
using Procurement.Portal.Tests.Oversight;

namespace Procurement.Portal.Tests;

public sealed class The_side_menu_shows_each_role_its_own_entries : PortalContext
{
    public The_side_menu_shows_each_role_its_own_entries()
    {
        // The header's notifications bell asks the inboxes: empty ones here.
        Services.AddSingleton(ApiFake.Of<INotificationsClient>().Client);
        Services.AddSingleton(ApiFake.Of<IContractsClient>().Client);
    }

    [Theory]
    [InlineData("purchaser", new[] { "home", "programs", "tenders" }, new[] { "agency-profile", "open-tenders", "panels" })]
    [InlineData("agency", new[] { "home", "agency-profile", "agency-staff", "open-tenders", "my-bids", "notifications" }, new[] { "programs", "tenders", "panels" })]
    [InlineData("evaluator", new[] { "home", "panels" }, new[] { "programs", "agency-profile", "my-bids" })]
    public void Only_the_entries_of_the_persons_role_appear(string role, string[] shown, string[] hidden)
    {
        SignIn(role + "-user", role);

        var layout = Render<MainLayout>(parameters => parameters.Add(p => p.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        foreach (var key in shown)
        {
            layout.FindAll($"[data-testid='menu-{key}']").Should().ContainSingle($"a {role} sees {key}");
        }

        foreach (var key in hidden)
        {
            layout.FindAll($"[data-testid='menu-{key}']").Should().BeEmpty($"a {role} does not see {key}");
        }
    }

    [Fact]
    public void The_header_names_the_person_their_organisation_and_role_in_Chinese()
    {
        SignIn("purchaser", "purchaser", "示范区民政局");

        var layout = Render<MainLayout>(parameters => parameters.Add(p => p.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        var user = layout.Find("[data-testid='portal-user']").TextContent;
        user.Should().Contain("purchaser").And.Contain("示范区民政局").And.Contain("采购人");
        layout.Find("[data-testid='language-switch']").TextContent.Should().Be("English");
    }
}
