using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Identity;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>The cache's rule on each side of its edge, without a host.</summary>
public sealed class The_revoked_users_cache
{
    private static readonly DateTimeOffset Revocation = new(2026, 12, 5, 8, 0, 0, 500, TimeSpan.Zero);

    [Fact]
    public void Refuses_a_token_issued_in_an_earlier_second_or_the_same_second_and_accepts_one_from_the_next_second()
    {
        var revoked = new RevokedUsers();
        revoked.Revoke("u1", Revocation);

        revoked.Refuses("u1", Revocation.AddSeconds(-1)).Should().BeTrue();
        revoked.Refuses("u1", new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero)).Should().BeTrue("iat 08:00:00 cannot tell before from after 08:00:00.500");
        revoked.Refuses("u1", new DateTimeOffset(2026, 12, 5, 8, 0, 1, TimeSpan.Zero)).Should().BeFalse();
        revoked.Refuses("someone-else", Revocation.AddHours(-1)).Should().BeFalse();
        revoked.Refuses(null, Revocation.AddHours(-1)).Should().BeFalse();
    }

    [Fact]
    public void Keeps_the_latest_instant_whatever_order_revocations_arrive_in()
    {
        var revoked = new RevokedUsers();
        revoked.Revoke("u1", Revocation);
        revoked.Revoke("u1", Revocation.AddMinutes(-5));
        revoked.RevokedAt("u1").Should().Be(Revocation);
        revoked.Revoke("U1", Revocation.AddMinutes(5));
        revoked.RevokedAt("u1").Should().Be(Revocation.AddMinutes(5), "a user id is a GUID, whatever its letters' case");
    }

    [Fact]
    public void Each_service_database_has_a_queue_of_its_own_for_the_revocations()
    {
        var formatter = new KebabCaseEndpointNameFormatter("prefix", includeNamespace: true);

        var widgets = formatter.Consumer<UserAccessRevokedConsumer<WidgetDb>>();
        var composed = formatter.Consumer<UserAccessRevokedConsumer<ComposedDb>>();

        widgets.Should().NotBe(composed, "in the distributed mode two services sharing a queue would each get only some revocations");
        widgets.Should().Contain("widget-db");
    }
}

/// <summary>
/// A service host (the widgets) hears Identity's <see cref="UserAccessRevoked"/>, keeps it in its database and refuses
/// the user's earlier access tokens at once (401), accepts tokens issued after it, and still refuses them after a restart.
/// </summary>
public sealed class Revoked_users_tokens_are_refused : IAsyncLifetime
{
    private readonly string _folder = WidgetModule.TempFolder();
    private RunningHost _host = null!;

    /// <summary>One endpoint any signed-in caller may call.</summary>
    private static readonly ServiceModule WhoAmI = new("WhoAmI", _ => { }, app =>
        app.MapGet("/whoami", (HttpContext http) => http.User.FindFirst(ProcurementClaims.Subject)!.Value).RequireAuthorization(Policies.AnyUser));

    public async Task InitializeAsync() => _host = await StartAsync(keepData: true);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<RunningHost> StartAsync(bool keepData) =>
        TestHosts.StartAsync(new TestSettings { DataDirectory = _folder, KeepDataDirectory = keepData }, "widgets", WidgetModule.Module, WhoAmI);

    [Fact]
    public async Task A_token_issued_before_the_revocation_gets_401_and_one_issued_after_it_200()
    {
        var user = Guid.NewGuid();
        var revokedAt = Whole(DateTimeOffset.UtcNow.AddMinutes(-10));
        var before = Token(_host, user, revokedAt.AddMinutes(-20));
        var after = Token(_host, user, revokedAt.AddSeconds(1));
        (await StatusAsync(_host, before)).Should().Be(HttpStatusCode.OK, "nothing is revoked yet");

        await RaiseAsync(_host, new UserAccessRevoked(user, "deactivated", revokedAt));
        await Poll.UntilAsync(() => Task.FromResult(_host.Services.GetRequiredService<RevokedUsers>().RevokedAt(user.ToString()) == revokedAt),
            "the revocation in the host's cache", TimeSpan.FromSeconds(20));

        (await StatusAsync(_host, before)).Should().Be(HttpStatusCode.Unauthorized);
        (await StatusAsync(_host, after)).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(_host, Token(_host, Guid.NewGuid(), revokedAt.AddMinutes(-20)))).Should().Be(HttpStatusCode.OK, "another user's token");
        (await _host.InDbAsync(db => ((IOutboxContext)db).RevokedUsers.SingleAsync(r => r.UserId == user.ToString()))).RevokedAt.Should().Be(revokedAt);
    }

    [Fact]
    public async Task The_revocation_survives_a_restart_on_the_same_data_folder()
    {
        var user = Guid.NewGuid();
        var revokedAt = Whole(DateTimeOffset.UtcNow.AddMinutes(-10));
        await RaiseAsync(_host, new UserAccessRevoked(user, "role_revoked", revokedAt));
        await _host.EventuallyAsync(db => ((IOutboxContext)db).RevokedUsers.AnyAsync(r => r.UserId == user.ToString()), "the revocation saved");

        await _host.DisposeAsync();
        _host = await StartAsync(keepData: true);

        _host.Services.GetRequiredService<RevokedUsers>().RevokedAt(user.ToString()).Should().Be(revokedAt);
        (await StatusAsync(_host, Token(_host, user, revokedAt.AddMinutes(-1)))).Should().Be(HttpStatusCode.Unauthorized);
        (await StatusAsync(_host, Token(_host, user, revokedAt.AddMinutes(1)))).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_same_message_twice_and_an_older_one_later_keep_one_row_at_the_latest_instant()
    {
        var user = Guid.NewGuid();
        var latest = Whole(DateTimeOffset.UtcNow.AddMinutes(-1));
        var messageId = NewId.NextGuid();
        var bus = _host.Services.GetRequiredService<IBus>();
        await bus.Publish(new UserAccessRevoked(user, "deactivated", latest), context => context.MessageId = messageId);
        await bus.Publish(new UserAccessRevoked(user, "deactivated", latest), context => context.MessageId = messageId);
        await bus.Publish(new UserAccessRevoked(user, "password_reset", latest.AddHours(-1)));

        await _host.EventuallyAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == typeof(UserAccessRevokedConsumer<WidgetDb>).FullName)
            .ContinueWith(count => count.Result == 2), "both distinct messages handled");
        var rows = await _host.InDbAsync(db => ((IOutboxContext)db).RevokedUsers.Where(r => r.UserId == user.ToString()).ToListAsync());
        rows.Should().ContainSingle().Which.RevokedAt.Should().Be(latest);
        (await _host.InDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId))).Should().Be(1);
        _host.Services.GetRequiredService<RevokedUsers>().RevokedAt(user.ToString()).Should().Be(latest);
    }

    /// <summary>Whole seconds: SQLite keeps times to a tenth of a millisecond, so an exact instant compares equal after it.</summary>
    private static DateTimeOffset Whole(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private static string Token(RunningHost host, Guid user, DateTimeOffset issuedAt) =>
        TestTokens.For(host.Services, Roles.Purchaser, Guid.NewGuid(), userId: user.ToString(), issuedAt: issuedAt, lifetime: TimeSpan.FromHours(2));

    private static async Task<HttpStatusCode> StatusAsync(RunningHost host, string token)
    {
        using var client = host.CreateClient().WithToken(token);
        using var response = await client.GetAsync("/whoami");
        return response.StatusCode;
    }

    private static async Task RaiseAsync(RunningHost host, UserAccessRevoked revoked)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WidgetDb>();
        db.Raise(revoked);
        await db.SaveChangesAsync();
    }
}
