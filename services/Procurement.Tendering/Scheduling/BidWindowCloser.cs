using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;

namespace Procurement.Tendering.Scheduling;

public sealed class BidWindowCloserOptions
{
    public const string Section = "Tendering";

    /// <summary>How often the clock looks for deadlines that have passed (<c>Tendering:CloseCheckInterval</c>).</summary>
    public TimeSpan CloseCheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Closes bidding by the clock (DOMAIN.md §3), never by a person: once at start-up — so a deadline that
/// passed while the service was down closes at the next start — and then every
/// <see cref="BidWindowCloserOptions.CloseCheckInterval"/>. Each tender closes in its own transaction
/// with its <see cref="BidWindowClosed"/> event; two replicas racing for one tender are told apart by
/// its version, and the loser leaves it to the winner.
/// </summary>
public sealed class BidWindowCloser(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<BidWindowCloserOptions> options, ILogger<BidWindowCloser> logger)
    : ClockJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.CloseCheckInterval;

    protected override string Activity => "Closing bidding on tenders whose deadline passed";

    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) => CloseDueTendersAsync(cancellationToken);

    /// <summary>One pass: closes every published tender whose deadline is at or before now; returns how many it closed.</summary>
    public async Task<int> CloseDueTendersAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
            due = await db.Tenders.AsNoTracking()
                .Where(t => t.Status == TenderStatus.Published && t.BidDeadline <= now)
                .Select(t => t.Id)
                .ToListAsync(cancellationToken);
        }

        var closed = 0;
        foreach (var id in due)
        {
            if (await CloseAsync(id, now, cancellationToken))
            {
                closed++;
            }
        }

        return closed;
    }

    private async Task<bool> CloseAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
        var tender = await db.Tenders.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || tender.Status != TenderStatus.Published || tender.BidDeadline > now)
        {
            return false;
        }

        tender.CloseBidding(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            Logger.LogInformation("Tender {TenderId} changed while closing (another replica, or a cancellation); left as it is", id);
            return false;
        }
    }
}
