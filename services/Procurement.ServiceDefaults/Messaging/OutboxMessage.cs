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

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A message a consumer has handled, recorded in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
