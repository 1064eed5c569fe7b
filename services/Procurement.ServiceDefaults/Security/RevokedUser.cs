namespace Procurement.ServiceDefaults.Security;

/// <summary>
/// A user whose access ended (Identity's <c>UserAccessRevoked</c>): every service keeps one row per user, the latest
/// instant, and refuses access tokens of that user issued at or before it. Kept in every service's database beside
/// the outbox and inbox, so a restart does not forget it while such a token could still be valid.
/// </summary>
public sealed class RevokedUser
{
    public const int UserIdMaxLength = 64;

    /// <summary>The user id, as the token's <c>sub</c>.</summary>
    public string UserId { get; set; } = "";

    /// <summary>Tokens issued at or before this instant are refused.</summary>
    public DateTimeOffset RevokedAt { get; set; }
}
