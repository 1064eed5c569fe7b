namespace Procurement.ServiceDefaults.Mail;

/// <summary>
/// A mail a service owes someone, saved in the same transaction as the change that caused it and sent by
/// <see cref="MailDispatcher{TContext}"/> after commit. Sent at least once: a crash after the SMTP server took it and
/// before the row was marked sends it again, with the same <see cref="MessageId"/>, so the recipient's mail system
/// (and the reader) can tell the copy.
/// </summary>
public sealed class OutgoingMail
{
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 300;
    public const int MessageIdMaxLength = 200;
    public const int ErrorMaxLength = 2000;

    public Guid Id { get; set; }

    /// <summary>The RFC 5322 Message-Id, without angle brackets; fixed at enqueue, so every attempt sends the same message.</summary>
    public string MessageId { get; set; } = "";

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    /// <summary>The language the mail is written in (zh-CN, en), sent as its Content-Language.</summary>
    public string Culture { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The W3C trace parent of the request that enqueued it, so the send continues its trace.</summary>
    public string? TraceParent { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before then: the back-off after a failed attempt (the server down or answering 4xx).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When the SMTP server accepted it (null: still owed).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When the server refused it for good (5xx); such a mail is not tried again and counts in /health/ready.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}
