using System.Data.Common;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Cryptography;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;

namespace Procurement.ServiceDefaults.Persistence;

public static class DatabaseExtensions
{
    public const string ProviderSetting = "Database:Provider";
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary>
    /// Registers a service's DbContext on the configured provider (<c>Database:Provider</c>: Sqlite by
    /// default, SqlServer in production with <c>ConnectionStrings:{name}</c>), its readiness check (the
    /// database answers and its schema is not behind: <see cref="DatabaseSchemaCheck{TContext}"/>), and for a context
    /// with an outbox the dispatcher that publishes what it commits and the consumer that keeps Identity's
    /// <c>UserAccessRevoked</c> in it (<see cref="UserAccessRevokedConsumer{TContext}"/>, one <see cref="RevokedUsers"/> per host).
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

        builder.Services.TryAddSingleton<OutboxSignals>();

        // Pooled: a request rents a context whose options and EF Core's own services are built once, instead of building
        // both for every request (7 % of a deadline rush's CPU). The options may use singletons only. A context keeping
        // state of its own clears it when it is given back (see BiddingDb's Dispose).
        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            UseProvider(options, provider, connectionString);
            options.AddInterceptors(services.GetRequiredService<OutboxSignals>().For<TContext>(), CommandCounter.Instance);
        });
        builder.Services.TryAddSingleton<DatabaseSchemaStatus>();
        builder.Services.AddHealthChecks().AddTypeActivatedCheck<DatabaseSchemaCheck<TContext>>(
            name.ToLowerInvariant() + "-db", failureStatus: null, tags: [HealthTags.Ready], args: name);
        builder.Services.AddSingleton(new DatabaseRegistration(typeof(TContext), provider, name, ContextFactory.Create<TContext>));
        if (typeof(IOutboxContext).IsAssignableFrom(typeof(TContext)))
        {
            builder.Services.AddSingleton(typeof(Microsoft.Extensions.Hosting.IHostedService),
                typeof(OutboxDispatcher<>).MakeGenericType(typeof(TContext)));

            // Every state change it saves is an audit entry (written by the save itself, AggregateEvents), linked into the
            // service's hash chain after the commit.
            builder.Services.AddCryptoSuites(builder.Configuration);
            var chain = typeof(ServiceAuditChain<>).MakeGenericType(typeof(TContext));
            builder.Services.TryAddSingleton(chain);
            builder.Services.AddSingleton<IAuditChain>(services => (IAuditChain)services.GetRequiredService(chain));
            builder.Services.AddSingleton(typeof(Microsoft.Extensions.Hosting.IHostedService),
                typeof(AuditChainer<>).MakeGenericType(typeof(TContext)));

            // Each day's head of the chain goes to the open data's daily root (Tendering collects them).
            builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
                .Validate(o => ClockJob.IsValidInterval(o.DayCloseCheckInterval),
                    $"Audit:DayCloseCheckInterval must be above zero and at most {ClockJob.LongestInterval.TotalDays} days.")
                .ValidateOnStart();
            typeof(ClockJobs).GetMethod(nameof(ClockJobs.AddClockJob))!
                .MakeGenericMethod(typeof(AuditDayCloser<>).MakeGenericType(typeof(TContext)))
                .Invoke(null, [builder.Services]);

            // The events the open data is made of, sent once more after an upgrade (its backfill; Tendering collects them).
            var sender = typeof(OpenData.OpenDataHistorySender<>).MakeGenericType(typeof(TContext));
            builder.Services.TryAddSingleton(sender);
            builder.Services.AddSingleton(typeof(Microsoft.Extensions.Hosting.IHostedService), services => services.GetRequiredService(sender));

            // Every service refuses a revoked user's earlier tokens: this database keeps the revocations it hears of.
            builder.Services.TryAddSingleton<RevokedUsers>();
            var consumer = typeof(UserAccessRevokedConsumer<>).MakeGenericType(typeof(TContext));
            builder.AddConsumers(bus => bus.AddConsumer(consumer));
        }

        return builder;
    }

    /// <summary>The provider, and the migration set that is its own (<see cref="ProviderMigrationsAssembly"/>).</summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        _ = provider switch
        {
            Sqlite => options.UseSqlite(connectionString),
            SqlServer => options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()),
            _ => throw new InvalidOperationException($"{ProviderSetting} must be {Sqlite} or {SqlServer}, not '{provider}'."),
        };
        // A model may differ by provider (SQLite stores times as binary), so the cached model must too; a context
        // that is not a ServiceDbContext (Identity's) gets this here.
        options.ReplaceService<IModelCacheKeyFactory, ProviderAwareModelCacheKeyFactory>();
        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    /// <summary>
    /// Brings every registered database to the current model before the host serves requests, by the
    /// provider's migrations (SQLite keeps WAL). A SQLite file made before migrations is adopted when it is the
    /// baseline, refused otherwise (<see cref="SqliteBaseline"/>). A database that cannot be brought up to date
    /// is logged and reported by <c>/health/ready</c>, naming the service; the other services still start.
    /// </summary>
    public static async Task InitialiseDatabasesAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseExtensions));
        var status = app.Services.GetRequiredService<DatabaseSchemaStatus>();
        foreach (var registration in app.Services.GetServices<DatabaseRegistration>().DistinctBy(r => r.ContextType))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            try
            {
                if (!context.Database.GetMigrations().Any())
                {
                    // A context without a migration set of its own (the test doubles of ServiceDefaults' tests) is
                    // made from its model; every service's context has one for each provider.
                    await context.Database.EnsureCreatedAsync();
                }
                else if (registration.Provider == Sqlite && await SqliteBaseline.RefusalAsync(context, registration) is { } refusal)
                {
                    status.Refuse(registration.ContextType, refusal);
                    logger.LogError("Database of {Service} refused: {Refusal}", registration.Name, refusal);
                    continue;
                }
                else
                {
                    await context.Database.MigrateAsync();
                }

                if (context is IOutboxContext outbox)
                {
                    // Before the host serves a request: a token revoked before a restart stays refused.
                    await app.Services.GetRequiredService<RevokedUsers>().LoadAsync(outbox);
                }

                if (registration.Provider == Sqlite)
                {
                    // WAL lets readers go on while one writer commits: the embedded mode has many of both.
                    await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                }
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException)
            {
                status.Refuse(registration.ContextType, $"migration failed: {exception.Message}");
                logger.LogCritical(exception, "Database of {Service} could not be migrated", registration.Name);
                continue;
            }

            logger.LogInformation("Database of {Service} is ready ({Provider})", registration.Name, registration.Provider);
        }
    }

    /// <summary>Releases pooled SQLite connections so the files can be deleted (tests, shutdown).</summary>
    public static void ReleaseSqliteFiles() => SqliteConnection.ClearAllPools();
}

/// <summary>A service's database: its context, provider, service name, and how to make a context on another connection.</summary>
public sealed record DatabaseRegistration(Type ContextType, string Provider, string Name, Func<string, string, DbContext> CreateContext);

public static class HealthTags
{
    public const string Ready = "ready";
}
