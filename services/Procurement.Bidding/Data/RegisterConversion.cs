using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Procurement.Bidding.Domain.Bids;

namespace Procurement.Bidding.Data;

/// <summary>
/// Finishes the <c>SealedStaffingPlan</c> migration, which SQL alone cannot: the register kept before sealing
/// (<see cref="LegacyTable"/>, the person by ID lookup hash and the bid, tender and agency in the clear) is carried
/// into <see cref="StaffCommitment"/> rows under the keyed hashes only this service holds the key of, and the old
/// table is dropped — in one transaction, at start, after the migrations and before the first request. Without this,
/// an upgraded folder would forget every person already committed and let them be planned twice.
/// </summary>
internal sealed class RegisterConversion(IServiceScopeFactory scopes, ILogger<RegisterConversion> logger) : IHostedService
{
    public const string LegacyTable = "StaffCommitmentsBeforeSealing";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        var carried = await ConvertAsync(db, scope.ServiceProvider.GetRequiredService<CommitmentTags>(), cancellationToken);
        if (carried is { } count)
        {
            logger.LogInformation("Carried {Count} staff commitments of the register kept before sealing into the keyed register, and dropped {Table}", count, LegacyTable);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Converts and drops the old register if it is there; returns how many rows were carried, or null when there was none.</summary>
    public static async Task<int?> ConvertAsync(BiddingDb db, CommitmentTags tags, CancellationToken cancellationToken)
    {
        if (!await LegacyTableExistsAsync(db, cancellationToken))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Database
            .SqlQueryRaw<LegacyRow>($"SELECT IdLookupHash, Kind, BidId, ContractId, Fte FROM {LegacyTable}")
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var kind = Enum.Parse<CommitmentKind>(row.Kind);
            db.StaffCommitments.Add(StaffCommitment.Carried(tags, row.IdLookupHash, kind, row.BidId, row.ContractId, row.Fte));
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE {LegacyTable}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private static async Task<bool> LegacyTableExistsAsync(BiddingDb db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsSqlite()
            ? $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{LegacyTable}'"
            : $"SELECT COUNT(*) AS [Value] FROM sys.tables WHERE name = '{LegacyTable}'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken) > 0;
    }

    private sealed record LegacyRow(string IdLookupHash, string Kind, Guid BidId, Guid? ContractId, decimal Fte);
}
