using System.Security.Cryptography;

namespace Procurement.Testing;

/// <summary>
/// RFC 6238 TOTP as an authenticator app computes it, written here from the RFC rather than taken from the server:
/// HMAC-SHA1 of the 30-second step number since the Unix epoch under the base32-decoded key, dynamically truncated
/// (RFC 4226 §5.3) to 6 digits. Identity's authenticator reads the host's TimeProvider: on a host with a test clock,
/// take the code at that clock's time (<see cref="Code"/>); <see cref="Now"/> is for hosts on the system clock. A code
/// is accepted once: a second sign-in in the same 30 seconds needs the next step's code.
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
