using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Procurement.Identity.Domain;

namespace Procurement.Identity.Data;

/// <summary>
/// Outside Development, Identity refuses to start while its database still holds a Development credential: a user of
/// the demo directory (every one shares the published password <c>Pass123$</c>), or the machine client's development
/// secret <c>machine-secret-dev</c>. A data folder or database carried over from Development is how they get there.
/// It runs after <see cref="IdentitySeeder"/>, so a secret configured for this start has already replaced the stored one.
/// </summary>
internal sealed partial class DevelopmentCredentialCheck(
    IServiceProvider services,
    IHostEnvironment environment,
    ILogger<DevelopmentCredentialCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<IdentityDb>();
        var findings = new List<string>();

        var demoUsers = await DemoUsersAsync(db, provider.GetRequiredService<IPasswordHasher<ProcurementUser>>(), cancellationToken);
        if (demoUsers.Count > 0)
        {
            findings.Add(
                $"The Identity database ({db.Database.GetDbConnection().DataSource}) holds {demoUsers.Count} demo user(s) of the Development demo "
                + $"directory ({string.Join(", ", demoUsers)}), whose password is published: delete them from the database (AspNetUsers, "
                + "ids de100000-…), or start from an Identity database that never ran in Development.");
        }

        var applications = provider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(IdentityModule.MachineClientId, cancellationToken) is { } machine
            && await applications.ValidateClientSecretAsync(machine, IdentitySettings.DevelopmentMachineClientSecret, cancellationToken))
        {
            findings.Add(
                $"The client {IdentityModule.MachineClientId} still has the development secret: set {IdentitySettings.MachineClientSecret} "
                + "to a secret of its own (it replaces the stored one at start).");
        }

        if (findings.Count > 0)
        {
            var message = "Identity refuses to start outside Development with a development credential. " + string.Join(" ", findings);
            LogRefused(message);
            throw new InvalidOperationException(message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The demo users present: by their fixed ids, or by their names while they keep the demo password.</summary>
    private static async Task<List<string>> DemoUsersAsync(IdentityDb db, IPasswordHasher<ProcurementUser> hasher, CancellationToken cancellationToken)
    {
        var ids = DemoDirectory.Users.Select(u => u.Id).ToList();
        var names = DemoDirectory.Users.Select(u => u.UserName.ToUpperInvariant()).ToList();
        var candidates = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || names.Contains(u.NormalizedUserName!))
            .ToListAsync(cancellationToken);
        return [.. candidates
            .Where(u => ids.Contains(u.Id)
                || (u.PasswordHash is { } hash && hasher.VerifyHashedPassword(u, hash, DemoDirectory.Password) != PasswordVerificationResult.Failed))
            .Select(u => u.UserName ?? u.Id.ToString())
            .Order(StringComparer.Ordinal)];
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private partial void LogRefused(string message);
}
