using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// A district's Identity outside Development (<see cref="DirectoryHost"/>, clock the test moves) whose mail goes to a real
/// SMTP server in the test process, with its first administrator <c>ops</c> created and joined, and helpers to call the
/// users API as the platform admin or as an organisation's own administrator.
/// </summary>
public sealed class UsersDistrict : IAsyncDisposable
{
    public const string AdminPassword = "Harbour-Lantern-Quietly-42";
    public const string Password = "Willow-Tidepool-Granite-77";

    private UsersDistrict(DirectoryHost directory, TestSmtpServer smtp)
    {
        Directory = directory;
        Smtp = smtp;
    }

    public DirectoryHost Directory { get; }

    public TestSmtpServer Smtp { get; }

    public RunningHost Host { get; private set; } = null!;

    public Guid OperatorId { get; private set; }

    public Guid AdminId { get; private set; }

    public static async Task<UsersDistrict> StartAsync()
    {
        var smtp = await TestSmtpServer.StartAsync();
        var directory = new DirectoryHost();
        directory.Settings.Values["Mail:From"] = "采购平台 <noreply@district.example>";
        directory.Settings.Values["Mail:Smtp:Host"] = "127.0.0.1";
        directory.Settings.Values["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        directory.Settings.Values["Mail:Smtp:UseTls"] = "None";
        var district = new UsersDistrict(directory, smtp);
        var link = await directory.FirstAdministratorAsync();
        district.Host = await directory.HostAsync();
        using (var browser = new Browser(district.Host))
        using (var set = await DirectoryHost.SetPasswordAsync(browser, link, AdminPassword))
        {
            set.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var ops = await district.InDbAsync(db => db.Users.SingleAsync(u => u.UserName == "ops"));
        district.AdminId = ops.Id;
        district.OperatorId = ops.OrganisationId;
        return district;
    }

    /// <summary>A client whose token is the platform administrator <c>ops</c>'s.</summary>
    public HttpClient AsAdmin() => As(Roles.Admin, OperatorId, AdminId, "ops");

    /// <summary>A client with a token of <paramref name="role"/> in <paramref name="organisationId"/> for the user <paramref name="userId"/>.</summary>
    public HttpClient As(string role, Guid organisationId, Guid userId, string userName)
    {
        var client = Host.CreateClient().WithToken(TestTokens.For(Host.Services, role, organisationId, userName, userId: userId.ToString()));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    public async Task<Guid> OrganisationAsync(string name, OrganisationKind kind)
    {
        var organisation = kind == OrganisationKind.PurchasingUnit
            ? new Organisation(Guid.CreateVersion7(), name, kind, region: "深圳市福田区", divisionCode: "440304")
            : new Organisation(Guid.CreateVersion7(), name, kind);
        await InDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            return await db.SaveChangesAsync();
        });
        return organisation.Id;
    }

    /// <summary>Invites through the API and returns the answer (status and body).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> InviteAsync(HttpClient client, object invitation)
    {
        using var response = await client.PostAsJsonAsync(UserEndpoints.Path + "/invitations", invitation);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Invites as the admin, expecting 201, and returns the new user's id.</summary>
    public async Task<Guid> InvitedAsync(Guid organisationId, string email, string role, params string[] more)
    {
        using var admin = AsAdmin();
        var (status, body) = await InviteAsync(admin, new { organisationId, email, displayName = "Zhao Lei / 赵磊", roles = (string[])[role, .. more] });
        status.Should().Be(HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Invites, follows the mailed link and sets <see cref="Password"/>: a joined user.</summary>
    public async Task<Guid> JoinedAsync(Guid organisationId, string email, string role, params string[] more)
    {
        var id = await InvitedAsync(organisationId, email, role, more);
        using var browser = new Browser(Host);
        using var set = await DirectoryHost.SetPasswordAsync(browser, LinkIn(await MailAsync(email, 1)), Password);
        set.StatusCode.Should().Be(HttpStatusCode.OK);
        return id;
    }

    /// <summary>The <paramref name="count"/>th mail to <paramref name="address"/> (waiting for it).</summary>
    public async Task<MimeMessage> MailAsync(string address, int count)
    {
        await Poll.UntilAsync(() => Task.FromResult(Smtp.MailsTo(address).Count >= count), $"mail {count} to {address}", TimeSpan.FromSeconds(30));
        return Smtp.MailsTo(address)[count - 1];
    }

    /// <summary>The one link of a mail (in both its languages).</summary>
    public static Uri LinkIn(MimeMessage mail) => TestSmtpServer.LinksIn(mail).Distinct().Should().ContainSingle("the Chinese and the English part give the same link").Subject;

    /// <summary>The events of <typeparamref name="TEvent"/>'s type in Identity's outbox, as JSON.</summary>
    public async Task<List<JsonElement>> EventsAsync<TEvent>() =>
        (await InDbAsync(db => ((IOutboxContext)db).OutboxMessages.AsNoTracking().ToListAsync()))
        .Where(m => m.MessageType.Contains(typeof(TEvent).Name, StringComparison.Ordinal))
        .Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone())
        .ToList();

    public async Task<T> InDbAsync<T>(Func<IdentityDb, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IdentityDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await Directory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
