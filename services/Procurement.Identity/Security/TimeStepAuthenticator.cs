using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Procurement.Identity.Domain;

namespace Procurement.Identity.Security;

/// <summary>
/// RFC 6238 TOTP (HMAC-SHA1, 30-second steps from the Unix epoch, 6 digits; RFC 4226 §5.3 truncation) on the app's
/// <see cref="TimeProvider"/>, where ASP.NET Core Identity's <c>AuthenticatorTokenProvider</c> reads the system clock.
/// </summary>
public static class Rfc6238
{
    public const int StepSeconds = 30;

    /// <summary>The time step of <paramref name="at"/>.</summary>
    public static long StepOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of <paramref name="step"/> under <paramref name="key"/>, <paramref name="digits"/> long (6 for authenticator apps).</summary>
    public static string Code(byte[] key, long step, int digits = 6)
    {
        var counter = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % (int)Math.Pow(10, digits)).ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32 (A–Z, 2–7, any case, spaces and padding ignored); null when it is not base32.</summary>
    public static byte[]? Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is '=' or ' ')
            {
                continue;
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
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

/// <summary>
/// The authenticator app's code as Identity's two-factor provider (<see cref="TokenOptions.DefaultAuthenticatorProvider"/>):
/// a code of the current step, the one before or the one after (clock drift) is accepted once — the step it matched is kept
/// as the user's token <see cref="LastStepName"/> (AspNetUserTokens) and a code of that step or an earlier one is refused,
/// so a code seen over someone's shoulder cannot sign in again. Two requests racing with one code: the second save fails on
/// the user's concurrency stamp and its code is refused.
/// </summary>
public sealed class TimeStepAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<ProcurementUser>
{
    public const string TokenLoginProvider = "[ProcurementAuthenticator]";
    public const string LastStepName = "LastAcceptedStep";

    /// <summary>How many steps before and after the current one a code may be from.</summary>
    public const int Drift = 1;

    public Task<string> GenerateAsync(string purpose, UserManager<ProcurementUser> manager, ProcurementUser user) =>
        Task.FromResult(""); // The app makes the codes; the server never sends one.

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ProcurementUser> manager, ProcurementUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ProcurementUser> manager, ProcurementUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user) is { } text ? Rfc6238.Base32(text) : null;
        if (key is null || key.Length == 0 || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var now = Rfc6238.StepOf(clock.GetUtcNow());
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kept)
            ? kept
            : long.MinValue;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (step > last && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Rfc6238.Code(key, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                var saved = await manager.SetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
                return saved.Succeeded;
            }
        }

        return false;
    }
}
