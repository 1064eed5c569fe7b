using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

using static Procurement.Identity.Tests.PortalFlow;

namespace Procurement.Identity.Tests;

public sealed class The_portal_signs_in_with_the_authorization_code_flow(DevelopmentIdentity identity) : IClassFixture<DevelopmentIdentity>
{
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
        tokens.Access.Values(ProcurementClaims.Role).Should().BeEquivalentTo([Roles.Purchaser, Roles.OrganisationAdmin], "the demo purchaser is also its unit's org-admin");
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
    public async Task The_whole_session_as_the_portals_OpenID_Connect_handler_drives_it()
    {
        using var browser = new Browser(identity.Host);
        using var client = identity.Host.CreateClient();
        var (verifier, challenge) = Pkce();

        // The handler's defaults: response_mode=form_post and a nonce, besides PKCE S256 and the portal's scopes.
        var authorizeUri = AuthorizeUri(challenge, "s-5", extra: new() { ["response_mode"] = "form_post", ["nonce"] = "n-5" });
        using var authorize = await browser.GetAsync(authorizeUri);
        var login = Resolve(authorize.Headers.Location!);
        using var page = await browser.GetAsync(login);
        var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        using var posted = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), new(hidden)
        {
            ["userName"] = "purchaser",
            ["password"] = DemoDirectory.Password,
        });

        // The code comes back as a form the browser posts to the portal's /signin-oidc.
        using var back = await browser.GetAsync(Resolve(posted.Headers.Location!));
        back.StatusCode.Should().Be(HttpStatusCode.OK);
        var callbackForm = await back.Content.ReadAsStringAsync();
        callbackForm.Should().Contain($"action=\"{RedirectUri}\"");
        var callback = Browser.HiddenInputs(callbackForm);
        callback["state"].Should().Be("s-5");

        var tokens = await TokenClient.RequestAsync(client, CodeExchange(callback["code"], verifier));

        tokens.Status.Should().Be(HttpStatusCode.OK, tokens.ErrorDescription);
        var purchaser = DemoDirectory.UserNamed("purchaser");
        tokens.Identity.Value("nonce").Should().Be("n-5");
        tokens.Identity.Value(ProcurementClaims.Subject).Should().Be(purchaser.Id.ToString());
        tokens.Identity.Value(ProcurementClaims.Name).Should().Be("purchaser");
        tokens.Identity.Values(ProcurementClaims.Role).Should().BeEquivalentTo([Roles.Purchaser, Roles.OrganisationAdmin], "the demo purchaser is also its unit's org-admin");
        tokens.Identity.Value(ProcurementClaims.OrganisationId).Should().Be(DemoDirectory.CivilAffairsBureau.ToString());
        tokens.Identity.Value("org_name").Should().Be("示范区民政局");
        tokens.Access.Values(ProcurementClaims.Role).Should().BeEquivalentTo([Roles.Purchaser, Roles.OrganisationAdmin], "the demo purchaser is also its unit's org-admin");
        tokens.Access.Value(ProcurementClaims.OrganisationId).Should().Be(DemoDirectory.CivilAffairsBureau.ToString());

        // Before the access token expires the portal refreshes it; the refresh token rolls over.
        var refreshed = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!);
        refreshed.Status.Should().Be(HttpStatusCode.OK, refreshed.ErrorDescription);
        refreshed.AccessToken.Should().NotBe(tokens.AccessToken);
        refreshed.Access.Value(ProcurementClaims.Subject).Should().Be(purchaser.Id.ToString());
        refreshed.Access.Values(ProcurementClaims.Role).Should().BeEquivalentTo([Roles.Purchaser, Roles.OrganisationAdmin], "the demo purchaser is also its unit's org-admin");
        refreshed.Identity.Value("org_name").Should().Be("示范区民政局");
        refreshed.RefreshToken.Should().NotBeNullOrEmpty().And.NotBe(tokens.RefreshToken);
        (await TokenClient.CallAsync(client, IdentityHosts.PurchasersOnly, refreshed.AccessToken)).Should().Be(HttpStatusCode.OK);

        // Sign-out: the portal revokes its refresh token, then sends the browser to the end-session endpoint.
        (await TokenClient.RevokeAsync(client, IdentityModule.PortalClientId, refreshed.RefreshToken!)).Should().Be(HttpStatusCode.OK);
        using var endSession = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = refreshed.IdentityToken,
            ["post_logout_redirect_uri"] = PostLogoutRedirectUri,
            ["state"] = "bye",
        }), UriKind.Relative));

        endSession.StatusCode.Should().Be(HttpStatusCode.Redirect);
        endSession.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(PostLogoutRedirectUri);
        QueryHelpers.ParseQuery(endSession.Headers.Location.Query)["state"].ToString().Should().Be("bye");
        browser.Cookies.GetAllCookies().Should().NotContain(c => c.Name == "procurement.identity" && !c.Expired && c.Value.Length > 0);
        (await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, refreshed.RefreshToken!)).Error.Should().Be("invalid_grant");

        // Signing in again asks for the password again.
        using var again = await browser.GetAsync(authorizeUri);
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Resolve(again.Headers.Location!).AbsolutePath.Should().Be("/account/login");
    }

    [Fact]
    public async Task A_revoked_refresh_token_no_longer_refreshes_but_the_others_still_do()
    {
        using var client = identity.Host.CreateClient();
        using var first = new Browser(identity.Host);
        using var second = new Browser(identity.Host);
        var revoked = await TokensAsync(identity.Host, first, "agency2");
        var kept = await TokensAsync(identity.Host, second, "agency2");

        (await TokenClient.RevokeAsync(client, IdentityModule.PortalClientId, revoked.RefreshToken!)).Should().Be(HttpStatusCode.OK);

        var refused = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, revoked.RefreshToken!);
        refused.Error.Should().Be("invalid_grant");
        refused.AccessToken.Should().BeNull();
        (await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, kept.RefreshToken!)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_client_may_not_revoke_the_portals_refresh_token()
    {
        using var client = identity.Host.CreateClient();
        using var browser = new Browser(identity.Host);
        var tokens = await TokensAsync(identity.Host, browser, "agency3");

        await TokenClient.RevokeAsync(client, IdentityModule.CliClientId, tokens.RefreshToken!);

        (await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!)).Status.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/signin-oidc")]
    [InlineData("http://localhost:5080/signin-oidc")]
    public async Task Both_development_addresses_of_the_embedded_portal_are_registered(string redirectUri)
    {
        using var browser = new Browser(identity.Host);
        await SignInAsync(browser, "evaluator1");
        var (verifier, challenge) = Pkce();

        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, "s-6", redirectUri));

        authorize.StatusCode.Should().Be(HttpStatusCode.Redirect);
        authorize.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(redirectUri);
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location.Query)["code"].ToString();
        using var client = identity.Host.CreateClient();
        (await TokenClient.RequestAsync(client, CodeExchange(code, verifier, redirectUri))).Status.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://localhost:5173/callback")]
    [InlineData("http://127.0.0.1:5080/elsewhere")]
    public async Task A_redirect_uri_that_is_not_registered_is_refused_without_redirecting(string redirectUri)
    {
        using var browser = new Browser(identity.Host);
        await SignInAsync(browser, "evaluator1");
        var (_, challenge) = Pkce();

        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, "s-7", redirectUri));

        authorize.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        authorize.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task A_post_logout_redirect_uri_that_is_not_registered_is_refused()
    {
        using var browser = new Browser(identity.Host);
        var tokens = await TokensAsync(identity.Host, browser, "auditor");

        using var endSession = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.IdentityToken,
            ["post_logout_redirect_uri"] = "http://localhost:5173/",
        }), UriKind.Relative));

        endSession.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        endSession.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task The_discovery_document_names_every_endpoint_and_claim_the_portal_uses()
    {
        using var client = identity.Host.CreateClient();

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)));

        var root = json.RootElement;
        foreach (var (endpoint, path) in new[]
        {
            ("authorization_endpoint", "connect/authorize"), ("token_endpoint", "connect/token"), ("end_session_endpoint", "connect/endsession"),
            ("revocation_endpoint", "connect/revoke"), ("userinfo_endpoint", "connect/userinfo"),
        })
        {
            new Uri(root.GetProperty(endpoint).GetString()!).AbsolutePath.Should().Be("/" + path, endpoint);
        }

        string[] Strings(string name) => [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
        Strings("code_challenge_methods_supported").Should().Contain("S256");
        Strings("scopes_supported").Should().Contain(Scope.Split(' '));
        Strings("claims_supported").Should().Contain(["sub", "name", "role", "org_id", "org_name", "nickname", "locale"]);
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
            "/connect/endsession?client_id=procurement-portal&post_logout_redirect_uri=" + Uri.EscapeDataString(PostLogoutRedirectUri),
            UriKind.Relative));
        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, state: "s-4"));

        endSession.StatusCode.Should().Be(HttpStatusCode.Redirect);
        endSession.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(PostLogoutRedirectUri);
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
        (await posted.Content.ReadAsStringAsync()).Should().Contain("用户名或密码错误");
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
}
