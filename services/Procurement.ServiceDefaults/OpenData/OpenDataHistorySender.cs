using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
/// It runs once the host has started, so that what a service raises at each start (Identity's listing of the organisations'
/// names) is in the history it sends. A run that failed is tried again a minute later. A service whose name
/// <see cref="OpenDataFeeds"/> does not list sends nothing.
/// </remarks>
public sealed class OpenDataHistorySender<TContext>(
    IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<OpenDataHistorySender<TContext>> logger)
    : BackgroundService
    where TContext : DbContext, IOutboxContext
{
    /// <summary>Events per part: a message stays well under a megabyte.</summary>
    internal const int PartSize = 200;

    private readonly SemaphoreSlim _oneRun = new(1, 1);
    private bool _sent;

    /// <summary>The service's name, as <see cref="OpenDataFeeds.BySource"/> keys it.</summary>
    public string Source { get; } = DeadLetterOperations.ServiceOf(typeof(TContext));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.StartedAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or JsonException)
            {
                logger.LogError(exception, "The {Source} history could not be sent to the open data; trying again in a minute", Source);
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), TimeProvider.System, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends the history unless a run of this version ended; answers how many events it sent.</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        await _oneRun.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private async Task<int> RunAsync(CancellationToken cancellationToken)
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
        var until = clock.GetUtcNow();

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
            db.Raise(new OpenDataHistoryPart(Source, runId, ++part, [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => e.MessageId)], clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        db.Raise(new OpenDataHistoryEnd(Source, runId, OpenDataFeeds.HistoryVersion, part, ordered.Count, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        _sent = true;
        logger.LogInformation("The {Source} history went to the open data: {Events} events in {Parts} parts (run {RunId})", Source, ordered.Count, part, runId);
        return ordered.Count;
    }

    /// <summary>Whether a run of this version or a later one ended (its end is in the outbox, sent or still owed).</summary>
    private static async Task<bool> SentAsync(TContext db, CancellationToken cancellationToken)
    {
        var endType = OutboxMessage.TypeName(typeof(OpenDataHistoryEnd));
        var ends = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == endType).Select(m => m.Payload).ToListAsync(cancellationToken);
        return ends.Select(payload => (OpenDataHistoryEnd)OutboxContext.ReadEvent(payload, typeof(OpenDataHistoryEnd)))
            .Any(end => end.Version >= OpenDataFeeds.HistoryVersion);
    }
}
