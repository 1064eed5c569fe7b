using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Persistence;

public static class DatabaseExtensions
{
    public const string ProviderSetting = "Database:Provider";
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary>
    /// Registers a service's DbContext on the configured provider (<c>Database:Provider</c>: Sqlite by
    /// default, SqlServer in production with <c>ConnectionStrings:{name}</c>), its readiness check and
    /// the outbox dispatcher that publishes what it commits.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase<TContext>(this WebApplicationBuilder builder, string name)
        where TContext : DbContext
    {
        var provider = builder.Configuration[ProviderSetting] ?? Sqlite;
        var connectionString = builder.Configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == Sqlite
                ? $"Data Source={Path.Combine(DataDirectory.Resolve(builder.Configuration), name.ToLowerInvariant() + ".db")}"
                : throw new InvalidOperationException($"ConnectionStrings:{name} is required for {provider}.");
        }

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddDbContext<TContext>((services, options) =>
        {
            UseProvider(options, provider, connectionString);
            options.AddInterceptors(services.GetRequiredService<OutboxSignal>());
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(name.ToLowerInvariant() + "-db", tags: [HealthTags.Ready]);
        builder.Services.AddSingleton(new DatabaseRegistration(typeof(TContext), provider));
        if (typeof(ServiceDbContext).IsAssignableFrom(typeof(TContext)))
        {
            builder.Services.AddSingleton(typeof(Microsoft.Extensions.Hosting.IHostedService),
                typeof(OutboxDispatcher<>).MakeGenericType(typeof(TContext)));
        }

        return builder;
    }

    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, string provider, string connectionString) =>
        provider switch
        {
            Sqlite => options.UseSqlite(connectionString),
            SqlServer => options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()),
            _ => throw new InvalidOperationException($"{ProviderSetting} must be {Sqlite} or {SqlServer}, not '{provider}'."),
        };

    /// <summary>
    /// Brings every registered database to the current model before the host serves requests:
    /// SQL Server by its checked-in migrations; SQLite (embedded mode and tests) by creating the schema.
    /// </summary>
    public static async Task InitialiseDatabasesAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseExtensions));
        foreach (var registration in app.Services.GetServices<DatabaseRegistration>().DistinctBy(r => r.ContextType))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            if (registration.Provider == SqlServer)
            {
                await context.Database.MigrateAsync();
            }
            else
            {
                await context.Database.EnsureCreatedAsync();
                // WAL lets readers go on while one writer commits: the embedded mode has many of both.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            logger.LogInformation("Database for {Context} is ready ({Provider})", registration.ContextType.Name, registration.Provider);
        }
    }

    /// <summary>Releases pooled SQLite connections so the files can be deleted (tests, shutdown).</summary>
    public static void ReleaseSqliteFiles() => SqliteConnection.ClearAllPools();
}

public sealed record DatabaseRegistration(Type ContextType, string Provider);

public static class HealthTags
{
    public const string Ready = "ready";
}
