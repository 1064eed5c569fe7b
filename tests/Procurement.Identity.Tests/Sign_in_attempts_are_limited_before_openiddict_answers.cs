using System.Net;
using System.Text.Json;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Identity behind the edge, as the embedded host runs it: OpenIddict answers most token requests itself,
/// during authentication, so the sign-in limit (per user name at an address, and per address) runs before it.
/// </summary>
public sealed class Sign_in_attempts_are_limited_before_openiddict_answers : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = IdentityHosts.DevelopmentSettings();
        _host = await TestHosts.StartAsync(new TestSettings
        {
            DataDirectory = settings.DataDirectory,
            Values =
            {
                ["Edge:RateLimit:SignInPermitLimitPerUserName"] = "2",
                ["Edge:RateLimit:SignInPermitLimitPerAddress"] = "6",
            },
            Configure = builder => builder.AddEdgeProtection(),
            ConfigureApp = app => app.UseEdgeProtection(),
        }, "identity", IdentityModule.Module);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Guessing_at_one_name_is_refused_with_429_while_another_name_signs_in()
    {
        using var client = _host.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            (await TokenClient.PasswordAsync(client, "treasury", "Wrong123$")).Error.Should().Be("invalid_grant");
        }

        var refused = await SendAsync(client, new() { ["grant_type"] = "password", ["client_id"] = IdentityModule.CliClientId, ["username"] = "treasury", ["password"] = "Wrong123$" });
        var other = await TokenClient.PasswordAsync(client, "agency1", Domain.DemoDirectory.Password);

        refused.Status.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Type.Should().Be("urn:procurement:problem:too_many_requests");
        other.Status.Should().Be(HttpStatusCode.OK, other.ErrorDescription);
    }

    [Fact]
    public async Task Requests_openiddict_refuses_itself_are_counted_too()
    {
        using var client = _host.CreateClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "no-such-client", ["client_secret"] = "guess" };

        var first = await SendAsync(client, form);
        await SendAsync(client, form);
        var third = await SendAsync(client, form);

        first.Status.Should().Be(HttpStatusCode.Unauthorized, "OpenIddict refuses an unknown client (invalid_client)");
        third.Status.Should().Be(HttpStatusCode.TooManyRequests, "a client id is counted like a user name");
    }

    private static async Task<(HttpStatusCode Status, string? Type)> SendAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null);
    }
}
