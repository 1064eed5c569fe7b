using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Notifications;

/// <summary>The newest notices of one recipient (at most <see cref="NoticeInbox.PageSize"/>) and how many of all its notices are unread.</summary>
public sealed record NoticePage<TNotice>(int Unread, IReadOnlyList<TNotice> Newest)
    where TNotice : Notice;

/// <summary>
/// An organisation's inbox over any <see cref="Notice"/> table: the list with the unread count, marking one read, and
/// the table's key and indexes. A recipient reads and marks only its own notices; anyone else's is "not found". Each
/// service maps its own routes, roles and answer (what its notices are about) on top.
/// </summary>
public static class NoticeInbox
{
    /// <summary>How many notices an inbox answers at most, the newest first.</summary>
    public const int PageSize = 100;

    /// <summary>The newest of <paramref name="mine"/> (one recipient's notices) and how many of them are unread.</summary>
    public static async Task<NoticePage<TNotice>> ReadAsync<TNotice>(IQueryable<TNotice> mine, CancellationToken cancellationToken)
        where TNotice : Notice
    {
        ArgumentNullException.ThrowIfNull(mine);
        mine = mine.AsNoTracking();
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        // Ids are version 7, so they break ties between notices of the same instant in creation order.
        var newest = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
        return new NoticePage<TNotice>(unread, newest);
    }

    /// <summary>
    /// Marks the notice <paramref name="id"/> among <paramref name="mine"/> read and saves <paramref name="db"/>; again
    /// changes nothing. Not among them (not there, or someone else's) is 404 naming <paramref name="resource"/>
    /// (a <see cref="ProblemMessages"/> code, e.g. "notification").
    /// </summary>
    public static async Task<TNotice> MarkReadAsync<TNotice>(
        DbContext db, IQueryable<TNotice> mine, Guid id, DateTimeOffset now, string resource, CancellationToken cancellationToken)
        where TNotice : Notice
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mine);
        var notice = await mine.FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException(ProblemMessages.Get(resource), id);
        notice.MarkRead(now);
        await db.SaveChangesAsync(cancellationToken);
        return notice;
    }

    /// <summary>
    /// Maps a notice table: <paramref name="table"/>, its id as key (made by the notice, never by the database), and the
    /// two indexes the inbox reads by — the recipient's notices newest first, and its unread ones.
    /// </summary>
    public static EntityTypeBuilder<TNotice> IsNoticeTable<TNotice>(
        this EntityTypeBuilder<TNotice> notice, string table, Expression<Func<TNotice, Guid>> recipient)
        where TNotice : Notice
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(recipient);
        var recipientName = ((MemberExpression)recipient.Body).Member.Name;
        notice.ToTable(table);
        notice.HasKey(n => n.Id);
        notice.Property(n => n.Id).ValueGeneratedNever();
        notice.HasIndex(recipientName, nameof(Notice.CreatedAt));
        notice.HasIndex(recipientName, nameof(Notice.ReadAt));
        return notice;
    }
}
