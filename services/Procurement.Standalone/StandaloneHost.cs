using System.Text;
using Procurement.Bidding;
using Procurement.Contracting;
using Procurement.Disbursement;
using Procurement.Evaluation;
using Procurement.Identity;
using Procurement.Identity.Domain;
using Procurement.Portal;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering;

namespace Procurement.Standalone;

/// <summary>
/// The whole platform in one process: Identity and the five services as modules of one host, with the
/// gateway's public routes unchanged (each module maps its own <c>/api/...</c> prefix) and the gateway's
/// edge (correlation id, per-client rate limit, body cap). SQLite files live in one data folder; events
/// travel on the in-memory bus through the same outboxes and inboxes as in the distributed mode.
/// </summary>
public static class StandaloneHost
{
    public static IReadOnlyList<ServiceModule> Modules { get; } =
    [
        IdentityModule.Module,
        TenderingModule.Module,
        BiddingModule.Module,
        EvaluationModule.Module,
        ContractingModule.Module,
        DisbursementModule.Module,
        PortalModule.Module,
    ];

    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The builder of the one command that runs the platform: the Development environment (demo users, development keys)
    /// unless <c>ASPNETCORE_ENVIRONMENT</c>, <c>DOTNET_ENVIRONMENT</c> or <c>--environment</c> names another. Set here rather than in a launch
    /// profile, so <c>dotnet run</c> prints nothing of its own before the platform's (or the simulator's JSON) output.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var named = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        var onCommandLine = args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
        return WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = string.IsNullOrWhiteSpace(named) && !onCommandLine ? Environments.Development : null,
        });
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        // Defaults in code, not in an appsettings.json: this host references every service project, and
        // a settings file here would be copied over theirs (and over the tests'). Configuration given on
        // the command line or in the environment (e.g. --urls, Messaging__Transport) still wins.
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration["urls"]) && string.IsNullOrWhiteSpace(configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        configuration[DataDirectory.Setting] ??= "data";
        configuration[DatabaseExtensions.ProviderSetting] ??= DatabaseExtensions.Sqlite;
        configuration["Messaging:Transport"] ??= "InMemory";

        // The issuer is this process's own address unless configured: tokens name where they came from.
        if (string.IsNullOrWhiteSpace(configuration[TokenKeys.IssuerSetting]))
        {
            configuration[TokenKeys.IssuerSetting] = (configuration["urls"] ?? DefaultUrl).Split(';')[0];
        }

        // The portal at "/" signs in against this host's Identity and calls this host's API, at the same public address.
        var publicAddress = configuration[TokenKeys.IssuerSetting]!.TrimEnd('/');
        configuration["Portal:Authority"] ??= publicAddress;
        configuration["Identity:Portal:RedirectUris"] ??= string.Join(';', LoopbackAliases(publicAddress).Select(a => a + "/signin-oidc"));
        configuration["Identity:Portal:PostLogoutRedirectUris"] ??= string.Join(';', LoopbackAliases(publicAddress).Select(a => a + "/signout-callback-oidc"));

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .AddFilter("MassTransit", LogLevel.Warning)
            .AddFilter("OpenIddict", LogLevel.Warning);
        builder.AddEdgeProtection();
        var app = ProcurementHost.Build(builder, "standalone", [.. Modules]);
        app.UseEdgeProtection();
        return app;
    }

    /// <summary>The address, and the same with <c>localhost</c> for <c>127.0.0.1</c> (or back): a person may type either.</summary>
    private static IEnumerable<string> LoopbackAliases(string address)
    {
        yield return address;
        if (address.Contains("://127.0.0.1", StringComparison.Ordinal))
        {
            yield return address.Replace("://127.0.0.1", "://localhost", StringComparison.Ordinal);
        }
        else if (address.Contains("://localhost", StringComparison.Ordinal))
        {
            yield return address.Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
        }
    }

    /// <summary>What a person needs to start: where the platform listens and who they can sign in as.</summary>
    public static string Banner(WebApplication app)
    {
        var text = new StringBuilder();
        var url = app.Urls.FirstOrDefault() ?? app.Configuration["urls"] ?? DefaultUrl;
        text.AppendLine();
        text.AppendLine("Procurement — 政府购买社会工作服务平台 — is running (embedded mode)");
        text.AppendLine($"  Portal:    {url.TrimEnd('/')}/   (sign in as purchaser, agency1, evaluator1 ... with the password below)");
        text.AppendLine($"  API:       {url.TrimEnd('/')}/api/...   OpenAPI: {url.TrimEnd('/')}/openapi/v1.json");
        text.AppendLine($"  Tokens:    POST {url.TrimEnd('/')}/connect/token");
        text.AppendLine($"  Data:      {DataDirectory.Resolve(app.Configuration)}");
        if (app.Environment.IsDevelopment())
        {
            text.AppendLine("  Demo logins (password Pass123$, client_id procurement-cli, grant_type password):");
            foreach (var user in DemoDirectory.Users)
            {
                text.AppendLine($"    {user.UserName,-11} {user.Role,-10} {user.OrganisationName}");
            }
        }
        else
        {
            text.AppendLine("  Not in Development: no demo users and no password grant.");
        }

        return text.ToString();
    }
}
