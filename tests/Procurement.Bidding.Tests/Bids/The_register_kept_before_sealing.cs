using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Persistence;
using Xunit;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// A data folder from before sealing keeps its register in the clear; the upgrade must carry every commitment into the
/// keyed register (SQL cannot compute the hashes), or the people it commits could be planned twice after the upgrade.
/// </summary>
public sealed class The_register_kept_before_sealing : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"bidding-upgrade-{Guid.NewGuid():N}.db");
    private readonly CommitmentTags _tags = new(RandomNumberGenerator.GetBytes(32));
    private BiddingDb _db = null!;

    public async Task InitializeAsync()
    {
        _db = ContextFactory.Create<BiddingDb>(DatabaseExtensions.Sqlite, $"Data Source={_file}");
        var migrations = _db.Database.GetMigrations().ToList();
        var sealing = migrations.FindIndex(m => m.EndsWith("_SealedStaffingPlan", StringComparison.Ordinal));
        sealing.Should().BePositive("the SQLite set has the sealing migration after its baseline");
        await _db.GetService<IMigrator>().MigrateAsync(migrations[sealing - 1]);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Is_carried_into_the_keyed_register_at_start_and_dropped_so_every_person_still_counts()
    {
        var (openBid, wonBid, contract) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await InsertLegacyAsync("A1B2", "OpenBid", openBid, null, 0.60m);
        await InsertLegacyAsync("A1B2", "ActiveContract", wonBid, contract, 0.30m);
        await InsertLegacyAsync("C3D4", "OpenBid", openBid, null, 1.00m);

        await _db.Database.MigrateAsync();
        var carried = await RegisterConversion.ConvertAsync(_db, _tags, CancellationToken.None);

        carried.Should().Be(3);
        var first = await _db.CommitmentsOfAsync(_tags, ["a1b2"], null, CancellationToken.None);
        first.CollisionsWith([new PlannedPerson("A1B2", "Wang Fang", "5670", 0.20m)])
            .Should().ContainSingle("the open bid and the contract still count after the upgrade").Which.Committed.Should().Be(0.90m);
        var rows = await _db.StaffCommitments.AsNoTracking().ToListAsync();
        rows.Should().HaveCount(3);
        rows.Where(r => r.Source == _tags.Bid(openBid)).Select(r => r.Fte).Should().BeEquivalentTo([0.60m, 1.00m]);
        rows.Should().ContainSingle(r => r.Source == _tags.Contract(contract) && r.Kind == CommitmentKind.ActiveContract && r.Fte == 0.30m);
        rows.Should().OnlyContain(r => r.Person == _tags.Person("A1B2") || r.Person == _tags.Person("C3D4"));
        (await LegacyTableCountAsync()).Should().Be(0, "the register kept in the clear is gone once carried");
    }

    [Fact]
    public async Task When_empty_is_dropped_at_the_first_start_and_later_starts_find_nothing_to_do()
    {
        await _db.Database.MigrateAsync();
        (await RegisterConversion.ConvertAsync(_db, _tags, CancellationToken.None)).Should().Be(0);
        (await LegacyTableCountAsync()).Should().Be(0);
        (await RegisterConversion.ConvertAsync(_db, _tags, CancellationToken.None)).Should().BeNull();
    }

    private Task InsertLegacyAsync(string lookupHash, string kind, Guid bidId, Guid? contractId, decimal fte) =>
        _db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO StaffCommitments (Id, IdLookupHash, Kind, BidId, TenderId, AgencyId, ContractId, Title, AgencyName, Fte, Since)
            VALUES ({Guid.NewGuid()}, {lookupHash}, {kind}, {bidId}, {Guid.NewGuid()}, {Guid.NewGuid()}, {contractId}, {"Home care, Street X"}, {"Sunshine"}, {fte}, {0L})
            """);

    private Task<int> LegacyTableCountAsync() =>
        _db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{RegisterConversion.LegacyTable}'").SingleAsync();
}
