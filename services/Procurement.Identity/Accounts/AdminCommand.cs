using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Accounts;

/// <summary>
/// <c>admin create --username ops --email ops@district.example [--force]</c>: the first administrator of a new
/// district, from the command line of the host that runs Identity (the Standalone or the Identity service). It
/// builds that host as it would serve (same configuration, data folder and database), applies the migrations,
/// creates the platform operator organisation if missing and the user in the role <c>admin</c> without a password,
/// and prints a one-time link to set it (<see cref="OneTimeLinks.Lifetime"/>). It refuses (exit code 2) while an
/// administrator exists, unless <c>--force</c>. It serves nothing and creates nothing else.
/// </summary>
public static class AdminCommand
{
    public const int Succeeded = 0;
    public const int Usage = 1;
    public const int Refused = 2;

    public const string PlatformOperatorName = "平台运营方 Platform operations";

    public static bool Matches(string[] args) =>
        args is [var first, ..] && string.Equals(first, "admin", StringComparison.OrdinalIgnoreCase);

    /// <param name="args">The process's arguments, starting with <c>admin</c>; what the command does not read goes to the host.</param>
    /// <param name="build">Builds the host as it would serve, from the arguments left for it (e.g. <c>--environment Production</c>).</param>
    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (Parse(args) is not { } command)
        {
            await error.WriteLineAsync(UsageText);
            return Usage;
        }

        await using var app = build(command.HostArgs);
        try
        {
            await app.InitialiseDatabasesAsync();
            await using var scope = app.Services.CreateAsyncScope();
            return await CreateAsync(scope.ServiceProvider, command, PublicBaseUrl.Of(app.Configuration), output, error);
        }
        finally
        {
            DatabaseExtensions.ReleaseSqliteFiles();
        }
    }

    private const string UsageText = """
        Usage: admin create --username <name> --email <address> [--force]
          Creates the platform's first administrator (role admin, organisation of kind PlatformOperator) without a password
          and prints a one-time link to set it, valid 72 hours. --force creates one even though an administrator exists.
        """;

    private static async Task<int> CreateAsync(IServiceProvider services, Command command, Uri baseUrl, TextWriter output, TextWriter error)
    {
        var db = services.GetRequiredService<IdentityDb>();
        if (db.Database.GetPendingMigrations().Any())
        {
            // InitialiseDatabasesAsync logs and reports a database it could not migrate instead of throwing.
            await error.WriteLineAsync("The Identity database could not be brought up to date; see the log above. Nothing was created.");
            return Refused;
        }

        var users = services.GetRequiredService<UserManager<ProcurementUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var clock = services.GetRequiredService<TimeProvider>();

        var administrators = await users.GetUsersInRoleAsync(Roles.Admin);
        if (administrators.Count > 0 && !command.Force)
        {
            await error.WriteLineAsync(
                $"Refused: an administrator already exists ({string.Join(", ", administrators.Select(a => a.UserName).Order(StringComparer.Ordinal))}). "
                + "An administrator invites further ones; to create another from the command line anyway, add --force.");
            return Refused;
        }

        if (await users.FindByNameAsync(command.UserName) is not null)
        {
            await error.WriteLineAsync($"Refused: the user name {command.UserName} is taken; choose another with --username.");
            return Refused;
        }

        // One transaction (run by the provider's execution strategy, which retries it whole on SQL Server).
        var (operations, token) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (await roles.FindByNameAsync(Roles.Admin) is null)
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(Roles.Admin) { Id = Guid.CreateVersion7() }), "the role admin");
            }

            var operations = await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationKind.PlatformOperator);
            if (operations is null)
            {
                operations = new Organisation(Guid.CreateVersion7(), PlatformOperatorName, OrganisationKind.PlatformOperator);
                db.Organisations.Add(operations);
                db.OrganisationAudit.Add(OrganisationHistory.Created(operations, actorId: null, CommandLineActor, clock.GetUtcNow()));
                await db.SaveChangesAsync();
            }

            var user = new ProcurementUser(Guid.CreateVersion7(), command.UserName, command.UserName, operations.Id) { Email = command.Email };
            Check(await users.CreateAsync(user), $"the user {command.UserName}");
            Check(await users.AddToRoleAsync(user, Roles.Admin), $"the role of {command.UserName}");
            var token = services.GetRequiredService<OneTimeLinks>().Issue(OneTimeLinkPurpose.SetPassword, user.Id);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return (operations, token);
        });

        var link = OneTimeLinks.Address(baseUrl, SetPasswordEndpoints.Path, token);
        await output.WriteLineAsync($"Administrator {command.UserName} <{command.Email}> created in {operations.Name} (role {Roles.Admin}, no password yet).");
        await output.WriteLineAsync($"Open this link once, within {OneTimeLinks.Lifetime.TotalHours:0} hours, to set the password:");
        await output.WriteLineAsync(link.AbsoluteUri);
        return Succeeded;
    }

    /// <summary>Who the audit names for changes made here.</summary>
    public const string CommandLineActor = "admin create (command line)";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Creating {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static Command? Parse(string[] args)
    {
        if (args.Length < 2 || !Matches(args) || !string.Equals(args[1], "create", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? userName = null, email = null;
        var force = false;
        var rest = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--username" when i + 1 < args.Length:
                    userName = args[++i];
                    break;
                case "--email" when i + 1 < args.Length:
                    email = args[++i];
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return string.IsNullOrWhiteSpace(userName) || userName.Length > 256 || userName.Any(char.IsWhiteSpace)
            || string.IsNullOrWhiteSpace(email) || !System.Net.Mail.MailAddress.TryCreate(email, out _)
            ? null
            : new Command(userName, email, force, [.. rest]);
    }

    private sealed record Command(string UserName, string Email, bool Force, string[] HostArgs);
}
