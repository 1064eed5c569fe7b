using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracts.Identity;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;
using static Procurement.Identity.Tests.PortalFlow;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14 item 4: ended access ends Identity's own sessions. A login cookie, an authorization code or a refresh token
/// of a user since deactivated, locked, given a new security stamp (a password reset), or whose access was revoked after
/// it was issued, signs nobody in and mints no token; one issued after the change does. Identity hears its own
/// <see cref="UserAccessRevoked"/> as every service does, and its access tokens from before are refused there too.
/// </summary>
public sealed class Ended_access_ends_identitys_sessions : IAsyncLifetime
{
    // Frozen: "issued before" and "issued after" are a second apart, whatever the steps take.
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await IdentityHosts.StartDevelopmentAsync(IdentityHosts.DevelopmentSettings(configure: builder =>
            builder.Services.AddSingleton<TimeProvider>(_clock)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_cookie_of_a_user_deactivated_since_sends_the_browser_to_the_login_page_and_issues_no_code()
    {
        using var browser = new Browser(_host);
        await SignInAsync(browser, "agency1");
        (await AuthorizeAsync(browser)).Should().Be("code", "the cookie signs in while the user is active");

        await ChangeUserAsync("agency1", (users, user) =>
        {
            user.DeactivatedAt = _clock.GetUtcNow();
            return users.UpdateAsync(user);
        });

        (await AuthorizeAsync(browser)).Should().Be("/account/login");
        (await AuthorizeAsync(browser, prompt: "none")).Should().Be("login_required");
    }

    [Fact]
    public async Task A_cookie_from_before_a_new_security_stamp_or_a_lockout_must_sign_in_again()
    {
        using var stamped = new Browser(_host);
        await SignInAsync(stamped, "agency2");
        await ChangeUserAsync("agency2", (users, user) => users.UpdateSecurityStampAsync(user));

        using var locked = new Browser(_host);
        await SignInAsync(locked, "agency3");
        await ChangeUserAsync("agency3", (users, user) => users.SetLockoutEndDateAsync(user, _clock.GetUtcNow().AddHours(1)));

        using var fresh = new Browser(_host);
        await SignInAsync(fresh, "agency2");

        (await AuthorizeAsync(stamped)).Should().Be("/account/login");
        (await AuthorizeAsync(locked)).Should().Be("/account/login");
        (await AuthorizeAsync(fresh)).Should().Be("code", "a cookie signed in under the new stamp");
    }

    [Fact]
    public async Task A_cookie_and_a_refresh_token_issued_before_a_revocation_are_refused_and_ones_issued_a_second_later_are_not()
    {
        using var before = new Browser(_host);
        var tokens = await TokensAsync(_host, before, "agency1");
        var user = DemoDirectory.UserNamed("agency1").Id;

        await RevokeAsync(user, _clock.GetUtcNow());
        await WaitForRevocationAsync(user);
        using var client = _host.CreateClient();
        var refreshed = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!);
        var cookieCode = await AuthorizeAsync(before);
        var oldAccess = await TokenClient.CallAsync(client, IdentityHosts.AnyCaller, tokens.AccessToken);

        _clock.Advance(TimeSpan.FromSeconds(1));
        using var after = new Browser(_host);
        var again = await TokensAsync(_host, after, "agency1");
        var refreshedAgain = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, again.RefreshToken!);

        refreshed.Error.Should().Be("invalid_grant", "a refresh token from before the revocation would carry the old roles on");
        cookieCode.Should().Be("/account/login");
        oldAccess.Should().Be(HttpStatusCode.Unauthorized, "Identity refuses the earlier access token as every service does");
        refreshedAgain.Status.Should().Be(HttpStatusCode.OK, refreshedAgain.ErrorDescription);
        (await TokenClient.CallAsync(client, IdentityHosts.AnyCaller, refreshedAgain.AccessToken)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_refresh_token_from_before_a_password_reset_mints_nothing()
    {
        using var browser = new Browser(_host);
        var tokens = await TokensAsync(_host, browser, "agency2");
        await ChangeUserAsync("agency2", (users, user) => users.ChangePasswordAsync(user, DemoDirectory.Password, "a-new-long-passphrase-2026"));

        using var client = _host.CreateClient();
        var refreshed = await TokenClient.RefreshAsync(client, IdentityModule.PortalClientId, tokens.RefreshToken!);

        refreshed.Error.Should().Be("invalid_grant");
    }

    [Fact]
    public async Task An_authorization_code_issued_before_a_deactivation_mints_nothing()
    {
        using var browser = new Browser(_host);
        await SignInAsync(browser, "agency3");
        var (verifier, challenge) = Pkce();
        var code = await CodeAsync(browser, challenge);
        await ChangeUserAsync("agency3", (users, user) =>
        {
            user.DeactivatedAt = _clock.GetUtcNow();
            return users.UpdateAsync(user);
        });

        using var client = _host.CreateClient();
        var tokens = await TokenClient.RequestAsync(client, CodeExchange(code, verifier));

        tokens.Error.Should().Be("invalid_grant");
    }

    /// <summary>Where <c>/connect/authorize</c> sends the browser: "code" when it issued one, the login path, or the error.</summary>
    private static async Task<string> AuthorizeAsync(Browser browser, string? prompt = null)
    {
        using var response = await browser.GetAsync(AuthorizeUri(Pkce().Challenge, "s", extra: prompt is null ? null : new() { ["prompt"] = prompt }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = Resolve(response.Headers.Location!);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        return query.ContainsKey("code") ? "code" : query.TryGetValue("error", out var error) ? error.ToString() : location.AbsolutePath;
    }

    private async Task ChangeUserAsync(string userName, Func<UserManager<ProcurementUser>, ProcurementUser, Task<IdentityResult>> change)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ProcurementUser>>();
        var result = await change(users, (await users.FindByNameAsync(userName))!);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>As Identity's users API does: the event in Identity's own outbox.</summary>
    private async Task RevokeAsync(Guid user, DateTimeOffset at)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        db.Raise(new UserAccessRevoked(user, "role_revoked", at));
        await db.SaveChangesAsync();
    }

    private Task WaitForRevocationAsync(Guid user) =>
        Poll.UntilAsync(() => Task.FromResult(_host.Services.GetRequiredService<RevokedUsers>().RevokedAt(user.ToString()) is not null),
            "Identity's own consumer to learn the revocation", TimeSpan.FromSeconds(20));
}
