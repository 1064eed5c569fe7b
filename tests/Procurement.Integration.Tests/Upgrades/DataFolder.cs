using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Standalone;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Upgrades;

/// <summary>
/// A data folder of the embedded mode that outlives its hosts, as an operator's does: the test fills it with one
/// host, turns its databases back to an older state with EF Core's migrator, and starts the current host on it.
/// </summary>
public sealed class DataFolder : IAsyncDisposable
{
    /// <summary>The contract clock activates a signed contract on its start date; the tests do not wait a minute for it.</summary>
    private const string ContractClockInterval = "00:00:01";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "procurement-upgrades", Guid.NewGuid().ToString("N"));

    /// <summary>The six services' databases, as the embedded host registers them (filled by the first start).</summary>
    public IReadOnlyList<DatabaseRegistration> Databases { get; private set; } = [];

    /// <summary>Starts the embedded platform on this folder; the folder stays when it is disposed.</summary>
    public async Task<EmbeddedPlatform> StartAsync()
    {
        var platform = await EmbeddedPlatform.StartAsync(new Dictionary<string, string?>
        {
            [DataDirectory.Setting] = Path,
            ["Contracting:ClockCheckInterval"] = ContractClockInterval,
        });
        Databases = platform.Host.Services.GetServices<DatabaseRegistration>().DistinctBy(r => r.ContextType).ToList();
        return platform;
    }

    /// <summary>
    /// Builds the current embedded host on this folder and runs the real start-up migration, without starting it,
    /// so a test can look at the files as the host left them before anything else writes.
    /// </summary>
    public async Task<UpgradedHost> MigrateAsync()
    {
        var settings = new TestSettings
        {
            Values = new Dictionary<string, string?>
            {
                [DataDirectory.Setting] = Path,
                ["Messaging:Transport"] = "InMemory",
                ["Edge:RateLimit:PermitLimit"] = "100000",
                ["Contracting:ClockCheckInterval"] = ContractClockInterval,
            },
        };
        var app = StandaloneHost.Build(TestHosts.CreateBuilder(settings));
        await app.InitialiseDatabasesAsync();
        return new UpgradedHost(app, settings);
    }

    public string ConnectionString(DatabaseRegistration database) =>
        $"Data Source={System.IO.Path.Combine(Path, database.Name.ToLowerInvariant() + ".db")};Pooling=False";

    public DbContext Context(DatabaseRegistration database) => database.CreateContext(DatabaseExtensions.Sqlite, ConnectionString(database));

    /// <summary>The database's SQLite migrations, oldest first.</summary>
    public IReadOnlyList<string> Migrations(DatabaseRegistration database)
    {
        using var context = Context(database);
        return context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
    }

    public async Task<IReadOnlyList<string>> AppliedMigrationsAsync(DatabaseRegistration database)
    {
        await using var context = Context(database);
        return (await context.Database.GetAppliedMigrationsAsync()).ToList();
    }

    /// <summary>Reverts the database to <paramref name="migration"/> with EF Core's migrator (the later migrations' Down).</summary>
    public async Task MigrateDownToAsync(DatabaseRegistration database, string migration)
    {
        await using var context = Context(database);
        await context.GetService<IMigrator>().MigrateAsync(migration);
    }

    /// <summary>
    /// Turns the database into one made before migrations, as <c>EnsureCreated</c> left it: the baseline schema
    /// (the first SQLite migration), its rows, and no migration history.
    /// </summary>
    public async Task MakeLegacyBaselineAsync(DatabaseRegistration database)
    {
        await MigrateDownToAsync(database, Migrations(database)[0]);
        await ExecuteAsync(database, "DROP TABLE \"__EFMigrationsHistory\"; DROP TABLE IF EXISTS \"__EFMigrationsLock\";");
    }

    public async Task ExecuteAsync(DatabaseRegistration database, string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every table of the file, migration bookkeeping included.</summary>
    public async Task<IReadOnlyList<string>> TablesAsync(DatabaseRegistration database)
    {
        await using var connection = new SqliteConnection(ConnectionString(database));
        await connection.OpenAsync();
        return await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    }

    /// <summary>Every row of every table (migration bookkeeping aside), each as its columns' values.</summary>
    public async Task<IReadOnlyDictionary<string, List<Dictionary<string, string>>>> RowsAsync(DatabaseRegistration database)
    {
        await using var connection = new SqliteConnection(ConnectionString(database));
        await connection.OpenAsync();
        var rows = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var table in (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'")).Where(t => !t.StartsWith("sqlite_", StringComparison.Ordinal) && !t.StartsWith("__EFMigrations", StringComparison.Ordinal)))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var tableRows = new List<Dictionary<string, string>>();
            while (await reader.ReadAsync())
            {
                tableRows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i)
                    ? "null"
                    : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!));
            }

            rows[table] = tableRows;
        }

        return rows;
    }

    /// <summary>A row as one comparable line, limited to <paramref name="columns"/>.</summary>
    public static string Line(Dictionary<string, string> row, IEnumerable<string> columns) =>
        string.Join(", ", columns.Order(StringComparer.Ordinal).Select(c => $"{c}={row.GetValueOrDefault(c, "<no column>")}"));

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public ValueTask DisposeAsync()
    {
        DatabaseExtensions.ReleaseSqliteFiles();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>The current embedded host after its start-up migration, not yet serving.</summary>
public sealed class UpgradedHost(Microsoft.AspNetCore.Builder.WebApplication app, TestSettings settings)
{
    public Microsoft.AspNetCore.Builder.WebApplication App => app;

    public async Task<RunningHost> StartAsync()
    {
        await app.StartAsync();
        return new RunningHost(app, settings);
    }
}
