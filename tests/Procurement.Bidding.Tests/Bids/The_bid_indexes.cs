using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;
using Procurement.Bidding.Endpoints;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// Issue 17, fewer indexes per bid: a new bid enters the live-bid index and the tender's index, not the withdrawn bids'
/// index; and every query that used the agency-first index the rush no longer writes still finds its rows through an
/// index (SQLite's own query plan, read with EXPLAIN QUERY PLAN on the very command EF Core sends), never by reading the
/// whole table.
/// </summary>
public sealed class The_bid_indexes : IAsyncLifetime
{
    private BidBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BidBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_new_bid_is_in_the_live_index_and_a_withdrawn_one_only_in_the_withdrawn_index()
    {
        var bidder = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        var first = (await _bed.SubmittedAsync(bidder, 450_000.00m)).GetProperty("bidId").GetGuid();

        await using var db = PlannedDb(out _);
        (await IndexedIdsAsync(db, BidConfiguration.LiveBidIndex, "<>")).Should().Equal(first);
        (await IndexedIdsAsync(db, BidConfiguration.WithdrawnBidIndex, "=")).Should().BeEmpty();

        (await bidder.Client.PostAsync($"/api/bids/{first}/withdraw", null)).EnsureSuccessStatusCode();
        var second = (await _bed.SubmittedAsync(bidder, 440_000.00m)).GetProperty("bidId").GetGuid();

        (await IndexedIdsAsync(db, BidConfiguration.LiveBidIndex, "<>")).Should().Equal(second);
        (await IndexedIdsAsync(db, BidConfiguration.WithdrawnBidIndex, "=")).Should().Equal(first);
        (await db.OwnBids(bidder.Id).Select(b => b.Id).ToListAsync()).Should().BeEquivalentTo([first, second]);
    }

    [Fact]
    public async Task The_submission_and_the_agencys_own_queries_search_indexes_and_scan_no_table()
    {
        var bidder = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        await _bed.SubmittedAsync(bidder, 450_000.00m);
        var tenderId = _bed.Tender.TenderId;
        var tags = _bed.Api.Host.Services.GetRequiredService<CommitmentTags>();

        await using var db = PlannedDb(out var plans);
        await BidEndpoints.BidderOnTender.For(db)(db, bidder.Id, tenderId);
        var bidder_ = plans.Last();
        await CommitmentRegister.RowsOf.For(db)(db, [tags.Person("ab"), tags.Person("cd")], "").ToListAsync();
        var register = plans.Last();
        await db.OwnBids(bidder.Id).ToListAsync();
        var mine = plans.Last();
        await db.OwnBids(bidder.Id).AnyAsync(b => b.TenderId == tenderId);
        var opening = plans.Last();

        bidder_.Should().Contain(d => d.Contains(BidConfiguration.LiveBidIndex), "the bid an agency already has on the tender is a live one");
        register.Should().Contain(d => d.Contains("IX_StaffCommitments_Person"));
        mine.Should().Contain(d => d.Contains(BidConfiguration.LiveBidIndex)).And.Contain(d => d.Contains(BidConfiguration.WithdrawnBidIndex));
        opening.Should().Contain(d => d.Contains(BidConfiguration.LiveBidIndex)).And.Contain(d => d.Contains(BidConfiguration.WithdrawnBidIndex));
        foreach (var plan in new[] { bidder_, register, mine, opening })
        {
            // "SCAN x" reads all of x: wrong for a table, right for a subquery's own few rows (a co-routine or a materialized
            // view) and for the one row of a SELECT without a table (EXISTS).
            var subqueries = plan.Where(d => d.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || d.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
                .Select(d => "SCAN " + d.Split(' ')[1]).Append("SCAN CONSTANT ROW").ToHashSet();
            plan.Should().NotContain(d => d.StartsWith("SCAN ", StringComparison.Ordinal) && !subqueries.Contains(d),
                "a whole-table scan in this plan: {0}", string.Join(" | ", plan));
        }
    }

    /// <summary>The rows one partial index holds, read through it alone (INDEXED BY fails if the index does not exist or cannot serve).</summary>
    private static async Task<List<Guid>> IndexedIdsAsync(BiddingDb db, string index, string op)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Id\" FROM \"Bids\" INDEXED BY \"{index}\" WHERE \"AgencyId\" IS NOT NULL AND [Status] {op} 'Withdrawn'";
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <summary>A context on the host's bidding.db that reads SQLite's plan of every query it sends, just before sending it.</summary>
    private BiddingDb PlannedDb(out List<List<string>> plans)
    {
        var connectionString = _bed.Db(db => db.Database.GetConnectionString())!;
        var planner = new QueryPlans();
        plans = planner.Plans;
        return new BiddingDb(new DbContextOptionsBuilder<BiddingDb>().UseSqlite(connectionString).AddInterceptors(planner).Options);
    }

    private sealed class QueryPlans : DbCommandInterceptor
    {
        public List<List<string>> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (DbParameter parameter in command.Parameters)
            {
                var copy = explain.CreateParameter();
                copy.ParameterName = parameter.ParameterName;
                copy.Value = parameter.Value;
                explain.Parameters.Add(copy);
            }

            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    plan.Add(reader.GetString(3));
                }
            }

            Plans.Add(plan);
            return result;
        }
    }
}
