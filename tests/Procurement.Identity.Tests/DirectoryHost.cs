using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Identity.Accounts;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// A district's Identity outside Development (Production, keys configured, the portal registered) on a data folder of
/// its own, with a clock the test moves: the command line runs on the folder, then the host serves it.
/// </summary>
public sealed class DirectoryHost : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://procurement.district.example/";

    private readonly List<RunningHost> _hosts = [];

    /// <param name="fakeClock">The host's clock is <see cref="Clock"/> (it moves only when told); otherwise the system's.</param>
    public DirectoryHost(bool fakeClock = true)
    {
        Settings = new TestSettings
        {
            Environment = "Production",
            DataDirectory = IdentityHosts.NewDataDirectory(),
            KeepDataDirectory = true,
            Values = IdentityHosts.ProductionSettings(new()
            {
                [IdentitySettings.PortalRedirectUris] = PortalFlow.RedirectUri,
                [Accounts.PublicBaseUrl.Setting] = PublicBaseUrl,
            }).Values,
            Configure = fakeClock ? builder => builder.Services.AddSingleton<TimeProvider>(Clock) : null,
        };
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestSettings Settings { get; }

    /// <summary><c>admin create</c> on this folder, as the hosts' Program.cs runs it: the exit code and what it wrote.</summary>
    public async Task<(int ExitCode, string Output, string Error)> AdminAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommand.RunAsync(
            ["admin", .. args], _ => ProcurementHost.Build(TestHosts.CreateBuilder(Settings), "identity", IdentityModule.Module), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Creates the first administrator and returns the printed link.</summary>
    public async Task<Uri> FirstAdministratorAsync(string userName = "ops")
    {
        var (exitCode, output, error) = await AdminAsync("create", "--username", userName, "--email", $"{userName}@district.example");
        exitCode.Should().Be(AdminCommand.Succeeded, error);
        return LinkIn(output);
    }

    public static Uri LinkIn(string output) => PortalSignIn.SetPasswordLinkIn(output);

    /// <summary>The host serving the folder (started once, on the first call).</summary>
    public async Task<RunningHost> HostAsync()
    {
        if (_hosts.Count == 0)
        {
            _hosts.Add(await TestHosts.StartAsync(Settings, "identity", IdentityModule.Module));
        }

        return _hosts[0];
    }

    /// <summary>The link's path and query on the test server (the public address is the district's, the server is local).</summary>
    public static Uri Local(Uri link) => PortalSignIn.Local(link);

    /// <summary>Opens the link, types the password twice and posts the form.</summary>
    public static Task<HttpResponseMessage> SetPasswordAsync(Browser browser, Uri link, string password, string? confirmation = null) =>
        PortalSignIn.SetPasswordAsync(browser, link, password, confirmation);

    /// <summary>Signs in on the login page (setting up the second factor when asked) and trades an authorization code for the portal's tokens.</summary>
    public static async Task<TokenAnswer> SignInAsync(RunningHost host, string userName, string password) =>
        (await PortalSignIn.SignInAsync(host, userName, password, redirectUri: PortalFlow.RedirectUri)).Tokens;

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        new TestSettings { DataDirectory = Settings.DataDirectory }.DeleteDataDirectory();
    }
}
