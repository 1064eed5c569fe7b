using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Contracts.OpenData;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Tendering.Data;

namespace Procurement.Tendering.OpenData;

/// <summary>What writing one change into the open data came to: done (written, or nothing to write), or waiting for a contract.</summary>
public readonly record struct OpenDataWrite(Guid? WaitsFor)
{
    public static OpenDataWrite Done => default;

    /// <summary>The change belongs to a contract the open data does not know yet (not signed by both, or its signature not read yet).</summary>
    public static OpenDataWrite WaitFor(Guid contractId) => new(contractId);
}

/// <summary>An open-data consumer as the backfill uses it: the event it reads, and the release(s) it writes of one.</summary>
public interface IOpenDataWriter
{
    Type MessageType { get; }

    Task<OpenDataWrite> WriteAsync(object message, Guid messageId, CancellationToken cancellationToken);
}

/// <summary>
/// A change the open data has not written yet: from a service's history (<see cref="OpenDataHistoryPart"/>), or one that
/// arrived before its contract was announced. The row goes in the same transaction as the change's releases.
/// </summary>
[NotAudited]
public sealed class OcdsBacklogEntry
{
    /// <summary>The change's event, by its message id (the outbox row's that raised it).</summary>
    public Guid MessageId { get; set; }

    /// <summary>The service that raised it (a key of <see cref="OpenDataFeeds.BySource"/>), or <c>live</c>.</summary>
    public string Source { get; set; } = "";

    /// <summary>"Namespace.Type, Assembly", as the outbox stores it.</summary>
    public string MessageType { get; set; } = "";

    public string Payload { get; set; } = "";

    /// <summary>When the event was raised: the backlog is written in this order.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public OcdsBacklogState State { get; set; }

    /// <summary>The contract a waiting change belongs to: it is tried again once that contract is in the open data.</summary>
    public Guid? WaitsFor { get; set; }

    public int Attempts { get; set; }

    public string? Error { get; set; }

    public const string LiveSource = "live";
}

public enum OcdsBacklogState
{
    /// <summary>Not tried yet.</summary>
    Pending,

    /// <summary>Tried; its contract is not in the open data yet.</summary>
    Waiting,

    /// <summary>Could not be written (see <see cref="OcdsBacklogEntry.Error"/>); tried again after the next start.</summary>
    Failed,
}

/// <summary>A part of a service's history that arrived.</summary>
[NotAudited]
public sealed class OcdsHistoryPart
{
    public Guid RunId { get; set; }

    public int Part { get; set; }

    public string Source { get; set; } = "";

    public int Events { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>A service's history that ended (<see cref="OpenDataHistoryEnd"/>): complete once all its parts arrived.</summary>
[NotAudited]
public sealed class OcdsHistoryRun
{
    public Guid RunId { get; set; }

    public string Source { get; set; } = "";

    public int Version { get; set; }

    public int Parts { get; set; }

    public int Events { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OcdsBacklogEntry>(entry =>
        {
            entry.ToTable("OcdsBacklog");
            entry.HasKey(e => e.MessageId);
            entry.Property(e => e.Source).HasMaxLength(40);
            entry.Property(e => e.MessageType).HasMaxLength(300);
            entry.Property(e => e.State).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.Error).HasMaxLength(2000);
            entry.HasIndex(e => new { e.State, e.WaitsFor });
        });
        modelBuilder.Entity<OcdsHistoryPart>(part =>
        {
            part.ToTable("OcdsHistoryParts");
            part.HasKey(p => new { p.RunId, p.Part });
            part.Property(p => p.Source).HasMaxLength(40);
        });
        modelBuilder.Entity<OcdsHistoryRun>(run =>
        {
            run.ToTable("OcdsHistoryRuns");
            run.HasKey(r => r.RunId);
            run.Property(r => r.Source).HasMaxLength(40);
        });
    }
}

/// <summary>The open data's writers, by the event each reads: the consumers <see cref="OpenDataModule"/> registers.</summary>
public static class OpenDataWriters
{
    /// <summary>
    /// Every writer, in the order a process's changes happen: the backfill writes changes of one instant in this order
    /// (an instant holds several when one save raised them, or when a test's clock stands still).
    /// </summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(AgencyRegisteredOpenData),
        typeof(OrganisationsListedOpenData),
        typeof(TenderPublishedOpenData),
        typeof(TenderDocumentAddedOpenData),
        typeof(TenderClarifiedOpenData),
        typeof(TenderAmendedOpenData),
        typeof(TenderCancelledOpenData),
        typeof(BidsOpenedOpenData),
        typeof(TenderFailedOpenData),
        typeof(AwardPublishedOpenData),
        typeof(AwardConfirmedOpenData),
        typeof(ContractSignedOpenData),
        typeof(ContractAmendedOpenData),
        typeof(ContractStateChangedOpenData),
        typeof(InstalmentPaidOpenData),
        typeof(PerformanceEvaluatedOpenData),
        typeof(ContractEndedOpenData),
    ];

    private static readonly Dictionary<string, (Type Writer, int Rank)> ByMessageType = All
        .Select((writer, rank) => (writer, rank, message: writer.BaseType!.GetGenericArguments()[0]))
        .ToDictionary(w => OutboxMessage.TypeName(w.message), w => (w.writer, w.rank), StringComparer.Ordinal);

    /// <summary>The writer of an event, by its stored type name; none for an event the open data does not read.</summary>
    public static Type? Of(string messageType) => ByMessageType.TryGetValue(messageType, out var found) ? found.Writer : null;

    /// <summary>
    /// Whether the event only names organisations (it writes no release). The backfill applies every name before any other
    /// change, so that a release it writes names its parties as they are known now: an upgraded folder's names may only
    /// be in the listing Identity raises at this start, later than every change of the history.
    /// </summary>
    public static bool Names(string messageType) => Of(messageType) is { } writer
        && (writer == typeof(AgencyRegisteredOpenData) || writer == typeof(OrganisationsListedOpenData));

    /// <summary>The event's place in <see cref="All"/>; events the open data does not read come last.</summary>
    public static int Rank(string messageType) => ByMessageType.TryGetValue(messageType, out var found) ? found.Rank : int.MaxValue;
}

/// <summary>Keeps the parts of a service's history that are not written yet (the backfill writes them).</summary>
public sealed class OpenDataHistoryPartConsumer(TenderingDb db, TimeProvider clock, ILogger<OpenDataHistoryPartConsumer> logger)
    : IdempotentConsumer<TenderingDb, OpenDataHistoryPart>(db, clock, logger)
{
    protected override async Task HandleAsync(OpenDataHistoryPart message, ConsumeContext<OpenDataHistoryPart> context)
    {
        var ct = context.CancellationToken;
        if (!await Db.OcdsHistoryParts.AnyAsync(p => p.RunId == message.RunId && p.Part == message.Part, ct))
        {
            Db.OcdsHistoryParts.Add(new OcdsHistoryPart
            {
                RunId = message.RunId, Part = message.Part, Source = message.Source, Events = message.Events.Count, ReceivedAt = Clock.GetUtcNow(),
            });
        }

        var ids = message.Events.Select(e => e.MessageId).ToList();
        var kept = (await Db.OcdsBacklog.Where(e => ids.Contains(e.MessageId)).Select(e => e.MessageId).ToListAsync(ct)).ToHashSet();

        // An event the open data's consumer already handled (and was not kept waiting: then it is in the backlog) is written.
        var handled = (await Db.InboxMessages.Where(i => ids.Contains(i.MessageId)).Select(i => new { i.MessageId, i.Consumer }).ToListAsync(ct))
            .Select(i => (i.MessageId, i.Consumer)).ToHashSet();
        foreach (var past in message.Events)
        {
            if (OpenDataWriters.Of(past.MessageType) is not { } writer || kept.Contains(past.MessageId) || handled.Contains((past.MessageId, writer.FullName!)))
            {
                continue;
            }

            Db.OcdsBacklog.Add(new OcdsBacklogEntry
            {
                MessageId = past.MessageId, Source = message.Source, MessageType = past.MessageType, Payload = past.Payload,
                OccurredAt = past.OccurredAt, State = OcdsBacklogState.Pending,
            });
            kept.Add(past.MessageId);
        }
    }
}

/// <summary>Records that a service's history ended, and how many parts it has.</summary>
public sealed class OpenDataHistoryEndConsumer(TenderingDb db, TimeProvider clock, ILogger<OpenDataHistoryEndConsumer> logger)
    : IdempotentConsumer<TenderingDb, OpenDataHistoryEnd>(db, clock, logger)
{
    protected override async Task HandleAsync(OpenDataHistoryEnd message, ConsumeContext<OpenDataHistoryEnd> context)
    {
        if (!await Db.OcdsHistoryRuns.AnyAsync(r => r.RunId == message.RunId, context.CancellationToken))
        {
            Db.OcdsHistoryRuns.Add(new OcdsHistoryRun
            {
                RunId = message.RunId, Source = message.Source, Version = message.Version, Parts = message.Parts, Events = message.Events,
                EndedAt = message.SentAt,
            });
        }
    }
}

/// <summary>
/// Writes the open data's backlog (issue 18 item 2): the history every service sends after an upgrade, so that a process
/// that changed before the open data read its changes gets its releases; and the changes that arrived before their contract
/// was announced. Nothing is written until every service's history is complete (<see cref="OpenDataFeeds.BySource"/>):
/// then the organisations' names are applied, and the changes are written in the order they happened, whichever service
/// raised them — a contract's signature before its payments, an award before its contract — by the same writers as the
/// live events, so each is written once.
/// </summary>
public sealed class OpenDataBackfill(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OpenDataOptions> options, ILogger<OpenDataBackfill> logger)
    : ClockJob(clock, logger)
{
    /// <summary>Changes per transaction.</summary>
    internal const int BatchSize = 100;

    private readonly SemaphoreSlim _onePass = new(1, 1);
    private bool _historyComplete;
    private bool _failuresRetried;

    protected override TimeSpan Interval => options.Value.BackfillInterval;

    protected override string Activity => "Writing the open data's backlog";

    /// <summary>The services whose history has not (all) arrived; the backlog waits for them.</summary>
    public static async Task<IReadOnlyList<string>> IncompleteSourcesAsync(TenderingDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var runs = await db.OcdsHistoryRuns.AsNoTracking().Where(r => r.Version >= OpenDataFeeds.HistoryVersion).ToListAsync(cancellationToken);
        var arrived = await db.OcdsHistoryParts.AsNoTracking().GroupBy(p => p.RunId).Select(g => new { RunId = g.Key, Parts = g.Count() })
            .ToDictionaryAsync(g => g.RunId, g => g.Parts, cancellationToken);
        var complete = runs.Where(r => arrived.GetValueOrDefault(r.RunId) >= r.Parts).Select(r => r.Source).ToHashSet(StringComparer.Ordinal);
        return [.. OpenDataFeeds.BySource.Keys.Where(source => !complete.Contains(source)).Order(StringComparer.Ordinal)];
    }

    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _onePass.WaitAsync(cancellationToken);
        try
        {
            return await PassAsync(cancellationToken);
        }
        finally
        {
            _onePass.Release();
        }
    }

    private async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        List<Guid> ordered;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
            if (!_historyComplete)
            {
                var incomplete = await IncompleteSourcesAsync(db, cancellationToken);
                if (incomplete.Count > 0)
                {
                    Logger.LogDebug("The open data's backlog waits for the history of {Sources}", string.Join(", ", incomplete));
                    return 0;
                }

                _historyComplete = true;
            }

            var retryFailures = !_failuresRetried;
            var candidates = await db.OcdsBacklog.AsNoTracking()
                .Where(e => e.State == OcdsBacklogState.Pending
                    || (e.State == OcdsBacklogState.Waiting && db.OcdsContracts.Any(c => c.ContractId == e.WaitsFor))
                    || (retryFailures && e.State == OcdsBacklogState.Failed))
                .Select(e => new { e.MessageId, e.MessageType, e.OccurredAt })
                .ToListAsync(cancellationToken);
            _failuresRetried = true;
            ordered = [.. candidates
                .OrderBy(c => OpenDataWriters.Names(c.MessageType) ? 0 : 1)
                .ThenBy(c => c.OccurredAt).ThenBy(c => OpenDataWriters.Rank(c.MessageType)).ThenBy(c => c.MessageId)
                .Select(c => c.MessageId)];
        }

        var written = 0;
        foreach (var batch in ordered.Chunk(BatchSize))
        {
            written += await WriteBatchAsync(batch, cancellationToken);
        }

        return written;
    }

    /// <summary>A batch in one transaction; when that fails (a concurrent write, a change that cannot be read), each by itself.</summary>
    private async Task<int> WriteBatchAsync(Guid[] batch, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(batch, cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or JsonException or InvalidOperationException or NotSupportedException)
        {
            Logger.LogWarning(exception, "A batch of the open data's backlog failed; writing its {Count} changes one by one", batch.Length);
        }

        var written = 0;
        foreach (var id in batch)
        {
            try
            {
                written += await WriteAsync([id], cancellationToken);
            }
            catch (Exception exception) when (exception is DbUpdateException or JsonException or InvalidOperationException or NotSupportedException)
            {
                Logger.LogError(exception, "Change {MessageId} of the open data's backlog could not be written; it is tried again after the next start", id);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
                if (await db.OcdsBacklog.FirstOrDefaultAsync(e => e.MessageId == id, cancellationToken) is { } entry)
                {
                    var error = $"{exception.GetType().Name}: {exception.Message}";
                    entry.State = OcdsBacklogState.Failed;
                    entry.Error = error.Length > 2000 ? error[..2000] : error;
                    entry.Attempts++;
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }

        return written;
    }

    private async Task<int> WriteAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
        var entries = (await db.OcdsBacklog.Where(e => ids.Contains(e.MessageId)).ToListAsync(cancellationToken)).ToDictionary(e => e.MessageId);
        var written = 0;
        foreach (var id in ids)
        {
            if (!entries.TryGetValue(id, out var entry))
            {
                continue; // written meanwhile by its live event
            }

            if (OpenDataWriters.Of(entry.MessageType) is not { } writerType)
            {
                throw new NotSupportedException($"The open data does not read {entry.MessageType}.");
            }

            var writer = (IOpenDataWriter)scope.ServiceProvider.GetRequiredService(writerType);
            var message = OutboxContext.ReadEvent(entry.Payload, writer.MessageType);
            var write = await writer.WriteAsync(message, entry.MessageId, cancellationToken);
            entry.Attempts++;
            if (write.WaitsFor is { } contractId)
            {
                entry.State = OcdsBacklogState.Waiting;
                entry.WaitsFor = contractId;
                entry.Error = null;
                continue;
            }

            // Written: a later delivery of the same event (the outbox had not sent it yet) finds it handled.
            var consumer = writerType.FullName!;
            if (!await db.InboxMessages.AnyAsync(i => i.MessageId == id && i.Consumer == consumer, cancellationToken))
            {
                db.InboxMessages.Add(new InboxMessage { MessageId = id, Consumer = consumer, ProcessedAt = Clock.GetUtcNow() });
            }

            db.OcdsBacklog.Remove(entry);
            written++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return written;
    }
}
