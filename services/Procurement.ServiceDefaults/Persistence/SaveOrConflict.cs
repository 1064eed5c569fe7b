using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Procurement.Rules.Refusals;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// Saving where another request may win a race: a row someone else changed first (its <c>Version</c>) or a unique key
/// someone else took between our check and our insert is a lost race, answered 409 — never a server error, never a
/// silent overwrite. Any other failure of the save (a foreign key, a full disk, a dropped connection) is not a race and
/// goes on as it came.
/// </summary>
public static class SaveOrConflict
{
    /// <summary>SQL Server: "Cannot insert duplicate key row … with unique index" (2601) and "Violation of … constraint" (2627, unique or primary key).</summary>
    private static readonly int[] SqlServerDuplicateKey = [2601, 2627];

    /// <summary>SQLite's extended codes SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555), the pair SQL Server's 2627 covers.</summary>
    private static readonly int[] SqliteDuplicateKey = [2067, 1555];

    /// <summary>
    /// Saves <paramref name="db"/>. A stale version answers 409 <c>concurrency</c>; a unique key taken meanwhile answers
    /// <paramref name="duplicate"/>'s conflict (what the key means, e.g. "this panel was already drawn"), else the same
    /// 409 <c>concurrency</c>. Anything else is rethrown.
    /// </summary>
    public static async Task SaveOrConflictAsync(this DbContext db, CancellationToken cancellationToken, Func<ConflictException>? duplicate = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("concurrency");
        }
        catch (DbUpdateException exception) when (IsDuplicateKey(exception))
        {
            throw duplicate?.Invoke() ?? new ConflictException("concurrency");
        }
    }

    /// <summary>Whether the save failed because a row with the same unique key (an index or the primary key) is already there, on SQLite or SQL Server.</summary>
    public static bool IsDuplicateKey(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException sqlite => SqliteDuplicateKey.Contains(sqlite.SqliteExtendedErrorCode),
            SqlException sqlServer => SqlServerDuplicateKey.Contains(sqlServer.Number),
            _ => false,
        };
    }
}
