using Procurement.Portal.Components.Layout;

namespace Procurement.Portal.Tests.Admin;

public sealed class The_side_menu_gives_the_directory_to_its_roles
{
    [Theory]
    [InlineData(new[] { "admin" }, new[] { "organisations", "users", "security-log" }, new string[0])]
    [InlineData(new[] { "purchaser", "org-admin" }, new[] { "users" }, new[] { "organisations", "security-log" })]
    [InlineData(new[] { "auditor" }, new[] { "security-log" }, new[] { "organisations", "users" })]
    [InlineData(new[] { "purchaser" }, new string[0], new[] { "organisations", "users", "security-log" })]
    [InlineData(new[] { "agency" }, new string[0], new[] { "organisations", "users", "security-log" })]
    public void Each_role_sees_its_directory_entries_and_no_other(string[] roles, string[] shown, string[] hidden)
    {
        var keys = PortalMenu.For(roles).Select(e => e.Key).ToList();

        shown.Except(keys).Should().BeEmpty($"{string.Join("+", roles)} sees these entries");
        keys.Intersect(hidden).Should().BeEmpty($"{string.Join("+", roles)} does not see these entries");
    }

    [Fact]
    public void The_entries_lead_to_the_directory_pages()
    {
        PortalMenu.Entries.Single(e => e.Key == "organisations").Href.Should().Be("/admin/organisations");
        PortalMenu.Entries.Single(e => e.Key == "users").Href.Should().Be("/users");
        PortalMenu.Entries.Single(e => e.Key == "security-log").Href.Should().Be("/security-log");
    }
}
