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
/// </summary>
public abstract class IdempotentConsumer<TContext, TMessage>(TContext db, TimeProvider clock, ILogger logger)
    : IConsumer<TMessage>
    where TContext : ServiceDbContext
    where TMessage : class
{
    protected TContext Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().FullName!;
        if (await AlreadyHandledAsync(messageId, consumer, context.CancellationToken))
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; the redelivery changes nothing", consumer, messageId);
            return;
        }

        await HandleAsync(context.Message, context);
        Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = Clock.GetUtcNow() });
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

    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    private Task<bool> AlreadyHandledAsync(Guid messageId, string consumer, CancellationToken cancellationToken) =>
        Db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);

    private async Task<bool> RaceLostAsync(Guid messageId, string consumer, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        return await AlreadyHandledAsync(messageId, consumer, cancellationToken);
    }
}
