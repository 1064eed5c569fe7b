using System.Globalization;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Messaging;
using Xunit;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// <see cref="OutboxSignal"/>: one per database; a commit wakes that database's outbox dispatcher only when it wrote
/// outbox rows, after the COMMIT of a caller's own transaction, and never for a transaction rolled back.
/// </summary>
public sealed class Outbox_signal : IAsyncDisposable
{
    private static readonly TimeSpan NotWoken = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan Woken = TimeSpan.FromSeconds(10);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public Outbox_signal()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddSingleton<OutboxSignals>();
        services.AddDbContext<WidgetDb>((provider, options) => options.UseSqlite($"Data Source={Path.Combine(_folder, "widgets.db")}")
            .AddInterceptors(provider.GetRequiredService<OutboxSignals>().For<WidgetDb>()));
        services.AddDbContext<MailingDb>((provider, options) => options.UseSqlite($"Data Source={Path.Combine(_folder, "mail.db")}")
            .AddInterceptors(provider.GetRequiredService<OutboxSignals>().For<MailingDb>()));
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WidgetDb>().Database.EnsureCreated();
        scope.ServiceProvider.GetRequiredService<MailingDb>().Database.EnsureCreated();
    }

    private OutboxSignal Widgets => _services.GetRequiredService<OutboxSignals>().For<WidgetDb>();

    private OutboxSignal Mailing => _services.GetRequiredService<OutboxSignals>().For<MailingDb>();

    [Fact]
    public async Task A_commit_with_an_event_wakes_its_own_databases_dispatcher_and_no_other()
    {
        var db = NewWidgets();
        db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "a" });
        db.Raise(new WidgetChanged(Guid.NewGuid(), "a"));
        await db.SaveChangesAsync();

        (await Widgets.WaitAsync(Woken, CancellationToken.None)).Should().BeTrue();
        (await Mailing.WaitAsync(NotWoken, CancellationToken.None)).Should().BeFalse("the other database committed nothing");
    }

    [Fact]
    public async Task A_commit_without_an_outbox_row_wakes_no_one()
    {
        var db = NewWidgets();
        db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "b" });
        await db.SaveChangesAsync();

        (await Widgets.WaitAsync(NotWoken, CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task In_a_callers_transaction_the_wake_up_comes_at_its_commit_and_not_at_all_after_a_rollback()
    {
        var db = NewWidgets();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Raise(new WidgetChanged(Guid.NewGuid(), "c"));
            await db.SaveChangesAsync();
            (await Widgets.WaitAsync(NotWoken, CancellationToken.None)).Should().BeFalse("nothing is committed yet");
            await transaction.CommitAsync();
        }

        (await Widgets.WaitAsync(Woken, CancellationToken.None)).Should().BeTrue();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Raise(new WidgetChanged(Guid.NewGuid(), "d"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        (await Widgets.WaitAsync(NotWoken, CancellationToken.None)).Should().BeFalse("the event was rolled back");
    }

    [Fact]
    public async Task A_listener_for_mails_is_woken_by_a_committed_mail_and_not_by_an_event()
    {
        var mails = Mailing.Listen<OutgoingMail>();
        var db = NewMailing();
        db.Raise(new WidgetChanged(Guid.NewGuid(), "e"));
        await db.SaveChangesAsync();
        (await mails(NotWoken, CancellationToken.None)).Should().BeFalse("an event is not a mail");

        db.EnqueueMail(new MailToSend("someone@district.example", "Invitation", "text", CultureInfo.GetCultureInfo("en")));
        await db.SaveChangesAsync();
        (await mails(Woken, CancellationToken.None)).Should().BeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private WidgetDb NewWidgets() => _services.CreateScope().ServiceProvider.GetRequiredService<WidgetDb>();

    private MailingDb NewMailing() => _services.CreateScope().ServiceProvider.GetRequiredService<MailingDb>();
}
