using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Procurement.Identity;
using Procurement.Identity.Accounts;
using Procurement.ServiceDefaults.Security;
using Procurement.Standalone;
using Xunit;

namespace Procurement.Testing.Platform;

/// <summary>
/// A freshly installed district: the whole Standalone (every module in one process, SQLite on an empty data folder, the
/// in-memory bus) in Production — no demo users, no password grant, its keys, sealing key and pepper configured as a
/// district configures them, a second factor for purchasers, treasury and administrators — sending its mail to a real
/// SMTP server in the test process. The operations team's <c>admin create</c> runs on the same folder
/// (<see cref="AdminAsync"/>); the host starts on the first <see cref="StartAsync"/>. An xunit fixture as it is.
/// </summary>
public class ProductionPlatform : IAsyncLifetime
{
    public const string MachineClientSecret = "a-production-machine-secret";

    private readonly bool _kestrel;
    private EmbeddedPlatform? _platform;
    private TestSettings? _settings;
    private TestSmtpServer? _mail;

    /// <summary>On the test server.</summary>
    public ProductionPlatform()
        : this(kestrel: false)
    {
    }

    /// <param name="kestrel">On loopback Kestrel (a real browser's cookies and redirects) rather than the test server.</param>
    protected ProductionPlatform(bool kestrel) => _kestrel = kestrel;

    /// <summary>The district's mail server: every mail the platform sent, to read and follow.</summary>
    public TestSmtpServer Mail => _mail ?? throw new InvalidOperationException("The fixture is not initialised.");

    public TestSettings Settings => _settings ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The running host (null before the first <see cref="StartAsync"/>).</summary>
    public RunningHost? Host => _platform?.Host;

    public async Task InitializeAsync()
    {
        _mail = await TestSmtpServer.StartAsync();
        _settings = new TestSettings
        {
            Environment = "Production",
            UseKestrel = _kestrel,
            Values = Values(_mail.Port),
        };
    }

    /// <summary>What a district configures: keys and secrets of its own, the portal's address, the SMTP server.</summary>
    public static Dictionary<string, string?> Values(int smtpPort)
    {
        using var rsa = RSA.Create(2048);
        var values = new Dictionary<string, string?>(PlatformDefaults.Values)
        {
            ["Messaging:Transport"] = "InMemory",
            [TokenKeys.SigningKeySetting] = rsa.ExportRSAPrivateKeyPem(),
            [TokenKeys.EncryptionKeySetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Bidding:SealingKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Contracting:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Bidding:IdNumberPepper"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [IdentitySettings.MachineClientSecret] = MachineClientSecret,
            [IdentitySettings.AllowHttp] = "true",
            [IdentitySettings.PortalRedirectUris] = PortalSignIn.RedirectUri,
            ["Mail:From"] = "政府采购平台 <noreply@district.example>",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:UseTls"] = "None",
            ["Mail:PollInterval"] = "00:00:00.200",
        };
        return values;
    }

    /// <summary>The Standalone as <c>dotnet run --project services/Procurement.Standalone</c> builds it, on these settings.</summary>
    public WebApplication Build() => StandaloneHost.Build(TestHosts.CreateBuilder(Settings));

    /// <summary><c>admin …</c> at the server's command line, as the Standalone's Program.cs runs it: the exit code and what it wrote.</summary>
    public async Task<(int ExitCode, string Output, string Error)> AdminAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommand.RunAsync(["admin", .. args], _ => Build(), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The host serving the folder (started once, on the first call).</summary>
    public async Task<RunningHost> StartAsync()
    {
        _platform ??= await EmbeddedPlatform.StartOnAsync(Settings);
        return _platform.Host;
    }

    /// <summary>A client of the started host carrying <paramref name="accessToken"/>.</summary>
    public async Task<HttpClient> ClientAsync(string? accessToken)
    {
        var client = (await StartAsync()).CreateClient();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
        else if (_settings is not null)
        {
            _settings.DeleteDataDirectory();
        }

        if (_mail is not null)
        {
            await _mail.DisposeAsync();
        }
    }
}
