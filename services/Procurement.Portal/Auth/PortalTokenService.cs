using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Procurement.Portal.Auth;

/// <summary>
/// Hands out a session's access token, refreshing it with the refresh token before it expires (once per session at a
/// time), and revokes the refresh token at sign-out. Identity's endpoints come from its discovery document.
/// </summary>
public sealed partial class PortalTokenService(
    PortalTokenStore store,
    IHttpClientFactory http,
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    IOptions<PortalOptions> options,
    TimeProvider clock,
    ILogger<PortalTokenService> logger)
{
    public const string BackchannelClient = "procurement-portal-oidc";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _refreshing = new(StringComparer.Ordinal);

    /// <summary>The session's access token, fresh for at least <see cref="PortalOptions.RefreshBefore"/>; null when the session has ended.</summary>
    public async Task<string?> GetAccessTokenAsync(string? sessionId, CancellationToken cancellationToken)
    {
        var tokens = store.Find(sessionId);
        if (tokens is null || sessionId is null)
        {
            return null;
        }

        if (!IsDue(tokens))
        {
            return tokens.AccessToken;
        }

        var gate = _refreshing.GetOrAdd(sessionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            tokens = store.Find(sessionId);
            if (tokens is null)
            {
                return null;
            }

            if (!IsDue(tokens))
            {
                return tokens.AccessToken;
            }

            var (refreshed, refused) = await RefreshAsync(tokens, cancellationToken);
            if (refused)
            {
                // Identity refused the grant (the user was deactivated, lost a role, reset the password): the session is
                // over now, and the user sees the sign-in page; the access token it holds is refused by the services too.
                store.Remove(sessionId);
                return null;
            }

            if (refreshed is null)
            {
                // Identity did not answer: still usable until it expires; after that the session is over.
                return tokens.ExpiresAt > clock.GetUtcNow() ? tokens.AccessToken : null;
            }

            store.Replace(sessionId, refreshed);
            return refreshed.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Ends the session on the portal's side and revokes its refresh token at Identity.</summary>
    public async Task<PortalTokens?> EndAsync(string? sessionId, CancellationToken cancellationToken)
    {
        var tokens = store.Remove(sessionId);
        _refreshing.TryRemove(sessionId ?? "", out _);
        if (tokens?.RefreshToken is null)
        {
            return tokens;
        }

        var configuration = await ConfigurationAsync(cancellationToken);
        if (configuration.AdditionalData.TryGetValue("revocation_endpoint", out var endpoint) && endpoint is string revocation)
        {
            using var response = await http.CreateClient(BackchannelClient).PostAsync(revocation, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = tokens.RefreshToken,
                ["token_type_hint"] = "refresh_token",
                ["client_id"] = options.Value.ClientId,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRevocationRefused(logger, (int)response.StatusCode);
            }
        }

        return tokens;
    }

    private bool IsDue(PortalTokens tokens) => tokens.ExpiresAt - options.Value.RefreshBefore <= clock.GetUtcNow();

    /// <summary>The refreshed tokens; or none, <c>Refused</c> when Identity refused the grant itself (RFC 6749 §5.2 <c>invalid_grant</c>).</summary>
    private async Task<(PortalTokens? Tokens, bool Refused)> RefreshAsync(PortalTokens tokens, CancellationToken cancellationToken)
    {
        if (tokens.RefreshToken is null)
        {
            return (null, false);
        }

        var configuration = await ConfigurationAsync(cancellationToken);
        using var response = await http.CreateClient(BackchannelClient).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.RefreshToken,
            ["client_id"] = options.Value.ClientId,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogRefreshRefused(logger, (int)response.StatusCode);
            return (null, response.StatusCode == System.Net.HttpStatusCode.BadRequest && await IsInvalidGrantAsync(response, cancellationToken));
        }

        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = json.RootElement;
        var accessToken = root.GetProperty("access_token").GetString()!;
        var expiresIn = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 3600;
        return (new PortalTokens(
            accessToken,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : tokens.RefreshToken,
            root.TryGetProperty("id_token", out var id) ? id.GetString() : tokens.IdToken,
            clock.GetUtcNow().AddSeconds(expiresIn)), false);
    }

    private static async Task<bool> IsInvalidGrantAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                && error.GetString() == "invalid_grant";
        }
        catch (JsonException)
        {
            // Not the token endpoint's JSON (a proxy's error page): not a refusal of the grant.
            return false;
        }
    }

    private async Task<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration> ConfigurationAsync(CancellationToken cancellationToken)
    {
        var manager = oidc.Get(PortalAuthentication.OidcScheme).ConfigurationManager
            ?? throw new InvalidOperationException("The portal's OpenID Connect handler has no configuration manager.");
        return await manager.GetConfigurationAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity did not refresh a portal session's access token ({Status}); an invalid grant ends the session now, anything else when the token expires.")]
    private static partial void LogRefreshRefused(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity refused to revoke a portal session's refresh token ({Status}).")]
    private static partial void LogRevocationRefused(ILogger logger, int status);
}
