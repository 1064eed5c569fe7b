using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Security;

/// <summary>
/// Who must sign in with an authenticator app: the roles that move money or run the platform (purchaser,
/// treasury, admin). Outside Development always; in Development only when <see cref="RequiredInDevelopmentSetting"/>
/// is <c>true</c>, so that the demo users sign in with their password alone (the demo, the CLI's password grant,
/// the browser tests) — a demo user who has set up an authenticator is asked for its code all the same.
/// </summary>
public sealed class TwoFactorRequirement(UserManager<ProcurementUser> users, IHostEnvironment environment, IConfiguration configuration)
{
    public const string RequiredInDevelopmentSetting = "Identity:TwoFactor:RequiredInDevelopment";

    /// <summary>The roles whose people must use a second factor.</summary>
    public static IReadOnlySet<string> Roles { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ServiceDefaults.Security.Roles.Purchaser, ServiceDefaults.Security.Roles.Treasury, ServiceDefaults.Security.Roles.Admin,
    };

    public bool Enforced => !environment.IsDevelopment() || configuration.GetValue<bool>(RequiredInDevelopmentSetting);

    /// <summary>Whether <paramref name="user"/> must set up an authenticator before signing in (has a required role, none set up yet).</summary>
    public async Task<bool> MustEnrolAsync(ProcurementUser user) =>
        !user.TwoFactorEnabled && Enforced && (await users.GetRolesAsync(user)).Any(Roles.Contains);

    /// <summary>Whether a password alone cannot sign <paramref name="user"/> in.</summary>
    public async Task<bool> NeedsSecondFactorAsync(ProcurementUser user) =>
        user.TwoFactorEnabled || await MustEnrolAsync(user);
}

/// <summary>The step a sign-in is at between the password and the second factor.</summary>
internal enum TwoFactorStage
{
    /// <summary>The user has an authenticator: asks for its code or a recovery code.</summary>
    Verify,

    /// <summary>The user must set one up: shows the key and asks for a first code.</summary>
    Enrol,
}

/// <summary>Who passed the password step, at which stage, until when.</summary>
internal sealed record TwoFactorTicket(Guid UserId, string NormalisedUserName, TwoFactorStage Stage, DateTimeOffset ExpiresAt);

/// <summary>
/// Carries a <see cref="TwoFactorTicket"/> between the password step and the code step in a short-lived HttpOnly
/// cookie, encrypted and signed by Data Protection (tamper-proof) and expiring after <see cref="Lifetime"/> on the
/// host's clock, whatever the browser keeps.
/// </summary>
internal sealed class TwoFactorTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "procurement.identity.2fa";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = protection.CreateProtector("Procurement.Identity.TwoFactorTicket.v1");

    public TwoFactorTicket Issue(HttpContext http, ProcurementUser user, string normalisedUserName, TwoFactorStage stage)
    {
        var ticket = new TwoFactorTicket(user.Id, normalisedUserName, stage, clock.GetUtcNow() + Lifetime);
        var payload = string.Join('\n', ticket.UserId.ToString("N"), ticket.NormalisedUserName, ticket.Stage.ToString(),
            ticket.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        http.Response.Cookies.Append(CookieName, _protector.Protect(payload), Options(http, Lifetime));
        return ticket;
    }

    /// <summary>The request's ticket, or null when there is none, it was tampered with, or it expired.</summary>
    public TwoFactorTicket? Read(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(cookie);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Altered, or protected with a key this host no longer has: no ticket, the user signs in again.
            return null;
        }

        var parts = payload.Split('\n');
        if (parts.Length != 4
            || !Guid.TryParseExact(parts[0], "N", out var userId)
            || !Enum.TryParse<TwoFactorStage>(parts[2], out var stage)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var ticket = new TwoFactorTicket(userId, parts[1], stage, DateTimeOffset.FromUnixTimeMilliseconds(expires));
        return clock.GetUtcNow() < ticket.ExpiresAt ? ticket : null;
    }

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http, TimeSpan.Zero));

    private static CookieOptions Options(HttpContext http, TimeSpan maxAge) => new()
    {
        Path = "/account",
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        MaxAge = maxAge,
    };
}

/// <summary>The authenticator key as people type it, and as authenticator apps read it from a link or QR code.</summary>
internal static class AuthenticatorKeys
{
    public const string Issuer = "Procurement";

    /// <summary>Base32 in groups of four, lower case: <c>abcd efgh …</c>.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The <c>otpauth://totp/…</c> URI (Google's Key URI format): 6 digits, SHA-1, 30 seconds.</summary>
    public static string Uri(string key, string userName) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(userName)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The <c>otpauth://</c> URI as a QR code for the enrolment page: a PNG <c>data:</c> URI (no request, no script).</summary>
    public static string QrCode(string otpauthUri)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCoder.QRCodeGenerator.ECCLevel.M);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>A code as typed, without the spaces people add.</summary>
    public static string CleanCode(string? code) =>
        new([.. (code ?? "").Where(c => !char.IsWhiteSpace(c))]);

    /// <summary>Six ASCII digits: an authenticator's code (anything else is tried as a recovery code).</summary>
    public static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>A recovery code as Identity makes them (<c>XXXXX-XXXXX</c>, upper case), from what was typed: any case, hyphen or not.</summary>
    public static string RecoveryCode(string code)
    {
        var plain = code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }
}
