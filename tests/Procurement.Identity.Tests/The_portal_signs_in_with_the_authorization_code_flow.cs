using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

public sealed class The_portal_signs_in_with_the_authorization_code_flow(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
    private const string RedirectUri = IdentitySettings.DevelopmentPortalRedirectUri;
    private const string Scope = "openid profile roles api offline_access";

    [Fact]
    public async Task Login_then_code_then_tokens_with_PKCE()
    {
        using var browser = new Browser(identity.Host);
        var (verifier, challenge) = Pkce();

        // 1. The portal sends the browser to the authorization endpoint; nobody is signed in yet.
        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, state: "s-1"));
        authorize.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var login = Resolve(authorize.Headers.Location!);
        login.AbsolutePath.Should().Be("/account/login");

        // 2. The login page, with its antiforgery token and the way back.
        using var page = await browser.GetAsync(login);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        hidden["returnUrl"].Should().StartWith("/connect/authorize?");

        // 3. The form is posted; the cookie is set and the browser goes back to the authorization endpoint.
        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
        {
            ["userName"] = "purchaser",
            ["password"] = DemoDirectory.Password,
        });
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().Should().Be(hidden["returnUrl"]);

        // 4. Signed in now: the authorization endpoint answers the portal's redirect URI with a code.
        using var back = await browser.GetAsync(Resolve(posted.Headers.Location!));
        back.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var callback = back.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).Should().Be(RedirectUri);
        var query = QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().Should().Be("s-1");
        var code = query["code"].ToString();
        code.Should().NotBeNullOrEmpty();

        // 5. The portal trades the code and its verifier for tokens.
        using var client = identity.Host.CreateClient();
        var tokens = await TokenClient.RequestAsync(client, CodeExchange(code, verifier));

        tokens.Status.Should().Be(HttpStatusCode.OK, tokens.ErrorDescription);
        var purchaser = DemoDirectory.UserNamed("purchaser");
        tokens.Access.Value(ProcurementClaims.Subject).Should().Be(purchaser.Id.ToString());
        tokens.Access.Value(ProcurementClaims.Name).Should().Be("purchaser");
        tokens.Access.Values(ProcurementClaims.Role).Should().Equal(Roles.Purchaser);
        tokens.Access.Value(ProcurementClaims.OrganisationId).Should().Be(DemoDirectory.CivilAffairsBureau.ToString());
        tokens.Access.Audiences.Should().Equal(TokenKeys.DefaultAudience);
        tokens.Identity.Audiences.Should().Equal(IdentityModule.PortalClientId);
        tokens.Identity.Value(ProcurementClaims.OrganisationId).Should().Be(DemoDirectory.CivilAffairsBureau.ToString());
        tokens.RefreshToken.Should().NotBeNullOrEmpty();
        (await TokenClient.CallAsync(client, IdentityHosts.PurchasersOnly, tokens.AccessToken)).Should().Be(HttpStatusCode.OK);

        // The refresh token works for the portal too.
        var refreshed = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!);
        refreshed.Access.Value(ProcurementClaims.Subject).Should().Be(purchaser.Id.ToString());

        // A code is good once; replaying it revokes what it gave (RFC 6749 §4.1.2).
        var replayed = await TokenClient.RequestAsync(client, CodeExchange(code, verifier));
        replayed.Error.Should().Be("invalid_grant");
        var afterReplay = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, refreshed.RefreshToken!);
        afterReplay.Error.Should().Be("invalid_grant");
    }

    [Fact]
    public async Task Without_a_code_challenge_the_request_is_refused()
    {
        using var browser = new Browser(identity.Host);
        await SignInAsync(browser, "agency1");

        using var authorize = await browser.GetAsync(AuthorizeUri(challenge: null, state: "s-2"));

        // OpenIddict answers this one itself, before it would redirect back to the client.
        authorize.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        authorize.Headers.Location.Should().BeNull();
        var body = await authorize.Content.ReadAsStringAsync();
        body.Should().Contain("error:invalid_request").And.Contain("code_challenge");
    }

    [Fact]
    public async Task Signing_out_ends_the_login_and_returns_to_the_portal()
    {
        using var browser = new Browser(identity.Host);
        await SignInAsync(browser, "treasury");
        var (_, challenge) = Pkce();

        using var endSession = await browser.GetAsync(new Uri(
            "/connect/endsession?client_id=procurement-portal&post_logout_redirect_uri=" + Uri.EscapeDataString(IdentitySettings.DevelopmentPortalPostLogoutRedirectUri),
            UriKind.Relative));
        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, state: "s-4"));

        endSession.StatusCode.Should().Be(HttpStatusCode.Redirect);
        endSession.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(IdentitySettings.DevelopmentPortalPostLogoutRedirectUri);
        authorize.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Resolve(authorize.Headers.Location!).AbsolutePath.Should().Be("/account/login", "the login cookie is gone");
    }

    [Fact]
    public async Task A_wrong_code_verifier_is_an_invalid_grant()
    {
        using var browser = new Browser(identity.Host);
        await SignInAsync(browser, "agency1");
        var (_, challenge) = Pkce();
        var (otherVerifier, _) = Pkce();

        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, state: "s-3"));
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();
        using var client = identity.Host.CreateClient();
        var tokens = await TokenClient.RequestAsync(client, CodeExchange(code, otherVerifier));

        tokens.Error.Should().Be("invalid_grant");
        tokens.AccessToken.Should().BeNull();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_login_page_again_without_a_cookie()
    {
        using var browser = new Browser(identity.Host);
        using var page = await browser.GetAsync(new Uri("/account/login?returnUrl=%2Fconnect%2Fauthorize", UriKind.Relative));
        var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());

        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
        {
            ["userName"] = "purchaser",
            ["password"] = "Wrong123$",
        });

        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).Should().Contain("wrong");
        browser.Cookies.GetAllCookies().Select(c => c.Name).Should().NotContain("procurement.identity");
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = new Browser(identity.Host);

        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new()
        {
            ["userName"] = "purchaser",
            ["password"] = DemoDirectory.Password,
            ["returnUrl"] = "/connect/authorize",
        });

        posted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_login_page_never_returns_to_another_site()
    {
        using var browser = new Browser(identity.Host);
        using var page = await browser.GetAsync(new Uri("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative));
        var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        hidden["returnUrl"].Should().BeEmpty();

        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
        {
            ["userName"] = "purchaser",
            ["password"] = DemoDirectory.Password,
            ["returnUrl"] = "//evil.example/",
        });

        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        posted.Headers.Location.Should().BeNull();
    }

    [Theory]
    [InlineData("/connect/authorize?client_id=x", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_local_return_urls_are_followed(string? url, bool local) =>
        Endpoints.AccountEndpoints.IsLocal(url).Should().Be(local);

    private static async Task SignInAsync(Browser browser, string userName)
    {
        using var page = await browser.GetAsync(new Uri("/account/login", UriKind.Relative));
        var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
        {
            ["userName"] = userName,
            ["password"] = DemoDirectory.Password,
        });
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static Uri AuthorizeUri(string? challenge, string state)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = IdentityModule.PortalClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = Scope,
            ["state"] = state,
        };
        if (challenge is not null)
        {
            parameters["code_challenge"] = challenge;
            parameters["code_challenge_method"] = "S256";
        }

        return new Uri(QueryHelpers.AddQueryString("/connect/authorize", parameters), UriKind.Relative);
    }

    private static Dictionary<string, string> CodeExchange(string code, string verifier) => new()
    {
        ["grant_type"] = "authorization_code",
        ["client_id"] = IdentityModule.PortalClientId,
        ["redirect_uri"] = RedirectUri,
        ["code"] = code,
        ["code_verifier"] = verifier,
    };

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>A redirect on this host, as the browser would follow it (the Location may be relative).</summary>
    private static Uri Resolve(Uri location) => new(new Uri("http://localhost"), location);
}
