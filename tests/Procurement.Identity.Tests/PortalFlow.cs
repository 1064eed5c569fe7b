using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Procurement.Identity.Domain;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// The portal's side of the authorization-code flow, hop by hop as ASP.NET Core's OpenID Connect handler
/// drives it: the authorization request with PKCE (S256), the login form, the code exchange.
/// </summary>
public static class PortalFlow
{
    public const string Scope = PortalSignIn.Scope;

    /// <summary>The first of the Development redirect URIs: the embedded portal's <c>/signin-oidc</c>.</summary>
    public static string RedirectUri => IdentitySettings.DevelopmentPortalRedirectUris.Split(';')[0];

    public static string PostLogoutRedirectUri => IdentitySettings.DevelopmentPortalPostLogoutRedirectUris.Split(';')[0];

    public static (string Verifier, string Challenge) Pkce() => PortalSignIn.Pkce();

    public static Uri AuthorizeUri(string? challenge, string state, string? redirectUri = null, Dictionary<string, string?>? extra = null) =>
        PortalSignIn.AuthorizeUri(challenge, state, redirectUri ?? RedirectUri, extra);

    public static Dictionary<string, string> CodeExchange(string code, string verifier, string? redirectUri = null) =>
        PortalSignIn.CodeExchange(code, verifier, redirectUri ?? RedirectUri);

    /// <summary>Signs in on the login page without a return URL (the signed-in page answers).</summary>
    public static async Task SignInAsync(Browser browser, string userName)
    {
        using var page = await browser.GetAsync(new Uri(Endpoints.AccountEndpoints.LoginPath, UriKind.Relative));
        var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        using var posted = await browser.PostAsync(new Uri(Endpoints.AccountEndpoints.LoginPath, UriKind.Relative), new(hidden)
        {
            ["userName"] = userName,
            ["password"] = DemoDirectory.Password,
        });
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Signed in already: the code the authorization endpoint redirects back with.</summary>
    public static async Task<string> CodeAsync(Browser browser, string challenge, string state = "s")
    {
        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, state));
        authorize.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();
    }

    /// <summary>Signs <paramref name="userName"/> in and trades a code for the portal's tokens.</summary>
    public static async Task<TokenAnswer> TokensAsync(RunningHost host, Browser browser, string userName)
    {
        await SignInAsync(browser, userName);
        return await ExchangeAsync(host, browser);
    }

    /// <summary>Signed in already: trades a new code for the portal's tokens.</summary>
    public static async Task<TokenAnswer> ExchangeAsync(RunningHost host, Browser browser)
    {
        var (verifier, challenge) = Pkce();
        var code = await CodeAsync(browser, challenge);
        using var client = host.CreateClient();
        var tokens = await TokenClient.RequestAsync(client, CodeExchange(code, verifier));
        tokens.Status.Should().Be(HttpStatusCode.OK, tokens.ErrorDescription);
        return tokens;
    }

    /// <summary>A redirect on this host, as the browser would follow it (the Location may be relative).</summary>
    public static Uri Resolve(Uri location) => PortalSignIn.Resolve(location);
}
