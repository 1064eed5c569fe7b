using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Procurement.Identity.Data;
using Procurement.Identity.Endpoints;
using Procurement.Rules;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// A district's Identity outside Development on a clock the test moves (10:00 in Shanghai, the day after tomorrow), its mail going to
/// a real SMTP server in the test process, with the first administrator created: where agencies register themselves.
/// </summary>
public sealed class RegistrationDistrict : IAsyncDisposable
{
    /// <summary>10:00 in Shanghai, the day after tomorrow (a fake clock moves only forward from the real time).</summary>
    public static readonly DateTimeOffset Start = ShanghaiDays.At(ShanghaiDays.Date(DateTimeOffset.UtcNow).AddDays(2), TimeSpan.FromHours(10));

    /// <summary>The Shanghai day of <see cref="Start"/>, as messages write it.</summary>
    public static string StartDay => ShanghaiDays.Date(Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>When the first confirmation link expires, as the mails and pages write it (Beijing time).</summary>
    public static string ConfirmBy => ShanghaiDays.Show(Start.AddHours(72));

    /// <summary>Two codes that pass both check characters (GB 32100-2015, GB 11714).</summary>
    public const string CodeA = "52440305MJL100017G";
    public const string CodeB = "52440305MJL100025B";

    public const string Password = "Harbour-Lantern-Quietly-42";

    private readonly DirectoryHost _directory = new();

    private RegistrationDistrict(TestSmtpServer smtp) => Smtp = smtp;

    public TestSmtpServer Smtp { get; }

    public RunningHost Host { get; private set; } = null!;

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _directory.Clock;

    public Guid OperatorId { get; private set; }

    public static async Task<RegistrationDistrict> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var district = new RegistrationDistrict(await TestSmtpServer.StartAsync());
        district.Clock.SetUtcNow(Start);
        var values = district._directory.Settings.Values;
        values["Mail:From"] = "政府采购平台 <noreply@district.example>";
        values["Mail:Smtp:Host"] = "127.0.0.1";
        values["Mail:Smtp:Port"] = district.Smtp.Port.ToString(CultureInfo.InvariantCulture);
        values["Mail:Smtp:UseTls"] = "None";
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        await district._directory.FirstAdministratorAsync();
        district.Host = await district._directory.HostAsync();
        district.OperatorId = await district.InDbAsync(db => db.Organisations.Select(o => o.Id).SingleAsync());
        return district;
    }

    /// <summary>A complete registration; each field may be replaced.</summary>
    public static Dictionary<string, object?> Registration(
        string code = CodeA, string userName = "liming", string email = "liming@sunshine.example", string? registrationDate = "2015-06-01",
        string password = Password, string phone = "13800138000") => new()
    {
        ["name"] = "深圳市福田区阳光社会工作服务中心",
        ["unifiedSocialCreditCode"] = code,
        ["registrationAuthority"] = "深圳市福田区民政局",
        ["legalRepresentative"] = "王芳",
        ["registrationDate"] = registrationDate,
        ["address"] = "深圳市福田区深南大道 1 号",
        ["contactName"] = "李明",
        ["contactPhone"] = phone,
        ["email"] = email,
        ["userName"] = userName,
        ["password"] = password,
    };

    public HttpClient Anonymous(string language = "en")
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public HttpClient As(string role, Guid? organisationId = null, string language = "en")
    {
        var client = Host.CreateClient().WithToken(TestTokens.For(Host.Services, role, organisationId ?? OperatorId, "ops", userId: "user-of-ops"));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async Task<HttpResponseMessage> RegisterAsync(Dictionary<string, object?> registration, string language = "en")
    {
        using var client = Anonymous(language);
        return await client.PostAsJsonAsync(AgencyRegistrationEndpoints.ApiPath, registration);
    }

    /// <summary>Registers and answers the organisation id and the confirmation link mailed to the contact.</summary>
    public async Task<(Guid OrganisationId, Uri Link)> RegisteredAsync(Dictionary<string, object?>? registration = null)
    {
        registration ??= Registration();
        var email = (string)registration["email"]!;
        // Counted before registering: the mail outbox may deliver before the answer is read.
        var before = Smtp.MailsTo(email).Count;
        using var response = await RegisterAsync(registration);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisationId").GetGuid();
        await Poll.UntilAsync(() => Task.FromResult(Smtp.MailsTo(email).Count > before), $"a confirmation mail to {email}", TimeSpan.FromSeconds(20));
        return (id, TestSmtpServer.LinksIn(Smtp.MailsTo(email)[^1]).Distinct().Single());
    }

    /// <summary>The one link of a mail (its Chinese and English parts carry the same).</summary>
    public static Uri LinkIn(MimeMessage mail) => TestSmtpServer.LinksIn(mail).Distinct().Single();

    public async Task<MimeMessage> LatestMailToAsync(string address, int alreadyThere)
    {
        await Poll.UntilAsync(() => Task.FromResult(Smtp.MailsTo(address).Count > alreadyThere), $"a new mail to {address}", TimeSpan.FromSeconds(20));
        return Smtp.MailsTo(address)[^1];
    }

    public async Task<T> InDbAsync<T>(Func<IdentityDb, Task<T>> read)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IdentityDb>());
    }

    /// <summary>The payloads of the outbox's events of <typeparamref name="T"/>.</summary>
    public Task<List<string>> EventsAsync<T>() =>
        InDbAsync(db => ((IOutboxContext)db).OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == OutboxMessage.TypeName(typeof(T))).Select(m => m.Payload).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await _directory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
