using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Testing;
using static Procurement.Identity.Tests.PortalFlow;

namespace Procurement.Identity.Tests;

/// <summary>A portal session that outlives its first tokens: an hour-long access token, a 20-minute identity token.</summary>
public sealed class Signing_out_long_after_signing_in : IAsyncLifetime
{
    private readonly MovableClock _clock = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(configure: builder => builder.Services.AddSingleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_refresh_token_outlives_the_access_token_and_an_expired_identity_token_still_ends_the_session()
    {
        using var browser = new Browser(_host);
        using var client = _host.CreateClient();
        var tokens = await TokensAsync(_host, browser, "purchaser");

        _clock.Advance(TimeSpan.FromHours(2));

        // (The services' JWT validation reads the system clock, so the expiry is checked on the token itself.)
        tokens.Access.ValidTo.Should().BeBefore(_clock.GetUtcNow().UtcDateTime);
        tokens.Identity.ValidTo.Should().BeBefore(_clock.GetUtcNow().UtcDateTime);
        var refreshed = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!);
        refreshed.Status.Should().Be(HttpStatusCode.OK, refreshed.ErrorDescription);
        (await TokenClient.CallAsync(client, IdentityHosts.PurchasersOnly, refreshed.AccessToken)).Should().Be(HttpStatusCode.OK);

        // The portal signs out with the identity token it got at sign-in, long expired by now.
        using var endSession = await browser.GetAsync(new Uri(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.IdentityToken,
            ["post_logout_redirect_uri"] = PostLogoutRedirectUri,
        }), UriKind.Relative));
        using var authorize = await browser.GetAsync(AuthorizeUri(Pkce().Challenge, "s-8"));

        endSession.StatusCode.Should().Be(HttpStatusCode.Redirect);
        endSession.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(PostLogoutRedirectUri);
        Resolve(authorize.Headers.Location!).AbsolutePath.Should().Be("/account/login");
    }
}
