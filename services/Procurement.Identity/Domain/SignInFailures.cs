using System.Security.Cryptography;
using System.Text;

namespace Procurement.Identity.Domain;

/// <summary>
/// The failed sign-ins under one user name in the current window — known or not, so that an unknown name is
/// locked exactly like a real one and the answer tells nothing. The name is kept only as a SHA-256 of its
/// normalised form: people type passwords into the user-name field. A window opens at the first failure
/// (<see cref="FirstFailedAt"/>); the failure that reaches <see cref="SignInLockoutOptions.Failures"/> inside it
/// locks the name from then (<see cref="LastFailedAt"/>) for <see cref="SignInLockoutOptions.Duration"/>.
/// </summary>
/// <remarks>A counter of failed sign-ins, not a state change of the directory: it is not on the audit chain (the security log records each attempt).</remarks>
[ServiceDefaults.Audit.NotAudited]
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
        FirstFailedAt = at;
        LastFailedAt = at;
    }

    /// <summary>Lower-case hex SHA-256 of the normalised user name.</summary>
    public string Key { get; private set; } = "";

    public int Count { get; private set; }

    /// <summary>The first failure of the current window.</summary>
    public DateTimeOffset FirstFailedAt { get; private set; }

    /// <summary>The latest failure counted; once <see cref="Count"/> reached the limit, when the lockout began.</summary>
    public DateTimeOffset LastFailedAt { get; private set; }

    public static string KeyOf(string normalisedUserName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedUserName)));

    /// <summary>Whether the name is locked at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now, SignInLockoutOptions options) =>
        Count >= options.Failures && now < LastFailedAt + options.Duration;

    /// <summary>Whether a failure at <paramref name="now"/> opens a new window rather than counting in this one.</summary>
    public bool StartsAfresh(DateTimeOffset now, SignInLockoutOptions options) =>
        Count >= options.Failures || now - FirstFailedAt >= options.Window;
}

/// <summary>
/// Issue 14: <see cref="Failures"/> failed sign-ins under one name within <see cref="Window"/> lock the name for
/// <see cref="Duration"/> — the right password and the right second-factor code are refused the same way as a
/// wrong one until then. Attempts while locked neither count nor extend the lock.
/// </summary>
public sealed class SignInLockoutOptions
{
    public const string Section = "Identity:SignIn";

    public int Failures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
