namespace Procurement.ServiceDefaults.Messaging;

/// <summary>
/// An integration event saved in the same transaction as the state change that raised it, published
/// by <see cref="OutboxDispatcher{TContext}"/> after commit. Its id becomes the message id on the bus,
/// so a consumer's inbox recognises a second delivery of it.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>"Namespace.Type, Assembly" without version, so rows outlive a deployment.</summary>
    public string MessageType { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The W3C trace parent of the request that raised the event, so the trace crosses the broker.</summary>
    public string? TraceParent { get; set; }

    /// <summary>
    /// When the bus last accepted the row (null: not yet). On RabbitMQ this is also when it is done; on the
    /// in-memory bus a row published but not yet <see cref="DispatchedAt">confirmed</see> is sent again after a
    /// restart or a timeout, because an in-memory queue does not survive the process.
    /// </summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// When the row was done (confirmed): the broker confirmed it (RabbitMQ), or every consumer of its type in
    /// this process committed its effect or durably dead-lettered it (in-memory bus). Null: still owed.
    /// </summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The name a message type is stored under: "Namespace.Type, Assembly", without version.</summary>
    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

/// <summary>A message a consumer has handled, recorded in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}

/// <summary>
/// A message one consumer still failed on after every retry, kept in that consumer's own database until an
/// operator replays it and the consumer commits (the row is removed in the same transaction as the effect).
/// One row per message and consumer: a replay that fails again updates it.
/// </summary>
public sealed class DeadLetter
{
    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    /// <summary>As <see cref="OutboxMessage.MessageType"/>.</summary>
    public string MessageType { get; set; } = "";

    /// <summary>The consumer's full type name, as its inbox records it.</summary>
    public string Consumer { get; set; } = "";

    /// <summary>The consumer's queue (receive endpoint) name; a replay is sent there.</summary>
    public string Endpoint { get; set; } = "";

    public string Payload { get; set; } = "";

    public string Error { get; set; } = "";

    /// <summary>When it failed the last time.</summary>
    public DateTimeOffset FailedAt { get; set; }

    /// <summary>How many times it ran out of retries (1, plus one for each replay that failed again).</summary>
    public int Failures { get; set; }

    public DateTimeOffset? ReplayedAt { get; set; }

    public int Replays { get; set; }
}
