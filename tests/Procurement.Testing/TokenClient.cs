using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Procurement.Testing;

/// <summary>What the token endpoint answered: the tokens, or the OAuth error.</summary>
public sealed record TokenAnswer(HttpStatusCode Status, string? AccessToken, string? IdentityToken, string? RefreshToken, string? Error, string? ErrorDescription)
{
    public JsonWebToken Access => new(AccessToken ?? throw new InvalidOperationException($"No access token: {Error} {ErrorDescription}"));

    public JsonWebToken Identity => new(IdentityToken ?? throw new InvalidOperationException($"No identity token: {Error} {ErrorDescription}"));
}

/// <summary>Calls the token endpoint the way a client library would: a form post, JSON back.</summary>
public static class TokenClient
{
    public const string Issuer = "http://127.0.0.1:5080/";

    /// <summary>Identity's clients (IdentityModule's ids, as a client library is configured with them).</summary>
    public const string PortalClientId = "procurement-portal";
    public const string MachineClientId = "procurement-machine";
    public const string CliClientId = "procurement-cli";

    public static Task<TokenAnswer> PasswordAsync(HttpClient client, string userName, string password, string scope = "openid api offline_access") =>
        RequestAsync(client, new()
        {
            ["grant_type"] = "password",
            ["client_id"] = CliClientId,
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = scope,
        });

    public static Task<TokenAnswer> ClientCredentialsAsync(HttpClient client, string secret, string scope = "api") =>
        RequestAsync(client, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = MachineClientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });

    public static Task<TokenAnswer> RefreshAsync(HttpClient client, string clientId, string refreshToken) =>
        RequestAsync(client, new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = clientId,
            ["refresh_token"] = refreshToken,
        });

    /// <summary>RFC 7009 revocation as a public client does it: the token and the client id, no secret.</summary>
    public static async Task<HttpStatusCode> RevokeAsync(HttpClient client, string clientId, string token, string tokenTypeHint = "refresh_token")
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["token"] = token,
            ["token_type_hint"] = tokenTypeHint,
        });
        using var response = await client.PostAsync(new Uri("/connect/revoke", UriKind.Relative), content);
        return response.StatusCode;
    }

    public static async Task<TokenAnswer> RequestAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        string? Read(string name) => json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new TokenAnswer(response.StatusCode, Read("access_token"), Read("id_token"), Read("refresh_token"), Read("error"), Read("error_description"));
    }

    public static async Task<HttpStatusCode> CallAsync(HttpClient client, string path, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public static IReadOnlyList<string> Values(this JsonWebToken token, string type) =>
        [.. token.Claims.Where(c => c.Type == type).Select(c => c.Value)];

    public static string? Value(this JsonWebToken token, string type) =>
        token.Claims.FirstOrDefault(c => c.Type == type)?.Value;
}
