using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effect and the record of the message id are saved in one transaction: a second
/// delivery of the same message (a redelivery, or the outbox publishing again after a crash) changes
/// nothing. Subclasses change entities of <typeparamref name="TContext"/> in <see cref="HandleAsync"/>
/// and do not save; events they raise go to the same outbox in the same transaction.
/// <para>
/// A message it still fails on at the last retry (<see cref="Delivery.RetryLimit"/>) becomes a <see cref="DeadLetter"/>
/// in the same database, and the delivery ends there (acknowledged): the dead letter is as durable as an effect would
/// have been, on either transport. Further copies of a dead-lettered message are ignored; only an operator's replay
/// (<see cref="Delivery.ReplayHeader"/>) runs it again, and the dead letter goes in the same transaction as the effect.
/// </para>
/// </summary>
public abstract class IdempotentConsumer<TContext, TMessage>(TContext db, TimeProvider clock, ILogger logger)
    : IConsumer<TMessage>
    where TContext : DbContext, IOutboxContext
    where TMessage : class
{
    protected TContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().FullName!;

        // What handling the message changes is the platform's doing, on the message: its audit entry says which.
        using var actor = Audit.AuditScope.System(GetType().Name, $"{typeof(TMessage).Name} {messageId:D}");
        try
        {
            await HandleOnceAsync(context, messageId, consumer);
        }
        catch (Exception exception) when (context.GetRetryAttempt() >= Delivery.RetryLimit && !context.CancellationToken.IsCancellationRequested)
        {
            await DeadLetterAsync(context, messageId, consumer, exception);
        }
    }

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    private async Task HandleOnceAsync(ConsumeContext<TMessage> context, Guid messageId, string consumer)
    {
        if (await AlreadyHandledAsync(messageId, consumer, context.CancellationToken))
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; the redelivery changes nothing", consumer, messageId);
            return;
        }

        var deadLetter = await Db.DeadLetters.SingleOrDefaultAsync(d => d.MessageId == messageId && d.Consumer == consumer, context.CancellationToken);
        if (deadLetter is not null && !context.Headers.TryGetHeader(Delivery.ReplayHeader, out _))
        {
            logger.LogInformation("{Consumer} dead-lettered message {MessageId}; only a replay runs it again", consumer, messageId);
            return;
        }

        await HandleAsync(context.Message, context);
        Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = Clock.GetUtcNow() });
        if (deadLetter is not null)
        {
            // A replay succeeded: the dead letter goes in the same transaction as the effect.
            Db.DeadLetters.Remove(deadLetter);
        }

        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await RaceLostAsync(messageId, consumer, context.CancellationToken))
            {
                throw;
            }

            // A concurrent delivery of the same message committed first; this one's transaction rolled back whole.
            logger.LogInformation("{Consumer} lost the race for message {MessageId} to a concurrent delivery", consumer, messageId);
        }
    }

    /// <summary>
    /// Keeps the message in this service's dead letters. When even that cannot be saved (the database is gone), the
    /// original failure goes on to MassTransit, which moves the message to the queue's <c>_error</c> queue.
    /// </summary>
    private async Task DeadLetterAsync(ConsumeContext<TMessage> context, Guid messageId, string consumer, Exception failure)
    {
        logger.LogError(failure, "{Consumer} failed on message {MessageId} ({Type}) after {Retries} retries; it is kept as a dead letter",
            consumer, messageId, typeof(TMessage).Name, Delivery.RetryLimit);
        var error = $"{failure.GetType().Name}: {failure.Message}";
        try
        {
            Db.ChangeTracker.Clear();
            var deadLetter = await Db.DeadLetters.SingleOrDefaultAsync(d => d.MessageId == messageId && d.Consumer == consumer, context.CancellationToken);
            if (deadLetter is null)
            {
                deadLetter = new DeadLetter
                {
                    Id = Guid.CreateVersion7(),
                    MessageId = messageId,
                    MessageType = OutboxMessage.TypeName(typeof(TMessage)),
                    Consumer = consumer,
                    Endpoint = Delivery.EndpointName(context.ReceiveContext.InputAddress),
                    Payload = JsonSerializer.Serialize(context.Message, OutboxContext.EventJson),
                };
                Db.DeadLetters.Add(deadLetter);
            }

            deadLetter.Error = error.Length > 4000 ? error[..4000] : error;
            deadLetter.FailedAt = Clock.GetUtcNow();
            deadLetter.Failures++;
            await Db.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception storing) when (storing is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogError(storing, "{Consumer} could not keep message {MessageId} as a dead letter; it goes to the error queue", consumer, messageId);
            throw new AggregateException(failure, storing);
        }
    }

    private Task<bool> AlreadyHandledAsync(Guid messageId, string consumer, CancellationToken cancellationToken) =>
        Db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);

    private async Task<bool> RaceLostAsync(Guid messageId, string consumer, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        return await AlreadyHandledAsync(messageId, consumer, cancellationToken);
    }
}
