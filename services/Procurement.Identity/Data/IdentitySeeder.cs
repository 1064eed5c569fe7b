using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Procurement.Identity.Data;

/// <summary>
/// Brings roles and clients to what the configuration says, and in Development adds the demo district.
/// It runs when the host starts, after the databases were created or migrated, and is idempotent: it
/// creates only what it does not find, and brings an existing client to what this version wants (its
/// redirect URIs and secret from configuration, its permissions and requirements from the code), so a data
/// folder made by an older version or under other settings takes the change at the next start.
/// </summary>
internal sealed partial class IdentitySeeder(
    IServiceProvider services,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<IdentitySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await SeedRolesAsync(provider.GetRequiredService<RoleManager<IdentityRole<Guid>>>());
        await SeedClientsAsync(provider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        if (environment.IsDevelopment())
        {
            await SeedDemoDistrictAsync(provider.GetRequiredService<IdentityDb>(), provider.GetRequiredService<UserManager<ProcurementUser>>(), cancellationToken);
        }

        await ListOrganisationsAsync(provider.GetRequiredService<IdentityDb>(), provider.GetRequiredService<TimeProvider>(), cancellationToken);
    }

    /// <summary>
    /// Every organisation but the agencies, for the open data's party names: at each start, so that names given before the
    /// open data kept them (an upgraded data folder) reach it too. The consumer keeps the latest name per id.
    /// </summary>
    private static async Task ListOrganisationsAsync(IdentityDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.Agency)
            .OrderBy(o => o.Id).ToListAsync(cancellationToken);
        if (organisations.Count > 0)
        {
            db.Raise(new Contracts.Identity.OrganisationsListed([.. organisations.Select(o => o.Listed())], clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        foreach (var role in (string[])[.. Roles.All, Roles.OrganisationAdmin])
        {
            if (await roles.FindByNameAsync(role) is null)
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }), $"role {role}");
            }
        }
    }

    private async Task SeedClientsAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var redirectUris = IdentitySettings.Uris(configuration, environment, IdentitySettings.PortalRedirectUris, IdentitySettings.DevelopmentPortalRedirectUris);
        if (redirectUris.Count == 0)
        {
            LogClientSkipped(IdentityModule.PortalClientId, IdentitySettings.PortalRedirectUris);
        }
        else
        {
            var portal = new OpenIddictApplicationDescriptor
            {
                ClientId = IdentityModule.PortalClientId,
                DisplayName = "Procurement portal",
                ClientType = ClientTypes.Public,
                ApplicationType = ApplicationTypes.Web,
                ConsentType = ConsentTypes.Implicit,
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.Endpoints.EndSession,
                    Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Roles,
                    Permissions.Prefixes.Scope + IdentityModule.ApiScope,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            portal.RedirectUris.UnionWith(redirectUris);
            portal.PostLogoutRedirectUris.UnionWith(IdentitySettings.Uris(configuration, environment,
                IdentitySettings.PortalPostLogoutRedirectUris, IdentitySettings.DevelopmentPortalPostLogoutRedirectUris));
            await EnsureClientAsync(applications, portal, cancellationToken);
        }

        var machineSecret = IdentitySettings.MachineSecret(configuration, environment);
        if (machineSecret is null)
        {
            LogClientSkipped(IdentityModule.MachineClientId, IdentitySettings.MachineClientSecret);
        }
        else
        {
            await EnsureClientAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = IdentityModule.MachineClientId,
                ClientSecret = machineSecret,
                DisplayName = "Procurement machine client",
                ClientType = ClientTypes.Confidential,
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + IdentityModule.ApiScope,
                },
            }, cancellationToken);
        }

        if (!environment.IsDevelopment())
        {
            // The password grant exists in Development only (IdentityModule allows the flow there alone, whatever the
            // settings); the client permitted it goes too when a Development folder is started outside Development.
            if (await applications.FindByClientIdAsync(IdentityModule.CliClientId, cancellationToken) is { } cli)
            {
                await applications.DeleteAsync(cli, cancellationToken);
                LogDevelopmentClientRemoved(IdentityModule.CliClientId);
            }
        }
        else
        {
            await EnsureClientAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = IdentityModule.CliClientId,
                DisplayName = "Procurement CLI (Development only)",
                ClientType = ClientTypes.Public,
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.Password,
                    Permissions.GrantTypes.RefreshToken,
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Roles,
                    Permissions.Prefixes.Scope + IdentityModule.ApiScope,
                },
            }, cancellationToken);
        }
    }

    private async Task EnsureClientAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor wanted, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(wanted.ClientId!, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(wanted, cancellationToken);
            LogClientCreated(wanted.ClientId!);
            return;
        }

        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, cancellationToken);
        var secretChanged = wanted.ClientSecret is not null
            && !await applications.ValidateClientSecretAsync(existing, wanted.ClientSecret, cancellationToken);
        if (!secretChanged && current.RedirectUris.SetEquals(wanted.RedirectUris)
            && current.PostLogoutRedirectUris.SetEquals(wanted.PostLogoutRedirectUris)
            && current.Permissions.SetEquals(wanted.Permissions)
            && current.Requirements.SetEquals(wanted.Requirements))
        {
            return;
        }

        Replace(current.RedirectUris, wanted.RedirectUris);
        Replace(current.PostLogoutRedirectUris, wanted.PostLogoutRedirectUris);
        Replace(current.Permissions, wanted.Permissions);
        Replace(current.Requirements, wanted.Requirements);
        // The stored secret is a hash; the descriptor's plain secret replaces it only when given.
        current.ClientSecret = secretChanged ? wanted.ClientSecret : null;
        await applications.UpdateAsync(existing, current, cancellationToken);
        LogClientUpdated(wanted.ClientId!);
    }

    private static void Replace<T>(HashSet<T> current, HashSet<T> wanted)
    {
        current.Clear();
        current.UnionWith(wanted);
    }

    /// <summary>The demo users who are also their organisation's administrator (org-admin), to try invitations with.</summary>
    internal static readonly IReadOnlyList<string> DemoOrganisationAdmins = ["purchaser", "agency1"];

    private async Task SeedDemoDistrictAsync(IdentityDb db, UserManager<ProcurementUser> users, CancellationToken cancellationToken)
    {
        var known = await db.Organisations.Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var organisation in DemoDirectory.Organisations.Where(o => !known.Contains(o.Id)))
        {
            db.Organisations.Add(new Organisation(organisation.Id, organisation.Name, organisation.Kind, organisation.UnifiedSocialCreditCode));
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var demo in DemoDirectory.Users)
        {
            var user = await users.FindByNameAsync(demo.UserName);
            if (user is null)
            {
                // The published demo password is shorter than the password policy allows: it is hashed here rather than
                // set through the policy, which applies to every password a person chooses.
                user = new ProcurementUser(demo.Id, demo.UserName, demo.DisplayName, demo.OrganisationId);
                user.PasswordHash = DemoPasswordHash(users.PasswordHasher, user);
                Check(await users.CreateAsync(user), $"demo user {demo.UserName}");
                Check(await users.AddToRoleAsync(user, demo.Role), $"role of demo user {demo.UserName}");
            }

            // Also on a data folder seeded before the role existed.
            if (DemoOrganisationAdmins.Contains(demo.UserName) && !await users.IsInRoleAsync(user, Roles.OrganisationAdmin))
            {
                Check(await users.AddToRoleAsync(user, Roles.OrganisationAdmin), $"org-admin role of demo user {demo.UserName}");
            }
        }

        LogDemoDistrictReady(DemoDirectory.Users.Count);
    }

    private static string? s_demoPasswordHash;

    /// <summary>
    /// The demo password's hash, made once per process and given to every demo user: hashing is slow on purpose (about
    /// 70 ms each), and every Development start of a fresh folder seeds fourteen demo users. They share a password
    /// that is published, so one salt for all of them gives nothing away.
    /// </summary>
    private static string DemoPasswordHash(IPasswordHasher<ProcurementUser> hasher, ProcurementUser user) =>
        s_demoPasswordHash ??= hasher.HashPassword(user, DemoDirectory.Password);

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {ClientId} created")]
    private partial void LogClientCreated(string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {ClientId} updated from configuration")]
    private partial void LogClientUpdated(string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientId} not created: {Setting} is not configured")]
    private partial void LogClientSkipped(string clientId, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientId} (password grant, Development only) removed: this host does not run in Development")]
    private partial void LogDevelopmentClientRemoved(string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo district ready: {Count} demo users (Development only)")]
    private partial void LogDemoDistrictReady(int count);
}
