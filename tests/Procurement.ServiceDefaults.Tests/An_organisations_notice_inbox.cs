using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Notifications;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>A service's own notice: for whom, and its text.</summary>
public sealed class MemoNotice : Notice
{
    private MemoNotice()
    {
    }

    public Guid RecipientId { get; private set; }

    public string Text { get; private set; } = "";

    public static MemoNotice To(Guid recipient, string text, DateTimeOffset now) => new() { RecipientId = recipient, Text = Clip(text), CreatedAt = now };
}

/// <summary>A service's database (on SQLite, instants are stored so that they sort, as every service's are).</summary>
public sealed class MemoDb(DbContextOptions<MemoDb> options) : ServiceDbContext(options)
{
    public DbSet<MemoNotice> Memos => Set<MemoNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MemoNotice>(memo => memo.IsNoticeTable("Memos", m => m.RecipientId));
    }
}

public sealed class An_organisations_notice_inbox : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly Guid _mine = Guid.NewGuid();
    private readonly Guid _theirs = Guid.NewGuid();

    public An_organisations_notice_inbox()
    {
        _connection.Open();
        using var db = NewDb();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task Lists_only_the_recipients_notices_newest_first_with_ties_in_the_order_they_were_raised()
    {
        var second = MemoNotice.To(_mine, "second, same instant", Monday.AddHours(1));
        await Task.Delay(5); // a version 7 id orders by the millisecond it was made in
        var third = MemoNotice.To(_mine, "third, same instant", Monday.AddHours(1));
        await AddAsync(third, MemoNotice.To(_mine, "first", Monday), MemoNotice.To(_theirs, "not mine", Monday.AddHours(2)), second);

        await using var db = NewDb();
        var page = await NoticeInbox.ReadAsync(db.Memos.Where(m => m.RecipientId == _mine), CancellationToken.None);

        page.Newest.Select(m => m.Text).Should().Equal("third, same instant", "second, same instant", "first");
        page.Unread.Should().Be(3);
    }

    [Fact]
    public async Task Answers_the_newest_hundred_and_counts_every_unread_one()
    {
        await AddAsync([.. Enumerable.Range(0, NoticeInbox.PageSize + 5).Select(i => MemoNotice.To(_mine, $"n{i}", Monday.AddMinutes(i)))]);

        await using var db = NewDb();
        var page = await NoticeInbox.ReadAsync(db.Memos.Where(m => m.RecipientId == _mine), CancellationToken.None);

        page.Newest.Should().HaveCount(NoticeInbox.PageSize);
        page.Newest[0].Text.Should().Be($"n{NoticeInbox.PageSize + 4}");
        page.Unread.Should().Be(NoticeInbox.PageSize + 5);
    }

    [Fact]
    public async Task Marking_ones_own_notice_read_keeps_the_first_time_and_leaves_it_out_of_the_unread_count()
    {
        var memo = MemoNotice.To(_mine, "read me", Monday);
        await AddAsync(memo, MemoNotice.To(_mine, "unread", Monday));

        await MarkReadAsync(_mine, memo.Id, Monday.AddHours(1));
        var again = await MarkReadAsync(_mine, memo.Id, Monday.AddHours(2));

        again.ReadAt.Should().Be(Monday.AddHours(1));
        await using var db = NewDb();
        (await db.Memos.SingleAsync(m => m.Id == memo.Id)).ReadAt.Should().Be(Monday.AddHours(1));
        (await NoticeInbox.ReadAsync(db.Memos.Where(m => m.RecipientId == _mine), CancellationToken.None)).Unread.Should().Be(1);
    }

    [Fact]
    public async Task Anothers_notice_is_not_found_and_stays_unread()
    {
        var theirs = MemoNotice.To(_theirs, "not yours", Monday);
        await AddAsync(theirs);

        var marking = () => MarkReadAsync(_mine, theirs.Id, Monday.AddHours(1));

        var refusal = (await marking.Should().ThrowExactlyAsync<NotFoundException>()).Which;
        refusal.Args.Should().Equal(ProblemMessages.Get("notification"), theirs.Id);
        await using var db = NewDb();
        (await db.Memos.SingleAsync(m => m.Id == theirs.Id)).ReadAt.Should().BeNull();
    }

    [Fact]
    public void A_notice_keeps_at_most_the_longest_text_and_its_table_has_the_inboxs_indexes()
    {
        MemoNotice.To(_mine, new string('字', Notice.TextMaxLength + 1), Monday).Text.Should().HaveLength(Notice.TextMaxLength);
        MemoNotice.To(_mine, new string('字', Notice.TextMaxLength), Monday).Text.Should().HaveLength(Notice.TextMaxLength);

        using var db = NewDb();
        var table = db.Model.FindEntityType(typeof(MemoNotice))!;
        table.GetTableName().Should().Be("Memos");
        table.FindPrimaryKey()!.Properties.Select(p => p.Name).Should().Equal(nameof(Notice.Id));
        table.GetIndexes().Select(i => string.Join(",", i.Properties.Select(p => p.Name)))
            .Should().BeEquivalentTo("RecipientId,CreatedAt", "RecipientId,ReadAt");
    }

    private MemoDb NewDb() => new(new DbContextOptionsBuilder<MemoDb>().UseSqlite(_connection).Options);

    private async Task AddAsync(params MemoNotice[] memos)
    {
        await using var db = NewDb();
        db.Memos.AddRange(memos);
        await db.SaveChangesAsync();
    }

    private async Task<MemoNotice> MarkReadAsync(Guid reader, Guid id, DateTimeOffset now)
    {
        await using var db = NewDb();
        return await NoticeInbox.MarkReadAsync(db, db.Memos.Where(m => m.RecipientId == reader), id, now, "notification", CancellationToken.None);
    }
}
