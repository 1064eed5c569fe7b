using System.Collections.Concurrent;

namespace Procurement.Portal.Auth;

/// <summary>The tokens of one portal session, kept on the portal's server, never sent to the browser.</summary>
public sealed record PortalTokens(string AccessToken, string? RefreshToken, string? IdToken, DateTimeOffset ExpiresAt);

/// <summary>
/// The portal sessions' tokens, by session id (a claim of the portal's cookie). In memory: a restart of the portal ends
/// its sessions' tokens, and the cookie is then refused, so the browser signs in again through Identity (silently while
/// Identity's own sign-in lasts). Sessions are dropped at sign-out and after <see cref="PortalOptions.SessionLifetime"/>.
/// </summary>
public sealed class PortalTokenStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    public string Add(PortalTokens tokens, TimeSpan lifetime)
    {
        Sweep();
        var id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        _sessions[id] = new Entry(tokens, clock.GetUtcNow() + lifetime, lifetime);
        return id;
    }

    public PortalTokens? Find(string? sessionId)
    {
        if (sessionId is null || !_sessions.TryGetValue(sessionId, out var entry))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (entry.Until <= now)
        {
            _sessions.TryRemove(sessionId, out _);
            return null;
        }

        _sessions[sessionId] = entry with { Until = now + entry.Lifetime };
        return entry.Tokens;
    }

    public void Replace(string sessionId, PortalTokens tokens)
    {
        if (_sessions.TryGetValue(sessionId, out var entry))
        {
            _sessions[sessionId] = entry with { Tokens = tokens, Until = clock.GetUtcNow() + entry.Lifetime };
        }
    }

    public PortalTokens? Remove(string? sessionId) =>
        sessionId is not null && _sessions.TryRemove(sessionId, out var entry) ? entry.Tokens : null;

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, entry) in _sessions)
        {
            if (entry.Until <= now)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }

    private sealed record Entry(PortalTokens Tokens, DateTimeOffset Until, TimeSpan Lifetime);
}
