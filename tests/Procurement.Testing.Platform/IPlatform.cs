using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Procurement.Testing.Platform;

/// <summary>
/// The whole platform as a user reaches it: one public entry (the gateway, or the embedded Standalone
/// host) that serves both the token endpoint and the APIs. End-to-end tests and acceptance steps talk
/// only to this, so the same test runs against either mode.
/// </summary>
public interface IPlatform : IAsyncDisposable
{
    /// <summary><c>embedded</c> or <c>distributed</c>.</summary>
    string Mode { get; }

    /// <summary>A client pointed at the public entry, without a token.</summary>
    HttpClient CreateClient();

    /// <summary>Signs a demo user in with the password grant of <c>procurement-cli</c> and returns the access token.</summary>
    Task<string> SignInAsync(string userName, string password = PlatformSignIn.DemoPassword);
}

public static class PlatformSignIn
{
    public const string DemoPassword = "Pass123$";
    public const string CliClientId = "procurement-cli";
    public const string Scope = "openid api";

    /// <summary>The password grant on <c>/connect/token</c> through <paramref name="client"/>; throws with the answer when refused.</summary>
    public static async Task<string> PasswordGrantAsync(HttpClient client, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = CliClientId,
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = Scope,
        });
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()
               ?? throw new InvalidOperationException($"The token answer for {userName} has no access_token: {body}");
    }

    /// <summary>A client of the public entry that sends <paramref name="accessToken"/> as a bearer token.</summary>
    public static HttpClient CreateClient(this IPlatform platform, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var client = platform.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Signs <paramref name="userName"/> in and returns a client that carries the token.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this IPlatform platform, string userName, string password = DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.CreateClient(await platform.SignInAsync(userName, password));
    }

    /// <summary>Reads a JSON answer, failing with the status and body when it cannot.</summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)
                   ?? throw new InvalidOperationException("null");
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.ReasonPhrase}: cannot read {typeof(T).Name} from {body}", exception);
        }
    }

    /// <summary>Posts JSON (web defaults: camelCase).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, JsonSerializerOptions.Web);
}
