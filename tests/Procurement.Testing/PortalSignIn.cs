using System.Net;
using System.Text.RegularExpressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Procurement.Testing;

/// <summary>How a person's sign-in ended: the portal's tokens (or the refusal), and the authenticator key and recovery codes set up on the way, if any.</summary>
public sealed record SignedIn(TokenAnswer Tokens, string? AuthenticatorKey, IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// A person signing in to the portal as ASP.NET Core's OpenID Connect handler drives it, hop by hop: the authorization
/// request with PKCE (S256), Identity's login page, the second factor when the role needs one (setting up the
/// authenticator app at the first sign-in, a code from it afterwards), and the code exchange.
/// </summary>
public static partial class PortalSignIn
{
    public const string Scope = "openid profile roles api offline_access";

    /// <summary>The embedded portal's <c>/signin-oidc</c>, the first of Identity's Development redirect URIs.</summary>
    public const string RedirectUri = "http://127.0.0.1:5080/signin-oidc";

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static Uri AuthorizeUri(string? challenge, string state, string redirectUri = RedirectUri, Dictionary<string, string?>? extra = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = TokenClient.PortalClientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = Scope,
            ["state"] = state,
        };
        if (challenge is not null)
        {
            parameters["code_challenge"] = challenge;
            parameters["code_challenge_method"] = "S256";
        }

        foreach (var (key, value) in extra ?? [])
        {
            parameters[key] = value;
        }

        return new Uri(QueryHelpers.AddQueryString("/connect/authorize", parameters), UriKind.Relative);
    }

    public static Dictionary<string, string> CodeExchange(string code, string verifier, string redirectUri = RedirectUri) => new()
    {
        ["grant_type"] = "authorization_code",
        ["client_id"] = TokenClient.PortalClientId,
        ["redirect_uri"] = redirectUri,
        ["code"] = code,
        ["code_verifier"] = verifier,
    };

    /// <summary>
    /// Signs <paramref name="userName"/> in from the portal's authorization request. When the login page asks for a second
    /// factor it sets up an authenticator app (first sign-in: the key is returned) or answers with a code of
    /// <paramref name="authenticatorKey"/>. A refused password answers <c>login_refused</c> with the page as description.
    /// </summary>
    public static async Task<SignedIn> SignInAsync(
        RunningHost host, string userName, string password, string? authenticatorKey = null, string redirectUri = RedirectUri)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var browser = new Browser(host);
        var (verifier, challenge) = Pkce();
        using var authorize = await browser.GetAsync(AuthorizeUri(challenge, "s", redirectUri));
        if (authorize.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The authorization endpoint answered {(int)authorize.StatusCode}: {await authorize.Content.ReadAsStringAsync()}");
        }

        var loginPage = new Uri(Resolve(authorize.Headers.Location!).PathAndQuery, UriKind.Relative);
        var step = await SignInSteps.PasswordAsync(browser, userName, password, loginPage);
        string? enrolledKey = null;
        IReadOnlyList<string> recoveryCodes = [];
        if (step.Status != HttpStatusCode.Redirect)
        {
            if (!step.AsksForCode)
            {
                return new SignedIn(new TokenAnswer(step.Status, null, null, null, "login_refused", step.Html), null, []);
            }

            var enrolling = authenticatorKey is null;
            enrolledKey = enrolling ? step.Key : null;
            // The code at the host's clock: Identity checks codes on its TimeProvider, which a test may have moved.
            var now = (host.Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow();
            step = await SignInSteps.CodeAsync(browser, step, Totp.Code(authenticatorKey ?? step.Key, now));
            recoveryCodes = step.RecoveryCodes;
            if (enrolling && recoveryCodes.Count == 0)
            {
                throw new InvalidOperationException($"Setting up the authenticator showed no recovery codes: {step.Alert}\n{step.Html}");
            }
        }

        var onward = step.Status == HttpStatusCode.Redirect ? Resolve(step.Location!) : Resolve(step.Continue);
        using var back = await browser.GetAsync(new Uri(onward.PathAndQuery, UriKind.Relative));
        if (back.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The authorization endpoint answered {(int)back.StatusCode} after the sign-in: {await back.Content.ReadAsStringAsync()}");
        }

        var answer = QueryHelpers.ParseQuery(back.Headers.Location!.Query);
        if (!answer.TryGetValue("code", out var code))
        {
            throw new InvalidOperationException($"The authorization endpoint sent no code after the sign-in, but {back.Headers.Location}");
        }

        using var client = host.CreateClient();
        return new SignedIn(await TokenClient.RequestAsync(client, CodeExchange(code.ToString(), verifier, redirectUri)), enrolledKey, recoveryCodes);
    }

    /// <summary>Opens a one-time link (its path and query on the test host), types the password twice and posts the form.</summary>
    public static async Task<HttpResponseMessage> SetPasswordAsync(Browser browser, Uri link, string password, string? confirmation = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var page = await browser.GetAsync(Local(link));
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The link {link} answered {(int)page.StatusCode}: {await page.Content.ReadAsStringAsync()}");
        }

        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        form["newPassword"] = password;
        form["confirmPassword"] = confirmation ?? password;
        return await browser.PostAsync(new Uri(link.AbsolutePath, UriKind.Relative), form);
    }

    /// <summary>The link's path and query on the test host (the public address is the district's, the server is local).</summary>
    public static Uri Local(Uri link) => new((link ?? throw new ArgumentNullException(nameof(link))).PathAndQuery, UriKind.Relative);

    /// <summary>A redirect on the test host, as the browser would follow it (the Location may be relative).</summary>
    public static Uri Resolve(Uri location) => new(new Uri("http://localhost"), location);

    /// <summary>The set-password link in a text (what <c>admin create</c> printed, a mail's body).</summary>
    public static Uri SetPasswordLinkIn(string text) =>
        new(SetPasswordLink().Match(text ?? "") is { Success: true } match ? match.Value : throw new InvalidOperationException($"No set-password link in: {text}"));

    [GeneratedRegex(@"https?://\S+/account/set-password\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetPasswordLink();
}
