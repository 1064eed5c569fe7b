using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Accounts;

/// <summary>
/// Issues and redeems one-time links: a token of 256 random bits (base64url in the link), of which only the
/// SHA-256 is stored. A link is redeemed at most once and only before it expires; an unknown, used or expired
/// token is told apart from nothing else (<see cref="FindUsableAsync"/> answers null for all three).
/// </summary>
public sealed class OneTimeLinks(IdentityDb db, TimeProvider clock)
{
    public const int TokenBytes = 32;

    /// <summary>How long an invitation or a set-password link stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    /// <summary>
    /// How long a password reset link stays valid: 2 hours. Whoever asks for a reset is at the screen now (unlike an
    /// invited person, who may read the mail days later), and a mailbox read by someone else should hold a link that
    /// replaces the password for as short a time as is usable.
    /// </summary>
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);

    /// <summary>Stores a new link for <paramref name="userId"/> (saved with the context's other changes) and returns its token, shown once.</summary>
    public string Issue(OneTimeLinkPurpose purpose, Guid userId, TimeSpan? lifetime = null)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = clock.GetUtcNow();
        db.OneTimeLinks.Add(new OneTimeLink(Guid.CreateVersion7(), purpose, userId, Hash(token), now, now + (lifetime ?? Lifetime)));
        return token;
    }

    /// <summary>The link of <paramref name="token"/> if it is for <paramref name="purpose"/>, unused and not expired; otherwise null.</summary>
    public async Task<OneTimeLink?> FindUsableAsync(string? token, OneTimeLinkPurpose purpose, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }

        var hash = Hash(token!);
        var link = await db.OneTimeLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link is not null && link.Purpose == purpose && link.IsUsableAt(clock.GetUtcNow()) ? link : null;
    }

    /// <summary>
    /// Marks the link used, in SQL and only if it is still unused and unexpired, so two redemptions racing each
    /// other cannot both succeed: true for the one that did.
    /// </summary>
    public async Task<bool> TryUseAsync(OneTimeLink link, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var used = await db.OneTimeLinks
            .Where(l => l.Id == link.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now), cancellationToken);
        return used == 1;
    }

    /// <summary>Marks every unused link of <paramref name="userId"/> for <paramref name="purpose"/> used (a new one replaces them).</summary>
    public Task<int> VoidAsync(Guid userId, OneTimeLinkPurpose purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.OneTimeLinks
            .Where(l => l.UserId == userId && l.Purpose == purpose && l.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now), cancellationToken);
    }

    /// <summary>The public address of a link: <c>{base}/account/set-password?token=…</c>.</summary>
    public static Uri Address(Uri publicBaseUrl, string path, string token) =>
        new(new Uri(publicBaseUrl.AbsoluteUri.TrimEnd('/') + "/"), path.TrimStart('/') + QueryString.Create("token", token).ToUriComponent());

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));

    private static bool LooksLikeToken(string? token) =>
        token is { Length: > 0 and <= 128 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>Where links point: <c>Identity:PublicBaseUrl</c>, else the issuer (<c>Auth:Issuer</c>), else the Standalone's address.</summary>
public static class PublicBaseUrl
{
    public const string Setting = "Identity:PublicBaseUrl";

    public static Uri Of(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = configuration[TokenKeys.IssuerSetting];
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            value = TokenKeys.DefaultIssuer;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new InvalidOperationException($"{Setting} must be an absolute http(s) address, not '{value}'.");
    }
}
