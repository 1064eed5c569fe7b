using System.Security.Cryptography;
using System.Text;

namespace Procurement.Identity.Domain;

/// <summary>
/// The failed sign-ins in a row under one user name — known or not, so that an unknown name is slowed
/// exactly like a real one and the delay tells nothing. The name is kept only as a SHA-256 of its
/// normalised form: people type passwords into the user-name field.
/// </summary>
public sealed class SignInFailures
{
    public const int KeyLength = 64;

    private SignInFailures()
    {
    }

    public SignInFailures(string key, DateTimeOffset at)
    {
        Key = key;
        Count = 1;
        LastFailedAt = at;
    }

    /// <summary>Lower-case hex SHA-256 of the normalised user name.</summary>
    public string Key { get; private set; } = "";

    public int Count { get; private set; }

    public DateTimeOffset LastFailedAt { get; private set; }

    public static string KeyOf(string normalisedUserName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedUserName)));
}

/// <summary>
/// How long a sign-in waits after failures in a row: nothing for the first <see cref="FreeFailures"/>, then
/// <see cref="FirstDelay"/>, doubling with each further failure up to <see cref="MaxDelay"/>. Never a lock:
/// the right password always gets in, at most <see cref="MaxDelay"/> late, so nobody can lock a named
/// treasury officer out by failing on purpose; an attacker's guesses are slowed to one per delay per request.
/// Failures older than <see cref="ForgetAfter"/> are forgotten.
/// </summary>
public sealed class SignInDelayOptions
{
    public const string Section = "Identity:SignIn";

    public int FreeFailures { get; set; } = 5;

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The wait before checking the password, after <paramref name="failures"/> failures in a row.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        // 2^30 seconds is decades: past that the cap has long applied, and the shift cannot overflow.
        var doublings = Math.Min(failures - FreeFailures, 30);
        var delay = FirstDelay * (1L << doublings);
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
