namespace Procurement.Identity.Domain;

/// <summary>What a one-time link lets its holder do.</summary>
public enum OneTimeLinkPurpose
{
    /// <summary>Set the first password of an account created without one (the first administrator, an invited user).</summary>
    SetPassword,

    /// <summary>Replace a forgotten password.</summary>
    ResetPassword,

    /// <summary>Confirm the e-mail address a self-registering agency's contact gave.</summary>
    ConfirmEmail,
}

/// <summary>
/// A link mailed or printed once: only the SHA-256 of its token is stored, so the database never holds a
/// usable link. It is used at most once and not after <see cref="ExpiresAt"/>.
/// </summary>
public sealed class OneTimeLink
{
    public const int HashLength = 32;

    public OneTimeLink(Guid id, OneTimeLinkPurpose purpose, Guid userId, byte[] tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        if (tokenHash is not { Length: HashLength })
        {
            throw new ArgumentException("A one-time link stores the SHA-256 of its token.", nameof(tokenHash));
        }

        Id = id;
        Purpose = purpose;
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public OneTimeLinkPurpose Purpose { get; private set; }

    public Guid UserId { get; private set; }

    public byte[] TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Not used yet and not expired at <paramref name="now"/> (valid up to, not at, <see cref="ExpiresAt"/>).</summary>
    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;
}
