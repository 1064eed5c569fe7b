using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Procurement.Portal.Auth;

namespace Procurement.Portal.Tests.Sessions;

/// <summary>
/// The session's tokens live on the portal's server; an API call asks <see cref="PortalTokenService"/> for the access
/// token, which refreshes it at Identity's token endpoint once it is within <see cref="PortalOptions.RefreshBefore"/> of
/// expiring — once, however many calls ask at the same moment — and keeps the rotated refresh token.
/// </summary>
public sealed class The_portal_refreshes_a_sessions_token_before_it_expires
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero));
    private readonly TokenEndpoint _identity = new();
    private readonly PortalTokenStore _store;
    private readonly PortalTokenService _tokens;

    public The_portal_refreshes_a_sessions_token_before_it_expires()
    {
        _store = new PortalTokenStore(_clock);
        _tokens = new PortalTokenService(_store, new Factory(_identity), new OidcOptions(), Options.Create(new PortalOptions { Authority = "http://id.test/" }),
            _clock, NullLogger<PortalTokenService>.Instance);
    }

    [Fact]
    public async Task A_token_far_from_expiry_is_handed_out_without_asking_Identity()
    {
        var session = _store.Add(new PortalTokens("access-1", "refresh-1", "id-1", _clock.GetUtcNow().AddHours(1)), TimeSpan.FromHours(8));
        _clock.Advance(TimeSpan.FromMinutes(30));

        (await _tokens.GetAccessTokenAsync(session, CancellationToken.None)).Should().Be("access-1");
        _identity.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_token_within_two_minutes_of_expiry_is_refreshed_once_for_concurrent_calls_and_the_rotated_refresh_token_kept()
    {
        var session = _store.Add(new PortalTokens("access-1", "refresh-1", "id-1", _clock.GetUtcNow().AddHours(1)), TimeSpan.FromHours(8));
        _clock.Advance(TimeSpan.FromMinutes(59));

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _tokens.GetAccessTokenAsync(session, CancellationToken.None)));

        answers.Should().AllBe("access-2");
        _identity.Requests.Should().ContainSingle().Which.Should().Contain("grant_type=refresh_token").And.Contain("refresh_token=refresh-1")
            .And.Contain("client_id=procurement-portal");
        _store.Find(session)!.RefreshToken.Should().Be("refresh-2");
        _store.Find(session)!.ExpiresAt.Should().Be(_clock.GetUtcNow().AddHours(1));
    }

    [Fact]
    public async Task When_Identity_refuses_the_grant_the_session_is_over_at_once()
    {
        _identity.Refuse = true;
        var session = _store.Add(new PortalTokens("access-1", "refresh-1", "id-1", _clock.GetUtcNow().AddHours(1)), TimeSpan.FromHours(8));

        _clock.Advance(TimeSpan.FromMinutes(59));
        (await _tokens.GetAccessTokenAsync(session, CancellationToken.None)).Should().BeNull("the user was deactivated, lost a role or reset the password");
        _store.Find(session).Should().BeNull();

        var user = new PortalUser(new SignedIn(session), _tokens);
        await FluentActions.Awaiting(() => user.AccessTokenAsync(CancellationToken.None)).Should().ThrowAsync<PortalSessionEndedException>(
            "the page sends the user to the sign-in page");
    }

    [Fact]
    public async Task When_Identity_does_not_answer_the_refresh_the_token_serves_until_it_expires_and_then_the_session_is_over()
    {
        _identity.Unavailable = true;
        var session = _store.Add(new PortalTokens("access-1", "refresh-1", "id-1", _clock.GetUtcNow().AddHours(1)), TimeSpan.FromHours(8));

        _clock.Advance(TimeSpan.FromMinutes(59));
        (await _tokens.GetAccessTokenAsync(session, CancellationToken.None)).Should().Be("access-1");

        _clock.Advance(TimeSpan.FromMinutes(2));
        (await _tokens.GetAccessTokenAsync(session, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_revokes_its_refresh_token_at_Identity()
    {
        var session = _store.Add(new PortalTokens("access-1", "refresh-1", "id-1", _clock.GetUtcNow().AddHours(1)), TimeSpan.FromHours(8));

        var ended = await _tokens.EndAsync(session, CancellationToken.None);

        ended!.IdToken.Should().Be("id-1");
        _store.Find(session).Should().BeNull();
        (await _tokens.GetAccessTokenAsync(session, CancellationToken.None)).Should().BeNull();
        _identity.Requests.Should().ContainSingle().Which.Should().StartWith("http://id.test/connect/revoke").And.Contain("token=refresh-1");
    }

    [Fact]
    public async Task An_idle_session_ends_after_its_lifetime()
    {
        var session = _store.Add(new PortalTokens("access-1", "refresh-1", "id-1", _clock.GetUtcNow().AddHours(1)), TimeSpan.FromHours(8));

        _clock.Advance(TimeSpan.FromHours(8));

        _store.Find(session).Should().BeNull();
    }

    /// <summary>Identity's token and revocation endpoints as the portal's back channel reaches them.</summary>
    private sealed class TokenEndpoint : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public bool Refuse { get; set; }

        public bool Unavailable { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add($"{request.RequestUri} {body}");
            }

            if (Unavailable)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>upstream down</html>", Encoding.UTF8, "text/html") };
            }

            if (Refuse)
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error":"invalid_grant"}""", Encoding.UTF8, "application/json") };
            }

            await Task.Delay(50, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"access_token":"access-2","refresh_token":"refresh-2","id_token":"id-2","expires_in":3600}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    /// <summary>The circuit's signed-in person, whose portal cookie names <paramref name="session"/>.</summary>
    private sealed class SignedIn(string session) : Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider
    {
        public override Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(new System.Security.Claims.ClaimsPrincipal(
                new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(PortalAuthentication.SessionClaim, session)], "portal"))));
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class OidcOptions : IOptionsMonitor<OpenIdConnectOptions>
    {
        private readonly OpenIdConnectOptions _options = new()
        {
            ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration
            {
                TokenEndpoint = "http://id.test/connect/token",
                AdditionalData = { ["revocation_endpoint"] = "http://id.test/connect/revoke" },
            }),
        };

        public OpenIdConnectOptions CurrentValue => _options;

        public OpenIdConnectOptions Get(string? name) => _options;

        public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
    }
}
