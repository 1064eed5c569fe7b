using System.Net;
using System.Text.Json;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

public sealed class The_identity_token_names_the_organisation_in_the_users_language(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    [Fact]
    public async Task In_Chinese_by_default()
    {
        using var browser = new Browser(identity.Host);

        var tokens = await PortalFlow.TokensAsync(identity.Host, browser, "purchaser");

        tokens.Identity.Value("org_name").Should().Be("示范区民政局");
        tokens.Identity.Value("nickname").Should().Be("王芳");
        tokens.Identity.Value("locale").Should().Be("zh-CN");
        tokens.Identity.Value(ProcurementClaims.Name).Should().Be("purchaser");
        tokens.Access.Value("org_name").Should().BeNull("the services do not need it; the access token stays small");
    }

    [Fact]
    public async Task In_English_when_the_culture_cookie_says_so_also_after_a_refresh_and_in_userinfo()
    {
        using var browser = new Browser(identity.Host);
        browser.Cookies.Add(identity.Host.BaseAddress, new Cookie(".AspNetCore.Culture", "c=en|uic=en"));

        var tokens = await PortalFlow.TokensAsync(identity.Host, browser, "agency1");

        tokens.Identity.Value("org_name").Should().Be("Sunshine Social Work Service Centre");
        tokens.Identity.Value("nickname").Should().Be("Li Na");
        tokens.Identity.Value("locale").Should().Be("en");

        // The portal's server refreshes without the user's cookie: the language is the one the session began in.
        using var client = identity.Host.CreateClient();
        var refreshed = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!);
        refreshed.Identity.Value("org_name").Should().Be("Sunshine Social Work Service Centre");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/connect/userinfo", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", refreshed.AccessToken);
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("org_name").GetString().Should().Be("Sunshine Social Work Service Centre");
        json.RootElement.GetProperty("nickname").GetString().Should().Be("Li Na");
        json.RootElement.GetProperty("org_id").GetString().Should().Be(DemoDirectory.Agency1.ToString());
    }

    [Fact]
    public async Task Without_the_profile_scope_no_names_are_given()
    {
        using var client = identity.Host.CreateClient();

        var tokens = await TokenClient.PasswordAsync(client, "evaluator2", DemoDirectory.Password, "openid api");

        tokens.Identity.Value("org_name").Should().BeNull();
        tokens.Identity.Value("nickname").Should().BeNull();
        tokens.Access.Value(ProcurementClaims.OrganisationId).Should().Be(DemoDirectory.Expert2.ToString());
    }

    [Theory]
    [InlineData("Civil Affairs Bureau, Demo District / 示范区民政局", true, "示范区民政局")]
    [InlineData("Civil Affairs Bureau, Demo District / 示范区民政局", false, "Civil Affairs Bureau, Demo District")]
    [InlineData("Independent expert 3, Demo District expert pool / 示范区评审专家库 独立专家3", false, "Independent expert 3, Demo District expert pool")]
    [InlineData("示范区民政局", false, "示范区民政局")]
    [InlineData("Sunshine Centre", true, "Sunshine Centre")]
    [InlineData("A / B", true, "A / B")]
    [InlineData("示范区 / 民政局", false, "示范区 / 民政局")]
    [InlineData("A / 甲 / B", true, "A / 甲 / B")]
    public void A_bilingual_name_gives_the_part_in_the_language_asked_for_and_any_other_name_whole(string name, bool chinese, string expected) =>
        BilingualName.In(name, chinese).Should().Be(expected);
}
