using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
}

/// <summary>
/// Publishes a service's committed outbox rows in the order they were raised. While the broker is
/// down a publish fails; the row keeps its place, its next attempt moves out with exponential back-off
/// (capped), and nothing behind it overtakes it. Delivery is at least once: a crash after publish and
/// before the row is marked sends it again, with the same message id, which consumers' inboxes ignore.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private static readonly ActivitySource Source = new(Outbox.ActivitySourceName);

    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database itself failed (not the broker): log and try again at the next poll.
                logger.LogError(exception, "Reading the {Context} outbox failed", typeof(TContext).Name);
            }

            try
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Publishes every row that is due; returns how many were published.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var batch = await db.OutboxMessages
                .Where(m => m.DispatchedAt == null)
                .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
                .Take(_options.BatchSize)
                .ToListAsync(cancellationToken);
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
                    message.DispatchedAt = clock.GetUtcNow();
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

    private TimeSpan BackOff(int attempts)
    {
        var delay = _options.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 16));
        return delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: true)!;
        var payload = JsonSerializer.Deserialize(message.Payload, type, ServiceDbContext.EventJson)!;

        // Continue the trace of the request that raised the event; MassTransit carries it across the broker.
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(payload, type, context => context.MessageId = message.Id, timeout.Token);
    }
}
