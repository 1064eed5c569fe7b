using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Mail;

/// <summary>
/// A DbContext with a mail outbox (the OutgoingMails table, added by <see cref="OutboxContext.AddMessagingTables"/>):
/// a mail enqueued with <see cref="MailOutbox.EnqueueMail"/> leaves only if the change that caused it commits.
/// </summary>
public interface IMailOutbox
{
    DbSet<OutgoingMail> OutgoingMails => ((DbContext)this).Set<OutgoingMail>();
}

/// <summary>A mail to send: one recipient, a subject, plain text and optionally HTML, in one language.</summary>
public sealed record MailToSend(string To, string Subject, string TextBody, CultureInfo Culture, string? HtmlBody = null);

public static class MailOutbox
{
    /// <summary>
    /// Adds a mail to the context's outbox; it is saved (and later sent) with the rest of this unit of work, or not
    /// at all. The recipient must be one valid address (a typo is refused here, not found at the SMTP server).
    /// </summary>
    public static OutgoingMail EnqueueMail(this IMailOutbox db, MailToSend mail)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        if (!MailboxAddress.TryParse(mail.To, out var to) || to.Address.IndexOf('@', StringComparison.Ordinal) <= 0 || mail.To.Contains(','))
        {
            throw new ArgumentException($"'{mail.To}' is not one mail address.", nameof(mail));
        }

        if (string.IsNullOrWhiteSpace(mail.Subject) || mail.Subject.Length > OutgoingMail.SubjectMaxLength)
        {
            throw new ArgumentException($"A mail's subject must have 1 to {OutgoingMail.SubjectMaxLength} characters.", nameof(mail));
        }

        var context = (DbContext)db;
        var now = OutboxContext.ClockOf(context).GetUtcNow();
        var id = Guid.CreateVersion7();
        var row = new OutgoingMail
        {
            Id = id,
            MessageId = $"{id:N}@{MessageIdDomain(context)}",
            To = to.Address,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            Culture = mail.Culture.Name,
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = Activity.Current?.Id,
        };
        db.OutgoingMails.Add(row);
        return row;
    }

    /// <summary>The domain of the configured sender (Mail:From), else "localhost".</summary>
    private static string MessageIdDomain(DbContext context)
    {
        var services = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var from = (services?.GetService(typeof(IOptions<MailOptions>)) as IOptions<MailOptions>)?.Value.From;
        return from is not null && MailboxAddress.TryParse(from, out var address) && address.Domain.Length > 0 ? address.Domain : "localhost";
    }
}
