using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Messaging;

public sealed class OutboxOptions
{
    /// <summary>How often the outbox is read when nothing signals a commit.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// In-memory bus only: how long a published row may stay unconfirmed (no inbox or dead letter row in some
    /// consumer's database) before it is published again. Longer than the consumers' whole retry policy (about
    /// 25 s), so a slow consumer is not sent a second copy while it still retries; a copy changes nothing anyway.
    /// </summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Publishes a service's committed outbox rows in the order they were raised. While the broker is
/// down a publish fails; the row keeps its place, its next attempt moves out with exponential back-off
/// (capped), and nothing behind it overtakes it. Delivery is at least once: a crash after publish and
/// before the row is marked sends it again, with the same message id, which consumers' inboxes ignore.
/// <para>
/// When a row is done depends on the transport. On RabbitMQ the broker's publisher confirm makes it durable, so
/// the row is done when the publish returns. On the in-memory bus (the embedded host, a <see cref="ConsumerDirectory"/>
/// registered) the queue dies with the process, so a published row is done only when every consumer of its type
/// has committed its effect (its inbox row) or durably dead-lettered it; a row still owed is published again at
/// start-up (the previous process's copies are gone) and after <see cref="OutboxOptions.ConfirmTimeout"/>.
/// </para>
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignals signals,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
    where TContext : DbContext, IOutboxContext
{
    private static readonly ActivitySource Source = new(Outbox.ActivitySourceName);

    private readonly OutboxOptions _options = options.Value;

    /// <summary>
    /// In-memory bus: the owed rows this process published. An owed row not among them was published by an earlier
    /// process, whose in-memory copies are gone (kept by id, not by time: a test's clock may be shifted either way).
    /// </summary>
    private readonly ConcurrentDictionary<Guid, byte> _publishedHere = new();

    private ConsumerDirectory? _consumers;
    private bool _consumersResolved;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing is published before the host has started (the bus and, on the in-memory transport, every consumer's
        // endpoint with it): a row raised during start-up (a seeder's event) or owed by an earlier process waits for it.
        if (lifetime is not null && !await lifetime.StartedAsync(stoppingToken))
        {
            return;
        }

        await DispatchLoop.RunAsync(DispatchPendingAsync, signals.For<TContext>().WaitAsync, _options.PollInterval,
            exception => logger.LogError(exception, "Reading the {Context} outbox failed", typeof(TContext).Name), stoppingToken);
    }

    /// <summary>
    /// Publishes every row that is due; on the in-memory bus also confirms the rows whose consumers all committed
    /// and publishes again the ones still owed after a restart or the timeout. Returns how many were published first.
    /// </summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var consumers = Consumers();
        var published = await PublishNewAsync(consumers, cancellationToken);
        if (consumers is not null)
        {
            await ConfirmOrRepublishAsync(consumers, cancellationToken);
        }

        return published;
    }

    /// <summary>The host's consumers when it runs the in-memory bus (see <see cref="ConsumerDirectory"/>); null on RabbitMQ.</summary>
    private ConsumerDirectory? Consumers()
    {
        if (!_consumersResolved)
        {
            using var scope = scopes.CreateScope();
            _consumers = scope.ServiceProvider.GetService<ConsumerDirectory>();
            _consumersResolved = true;
        }

        return _consumers;
    }

    private async Task<int> PublishNewAsync(ConsumerDirectory? consumers, CancellationToken cancellationToken)
    {
        var published = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var batch = await Unpublished.For(db)(db, _options.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return published;
            }

            foreach (var message in batch)
            {
                var now = clock.GetUtcNow();
                if (message.NextAttemptAt > now)
                {
                    // Its back-off has not run out; later rows wait behind it to keep the order.
                    await db.SaveChangesAsync(cancellationToken);
                    return published;
                }

                try
                {
                    await PublishAsync(message, cancellationToken);
                    message.PublishedAt = clock.GetUtcNow();
                    if (consumers is null || consumers.For(message.MessageType).Count == 0)
                    {
                        // The broker confirmed it, or nothing in this process consumes it: nothing more is owed.
                        message.DispatchedAt = message.PublishedAt;
                    }
                    else
                    {
                        _publishedHere[message.Id] = 0;
                    }

                    message.LastError = null;
                    published++;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    message.Attempts++;
                    message.NextAttemptAt = now + BackOff(message.Attempts);
                    message.LastError = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                    logger.LogWarning(exception, "Publishing outbox message {MessageId} ({Type}) failed, attempt {Attempt}; next at {NextAttempt}",
                        message.Id, message.MessageType, message.Attempts, message.NextAttemptAt);
                    await db.SaveChangesAsync(cancellationToken);
                    return published;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// In-memory bus: marks done the published rows every consumer has committed or dead-lettered, and publishes
    /// again (same message id) those still owed that an earlier process published, or that waited past the timeout.
    /// </summary>
    private async Task ConfirmOrRepublishAsync(ConsumerDirectory consumers, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var owed = await Owed.For(db)(db, _options.BatchSize * 10).ToListAsync(cancellationToken);
        if (owed.Count == 0)
        {
            return;
        }

        var handled = await HandledAsync(scope.ServiceProvider, consumers, owed, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var message in owed)
        {
            if (consumers.For(message.MessageType).All(c => handled.Contains((message.Id, c.Consumer))))
            {
                message.DispatchedAt = now;
                _publishedHere.TryRemove(message.Id, out _);
            }
            else if (!_publishedHere.ContainsKey(message.Id) || message.PublishedAt + _options.ConfirmTimeout <= now)
            {
                try
                {
                    await PublishAsync(message, cancellationToken);
                    logger.LogInformation("Outbox message {MessageId} ({Type}) was published at {PublishedAt} and not yet consumed by all its consumers; published again",
                        message.Id, message.MessageType, message.PublishedAt);
                    message.PublishedAt = clock.GetUtcNow();
                    _publishedHere[message.Id] = 0;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // It stays owed and due; the next pass tries again.
                    logger.LogWarning(exception, "Publishing outbox message {MessageId} ({Type}) again failed", message.Id, message.MessageType);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The (message id, consumer) pairs among <paramref name="owed"/> that the consumers' databases have in their inbox or dead letters.</summary>
    private static async Task<HashSet<(Guid, string)>> HandledAsync(
        IServiceProvider services, ConsumerDirectory consumers, List<OutboxMessage> owed, CancellationToken cancellationToken)
    {
        var handled = new HashSet<(Guid, string)>();
        var wanted = owed
            .SelectMany(m => consumers.For(m.MessageType).Select(c => (c.ContextType, c.Consumer, m.Id)))
            .GroupBy(w => w.ContextType);
        foreach (var byContext in wanted)
        {
            // Infrastructure, not a service reading another's data: in the embedded process every database is local.
            var db = (IOutboxContext)services.GetRequiredService(byContext.Key);
            foreach (var byConsumer in byContext.GroupBy(w => w.Consumer))
            {
                var consumer = byConsumer.Key;
                var ids = byConsumer.Select(w => w.Id).Distinct().ToList();
                var done = await db.InboxMessages.Where(i => i.Consumer == consumer && ids.Contains(i.MessageId)).Select(i => i.MessageId)
                    .Concat(db.DeadLetters.Where(d => d.Consumer == consumer && ids.Contains(d.MessageId)).Select(d => d.MessageId))
                    .ToListAsync(cancellationToken);
                handled.UnionWith(done.Select(id => (id, consumer)));
            }
        }

        return handled;
    }

    /// <summary>
    /// The rows not yet published, oldest first. Compiled: every dispatcher runs it at each poll and wake-up, so seldom
    /// that its code stays unoptimised, and building the query anew each time cost more than running it.
    /// </summary>
    private static readonly CompiledQuery<Func<TContext, int, IAsyncEnumerable<OutboxMessage>>> Unpublished = new(() => EF.CompileAsyncQuery(
        (TContext db, int take) => db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt == null && m.PublishedAt == null)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Take(take)));

    /// <summary>In-memory bus: the rows published and not yet confirmed by every consumer, oldest first.</summary>
    private static readonly CompiledQuery<Func<TContext, int, IAsyncEnumerable<OutboxMessage>>> Owed = new(() => EF.CompileAsyncQuery(
        (TContext db, int take) => db.Set<OutboxMessage>()
            .Where(m => m.DispatchedAt == null && m.PublishedAt != null)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Take(take)));

    private TimeSpan BackOff(int attempts) => DispatchLoop.BackOff(_options.FirstRetryDelay, _options.MaxRetryDelay, attempts);

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: true)!;
        var payload = OutboxContext.ReadEvent(message.Payload, type);

        // Continue the trace of the request that raised the event; MassTransit carries it across the broker.
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(payload, type, context => context.MessageId = message.Id, timeout.Token);
    }
}
