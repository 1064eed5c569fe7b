using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.Contracts.OpenData;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.OpenData;

/// <summary>
/// Sends a service's history to the open data once per <see cref="OpenDataFeeds.HistoryVersion"/> (issue 18 item 2, the
/// backfill): every event of <see cref="OpenDataFeeds.BySource"/> its outbox holds, raised before now, oldest first, in
/// parts (<see cref="OpenDataHistoryPart"/>), then <see cref="OpenDataHistoryEnd"/>, each through the outbox like any event.
/// Each event keeps its message id, so the open data writes none twice. A run cut short (a crash, a stop) left no end, and
/// the next start sends the whole history again; what arrived twice is recognised by its message id.
/// </summary>
/// <remarks>
/// A clock job for its start-up pass and its retry: a pass that failed runs again at the next tick; after a run ended (in
/// this process or an earlier one) a pass reads nothing. A service whose name <see cref="OpenDataFeeds"/> does not list
/// sends nothing.
/// </remarks>
public sealed class OpenDataHistorySender<TContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OpenDataHistorySender<TContext>> logger)
    : ClockJob(clock, logger)
    where TContext : DbContext, IOutboxContext
{
    /// <summary>Events per part: a message stays well under a megabyte.</summary>
    internal const int PartSize = 200;

    private bool _sent;

    /// <summary>The service's name, as <see cref="OpenDataFeeds.BySource"/> keys it.</summary>
    public string Source { get; } = DeadLetterOperations.ServiceOf(typeof(TContext));

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string Activity => $"Sending the {Source} history to the open data";

    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (_sent || !OpenDataFeeds.BySource.TryGetValue(Source, out var feeds))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (await SentAsync(db, cancellationToken))
        {
            _sent = true;
            return 0;
        }

        var types = feeds.Select(OutboxMessage.TypeName).ToList();
        var until = Clock.GetUtcNow();

        // The rows' ids and times first (small), ordered here: the outbox has no index on the type, and one read of it is
        // cheaper than one per part. Then each part's payloads by id.
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => types.Contains(m.MessageType) && m.OccurredAt <= until)
            .Select(m => new { m.Id, m.OccurredAt })
            .ToListAsync(cancellationToken);
        var ordered = rows.OrderBy(r => r.OccurredAt).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        var runId = Guid.CreateVersion7();
        var part = 0;
        foreach (var ids in ordered.Chunk(PartSize))
        {
            var events = await db.OutboxMessages.AsNoTracking()
                .Where(m => ids.Contains(m.Id))
                .Select(m => new PastEvent(m.Id, m.MessageType, m.Payload, m.OccurredAt))
                .ToListAsync(cancellationToken);
            db.Raise(new OpenDataHistoryPart(Source, runId, ++part, [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => e.MessageId)], Clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        db.Raise(new OpenDataHistoryEnd(Source, runId, OpenDataFeeds.HistoryVersion, part, ordered.Count, Clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        _sent = true;
        Logger.LogInformation("The {Source} history went to the open data: {Events} events in {Parts} parts (run {RunId})", Source, ordered.Count, part, runId);
        return ordered.Count;
    }

    /// <summary>Whether a run of this version or a later one ended (its end is in the outbox, sent or still owed).</summary>
    private static async Task<bool> SentAsync(TContext db, CancellationToken cancellationToken)
    {
        var endType = OutboxMessage.TypeName(typeof(OpenDataHistoryEnd));
        var ends = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == endType).Select(m => m.Payload).ToListAsync(cancellationToken);
        return ends.Select(payload => JsonSerializer.Deserialize<OpenDataHistoryEnd>(payload, OutboxContext.EventJson))
            .Any(end => end is not null && end.Version >= OpenDataFeeds.HistoryVersion);
    }
}
