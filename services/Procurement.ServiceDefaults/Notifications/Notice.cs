namespace Procurement.ServiceDefaults.Notifications;

/// <summary>
/// What every notice in an organisation's inbox has, whatever the service that keeps it (Bidding's notices to the
/// agencies that bid, Contracting's to a contract's parties): its id, when it was raised and when it was first read.
/// Each service derives its own notice with whom it is for, what it is about and its text, in its own table; the inbox
/// (<see cref="NoticeInbox"/>) reads and marks any of them the same way.
/// </summary>
public abstract class Notice
{
    /// <summary>The longest text (or text argument) a notice keeps; longer ones are cut.</summary>
    public const int TextMaxLength = 2000;

    /// <summary>A version 7 id: notices raised at the same instant sort in the order they were made.</summary>
    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public DateTimeOffset CreatedAt { get; protected init; }

    /// <summary>When the recipient first marked it read; none while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Marking a notice read a second time keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    /// <summary><paramref name="text"/>, cut to <see cref="TextMaxLength"/>.</summary>
    protected static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= TextMaxLength ? text : text[..TextMaxLength];
    }
}
