using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Procurement.Identity.Endpoints;

namespace Procurement.Identity.Tests;

/// <summary>The login page's steps as a person takes them: the password form, then the code form when there is one.</summary>
public static partial class SignInSteps
{
    public static readonly Uri LoginPage = new(AccountEndpoints.LoginPath, UriKind.Relative);
    public static readonly Uri CodePage = new(AccountEndpoints.CodePath, UriKind.Relative);

    /// <summary>Opens <paramref name="loginPage"/> (the plain login page by default) and posts the name and password; the answer's HTML.</summary>
    public static async Task<Step> PasswordAsync(Browser browser, string userName, string password, Uri? loginPage = null)
    {
        using var page = await browser.GetAsync(loginPage ?? LoginPage);
        var hidden = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        using var posted = await browser.PostAsync(LoginPage, new(hidden) { ["userName"] = userName, ["password"] = password });
        return await Step.OfAsync(posted);
    }

    /// <summary>Posts <paramref name="code"/> on the code form of <paramref name="page"/>.</summary>
    public static async Task<Step> CodeAsync(Browser browser, Step page, string code)
    {
        using var posted = await browser.PostAsync(CodePage, new(Browser.HiddenInputs(page.Html)) { ["code"] = code });
        return await Step.OfAsync(posted);
    }

    /// <summary>What one step answered: its status, redirect and HTML.</summary>
    public sealed partial record Step(HttpStatusCode Status, Uri? Location, string Html)
    {
        public static async Task<Step> OfAsync(HttpResponseMessage response) =>
            new(response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());

        /// <summary>The alert's text, or null when the page has none.</summary>
        public string? Alert => AlertPattern().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        public bool AsksForCode => Html.Contains($"action=\"{AccountEndpoints.CodePath}\"", StringComparison.Ordinal);

        public bool AsksForPassword => Html.Contains("name=\"password\"", StringComparison.Ordinal);

        /// <summary>The enrolment step's key, as an authenticator takes it (base32, upper case, no spaces).</summary>
        public string Key => KeyPattern().Match(Html) is { Success: true } m
            ? m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()
            : throw new InvalidOperationException("The page shows no authenticator key:\n" + Html);

        public IReadOnlyList<string> RecoveryCodes => [.. RecoveryCodePattern().Matches(Html).Select(m => m.Groups[1].Value)];

        /// <summary>The recovery codes page's way on.</summary>
        public Uri Continue => ContinuePattern().Match(Html) is { Success: true } m
            ? new Uri(WebUtility.HtmlDecode(m.Groups[1].Value), UriKind.Relative)
            : throw new InvalidOperationException("The page has no way on:\n" + Html);

        [GeneratedRegex("""<div role="alert" class="alert">([^<]*)</div>""")]
        private static partial Regex AlertPattern();

        [GeneratedRegex("""data-testid="authenticator-key">([^<]*)</code>""")]
        private static partial Regex KeyPattern();

        [GeneratedRegex("""<li><code>([^<]*)</code></li>""")]
        private static partial Regex RecoveryCodePattern();

        [GeneratedRegex("""<a class="button" href="([^"]*)">""")]
        private static partial Regex ContinuePattern();
    }
}

/// <summary>
/// RFC 6238 TOTP as an authenticator app computes it, written here from the RFC rather than taken from the server:
/// HMAC-SHA1 of the 30-second step number since the Unix epoch under the base32-decoded key, dynamically truncated
/// (RFC 4226 §5.3) to 6 digits. ASP.NET Core Identity's authenticator reads the system clock, so the codes are for
/// the system's time, whatever the host's test clock says.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            counter[i] = (byte)(step & 0xff);
            step >>= 8;
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Now(string base32Key) => Code(base32Key, TimeProvider.System.GetUtcNow());

    /// <summary>RFC 4648 base32 (A–Z, 2–7), padding ignored.</summary>
    public static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. bytes];
    }
}
