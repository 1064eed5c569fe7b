using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// SQLite files made before migrations (by <c>EnsureCreated</c>) have tables but no <c>__EFMigrationsHistory</c>.
/// Such a file is adopted when its schema is the first SQLite migration's (the baseline): the baseline is
/// recorded as applied and the later migrations run as for any other file. Any other legacy schema is refused,
/// with what differs, rather than migrated into errors.
/// </summary>
public static class SqliteBaseline
{
    private const int MaxDifferencesShown = 12;

    /// <summary>Null when the database may be migrated (adopting it first if it is a legacy baseline); else why not.</summary>
    public static async Task<string?> RefusalAsync(DbContext context, DatabaseRegistration registration)
    {
        if (await context.GetService<IHistoryRepository>().ExistsAsync()
            || !await context.Database.CanConnectAsync())
        {
            return null;
        }

        var connection = (SqliteConnection)context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        try
        {
            var legacy = await SqliteSchema.DescribeAsync(connection);
            if (legacy.Count == 0)
            {
                return null;
            }

            var baseline = context.GetService<IMigrationsAssembly>().Migrations.Keys.FirstOrDefault();
            if (baseline is null)
            {
                return "the database has tables but no migration history, and the service has no SQLite migration to adopt it by";
            }

            var expected = await BaselineSchemaAsync(registration, baseline);
            var missing = expected.Except(legacy).ToList();
            var unexpected = legacy.Except(expected).ToList();
            if (missing.Count > 0 || unexpected.Count > 0)
            {
                return $"the database was made before migrations (no __EFMigrationsHistory) and its schema is not the baseline {baseline}, "
                    + "so it is left untouched. " + Differences("missing", missing) + Differences("unexpected", unexpected)
                    + "Restore a backup of the data folder made by the version before this one, or move the file away to start afresh.";
            }

            var history = context.GetService<IHistoryRepository>();
            await history.CreateIfNotExistsAsync();
            await context.Database.ExecuteSqlRawAsync(
                history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())));
            return null;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The schema the baseline migration makes, built in a private in-memory database.</summary>
    private static async Task<IReadOnlySet<string>> BaselineSchemaAsync(DatabaseRegistration registration, string baseline)
    {
        var connectionString = $"Data Source=baseline-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();
        await using (var scratch = registration.CreateContext(DatabaseExtensions.Sqlite, connectionString))
        {
            await scratch.GetService<IMigrator>().MigrateAsync(baseline);
        }

        return await SqliteSchema.DescribeAsync(keepAlive);
    }

    private static string Differences(string kind, IReadOnlyList<string> items) =>
        items.Count == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture,
                $"{kind} ({items.Count}): {string.Join("; ", items.Take(MaxDifferencesShown))}{(items.Count > MaxDifferencesShown ? "; …" : string.Empty)}. ");
}

/// <summary>A SQLite schema as comparable lines: every column, index and foreign key of every table.</summary>
public static class SqliteSchema
{
    public static async Task<IReadOnlySet<string>> DescribeAsync(SqliteConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'",
            r => r.GetString(0));
        foreach (var table in tables)
        {
            var quoted = table.Replace("\"", "\"\"", StringComparison.Ordinal);
            lines.UnionWith(await QueryAsync(connection, $"PRAGMA table_info(\"{quoted}\")", r =>
                // Defaults are left out: EF writes every column itself, and a NOT NULL column that a migration adds
                // (or a rollback re-adds) must carry one that the same column made by EnsureCreated lacks.
                $"{table}: column {r.GetString(1)} {r.GetString(2)}{(r.GetInt64(3) == 1 ? " NOT NULL" : string.Empty)}"
                + $"{(r.GetInt64(5) > 0 ? " PRIMARY KEY " + r.GetInt64(5) : string.Empty)}"));
            lines.UnionWith(await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{quoted}\")", r =>
                $"{table}: foreign key {r.GetString(3)} -> {r.GetString(2)}({(r.IsDBNull(4) ? "?" : r.GetString(4))}) on delete {r.GetString(6)}"));
            var indexes = await QueryAsync(connection, $"PRAGMA index_list(\"{quoted}\")", r => (Name: r.GetString(1), Unique: r.GetInt64(2) == 1));
            foreach (var index in indexes)
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\")",
                    r => r.IsDBNull(2) ? "<expression>" : r.GetString(2));
                lines.Add($"{table}: {(index.Unique ? "unique " : string.Empty)}index {index.Name} ({string.Join(", ", columns)})");
            }
        }

        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
