namespace Procurement.Identity.Domain;

/// <summary>What happened in a <see cref="SecurityEvent"/>.</summary>
public enum SecurityEventKind
{
    /// <summary>A sign-in completed (after the second factor when there is one).</summary>
    SignedIn,

    /// <summary>A wrong password, or an unknown user name.</summary>
    SignInFailed,

    /// <summary>The failure that locked the user name.</summary>
    LockedOut,

    /// <summary>A sign-in refused because the user name is locked (the password was not looked at).</summary>
    RefusedWhileLockedOut,

    SecondFactorSucceeded,
    SecondFactorFailed,

    /// <summary>A recovery code was used instead of the authenticator's code (and is now spent).</summary>
    RecoveryCodeUsed,

    /// <summary>The user set up an authenticator app and received recovery codes.</summary>
    TwoFactorEnrolled,

    /// <summary>Someone asked for a password reset link under a user name or e-mail (known or not; mailed only to a known, joined, active user).</summary>
    PasswordResetRequested,

    /// <summary>A password was replaced through a reset link.</summary>
    PasswordResetCompleted,
}

/// <summary>
/// One row of the security log an auditor reads: every sign-in, failure, lockout and second-factor event, with the
/// user name as typed (normalised; the user's id when the name is known), the client's address, user agent and
/// OAuth client. Rows are only ever added.
/// </summary>
/// <remarks>The security log is a log of its own (sign-ins, failures, lockouts), read by auditors on its page: its rows are not copied onto the audit chain, which would otherwise hold every sign-in.</remarks>
[ServiceDefaults.Audit.NotAudited]
public sealed class SecurityEvent
{
    public const int UserNameMaxLength = 256;
    public const int ClientIpMaxLength = 45;
    public const int UserAgentMaxLength = 512;
    public const int ClientIdMaxLength = 100;

    private SecurityEvent()
    {
    }

    public SecurityEvent(DateTimeOffset at, SecurityEventKind kind, Guid? userId, string? userName, string? clientIp, string? userAgent, string? clientId)
    {
        At = at;
        Kind = kind;
        UserId = userId;
        UserName = Cut(userName, UserNameMaxLength);
        ClientIp = Cut(clientIp, ClientIpMaxLength);
        UserAgent = Cut(userAgent, UserAgentMaxLength);
        ClientId = Cut(clientId, ClientIdMaxLength);
    }

    /// <summary>Given by the database in the order rows are written: the tie-break of events in the same millisecond.</summary>
    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public SecurityEventKind Kind { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>The user name typed, normalised (upper case), whether or not such a user exists.</summary>
    public string? UserName { get; private set; }

    public string? ClientIp { get; private set; }

    public string? UserAgent { get; private set; }

    public string? ClientId { get; private set; }

    private static string? Cut(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
