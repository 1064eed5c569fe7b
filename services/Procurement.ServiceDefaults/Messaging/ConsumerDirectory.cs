using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Procurement.ServiceDefaults.Messaging;

/// <summary>One consumer of this host: its full name (as its inbox records it), the message it takes and its database.</summary>
public sealed record ConsumerEntry(string Consumer, Type ConsumerType, Type MessageType, Type ContextType);

/// <summary>
/// Every consumer registered in this host, by the outbox name of the message type it takes. On the in-memory bus
/// the outbox dispatchers use it to learn when a published row is done: when each consumer of its type, in this
/// process, has the message in its inbox or its dead letters. Registered only for the in-memory transport: on
/// RabbitMQ the broker's publisher confirm is the confirmation, and the consumers live in other processes.
/// </summary>
public sealed class ConsumerDirectory
{
    private readonly Dictionary<string, ConsumerEntry[]> _byMessageType;

    public ConsumerDirectory(IEnumerable<ConsumerEntry> consumers)
    {
        Consumers = [.. consumers.DistinctBy(c => c.ConsumerType)];
        _byMessageType = Consumers.GroupBy(c => OutboxMessage.TypeName(c.MessageType)).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<ConsumerEntry> Consumers { get; }

    /// <summary>The consumers of a message type named as the outbox names it; empty when none in this host.</summary>
    public IReadOnlyList<ConsumerEntry> For(string messageType) => _byMessageType.GetValueOrDefault(messageType) ?? [];

    /// <summary>
    /// The consumers registered in <paramref name="services"/> (MassTransit registers each consumer type as a scoped
    /// service). A consumer that does not record its effect in an inbox cannot be confirmed, so it is refused here.
    /// </summary>
    public static ConsumerDirectory From(IServiceCollection services)
    {
        var entries = new List<ConsumerEntry>();
        foreach (var type in services.Select(d => d.ServiceType).Where(IsConsumer).Distinct())
        {
            entries.Add(Describe(type) ?? throw new InvalidOperationException(
                $"{type.FullName} consumes messages without recording them in an inbox; derive it from IdempotentConsumer<TContext, TMessage> " +
                "so the in-memory bus can tell when its effect is committed."));
        }

        return new ConsumerDirectory(entries);
    }

    /// <summary>The entry of an <see cref="IdempotentConsumer{TContext, TMessage}"/>; null for any other type.</summary>
    public static ConsumerEntry? Describe(Type consumerType)
    {
        for (var type = consumerType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IdempotentConsumer<,>))
            {
                var arguments = type.GetGenericArguments();
                return new ConsumerEntry(consumerType.FullName!, consumerType, arguments[1], arguments[0]);
            }
        }

        return null;
    }

    private static bool IsConsumer(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IConsumer).IsAssignableFrom(type);
}
