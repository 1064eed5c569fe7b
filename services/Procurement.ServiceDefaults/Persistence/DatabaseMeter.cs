using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// The database figures a benchmark or an operator reads (meter <see cref="Name"/>, with <c>dotnet-counters</c> or a
/// <see cref="MeterListener"/>): the SQL commands each database runs, and for a SQLite database's single writer how many
/// batches and saves it committed and how long it held the write lock. Each measurement carries the tag <c>db</c>, the
/// database's name (its file name without the folder on SQLite).
/// </summary>
public static class DatabaseMeter
{
    public const string Name = "Procurement.Database";

    private static readonly Meter Meter = new(Name);

    /// <summary>SQL commands executed (through EF Core or written by hand).</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("procurement.db.commands", unit: "{command}");

    /// <summary>Transactions the single writer of a SQLite database committed (or rolled back).</summary>
    public static readonly Counter<long> WriteBatches = Meter.CreateCounter<long>("procurement.db.write.batches", unit: "{batch}");

    /// <summary>Saves the single writer took into its batches.</summary>
    public static readonly Counter<long> WriteSaves = Meter.CreateCounter<long>("procurement.db.write.saves", unit: "{save}");

    /// <summary>Time the single writer held the database's write lock, from BEGIN to the end of COMMIT.</summary>
    public static readonly Counter<double> WriteBusy = Meter.CreateCounter<double>("procurement.db.write.busy", unit: "s");

    /// <summary>The <c>db</c> tag of a connection: the file name on SQLite, the database name elsewhere.</summary>
    public static KeyValuePair<string, object?> Tag(DbConnection connection) =>
        new("db", connection is Microsoft.Data.Sqlite.SqliteConnection sqlite ? Path.GetFileName(sqlite.DataSource) : connection.Database);
}

/// <summary>Counts every command EF Core executes on a context's connection (<see cref="DatabaseMeter.Commands"/>).</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    public static readonly CommandCounter Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Counted(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Counted(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Counted(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, result));

    private static T Counted<T>(DbCommand command, T result)
    {
        if (DatabaseMeter.Commands.Enabled && command.Connection is { } connection)
        {
            DatabaseMeter.Commands.Add(1, DatabaseMeter.Tag(connection));
        }

        return result;
    }
}
