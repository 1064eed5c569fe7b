using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// On the in-memory bus a queue dies with the process, so an outbox row is done only when every consumer of its type
/// committed it (or dead-lettered it); until then it is owed, and sent again after a restart or a timeout.
/// </summary>
public sealed class In_memory_delivery : IAsyncLifetime
{
    private readonly string _folder = WidgetModule.TempFolder();
    private RunningHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            _host.Services.GetRequiredService<InspectorSwitch>().Release();
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_published_row_is_done_only_once_every_consumer_has_committed_it()
    {
        _host = await WidgetModule.StartAsync(_folder);
        var steer = _host.Services.GetRequiredService<InspectorSwitch>();
        steer.Hold = 1;

        var id = await _host.ChangeWidgetAsync("held");

        await _host.EventuallyAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == typeof(WidgetChangedConsumer).FullName),
            "the first consumer commits");
        await Task.Delay(TimeSpan.FromSeconds(1)); // several dispatcher passes
        var owed = await _host.InDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == id));
        owed.PublishedAt.Should().NotBeNull("the row was handed to the bus: the first consumer has it");
        owed.DispatchedAt.Should().BeNull("the inspector has not committed yet: on the in-memory bus the row is still owed");

        steer.Release();
        await _host.EventuallyAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == id && m.DispatchedAt != null), "the row is confirmed");
        (await _host.InDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == id))).Should().Be(2);
    }

    [Fact]
    public async Task A_row_an_earlier_process_published_but_no_consumer_committed_is_published_again_at_start_up()
    {
        // What a kill -9 leaves: the row went onto the in-memory bus of a process that is gone, no consumer committed.
        Directory.CreateDirectory(_folder);
        var options = new DbContextOptionsBuilder<WidgetDb>().UseSqlite($"Data Source={Path.Combine(_folder, "widgets.db")}").Options;
        var widgetId = Guid.NewGuid();
        var rowId = Guid.CreateVersion7();
        await using (var db = new WidgetDb(options))
        {
            await db.Database.EnsureCreatedAsync();
            var before = DateTimeOffset.UtcNow.AddMinutes(-1);
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = rowId,
                MessageType = OutboxMessage.TypeName(typeof(WidgetChanged)),
                Payload = $$"""{"widgetId":"{{widgetId}}","name":"lost in the crash"}""",
                OccurredAt = before,
                NextAttemptAt = before,
                PublishedAt = before,
            });
            await db.SaveChangesAsync();
        }

        SqliteConnection.ClearAllPools();

        _host = await WidgetModule.StartAsync(_folder);

        await _host.EventuallyAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == rowId && m.DispatchedAt != null), "the row is published again and confirmed");
        (await _host.InDbAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == rowId))).Should().Be(2);
        (await _host.InDbAsync(db => db.Widgets.SingleAsync(w => w.Id == widgetId))).Changes.Should().Be(1);
    }

    [Fact]
    public async Task A_row_still_owed_after_the_confirm_timeout_is_published_again_and_the_second_copy_changes_nothing_twice()
    {
        _host = await WidgetModule.StartAsync(_folder, new() { ["Messaging:Outbox:ConfirmTimeout"] = "00:00:01" });
        var steer = _host.Services.GetRequiredService<InspectorSwitch>();
        steer.Hold = 1; // the first copy never comes back while the test runs, as if lost

        var id = await _host.ChangeWidgetAsync("lost copy");

        await _host.EventuallyAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == id && m.DispatchedAt != null), "the second copy is consumed and the row confirmed");
        steer.Calls.Should().Be(2);
        var widget = await _host.InDbAsync(db => db.Widgets.SingleAsync(w => w.Name == "lost copy"));
        widget.Changes.Should().Be(1, "the first consumer already had the message in its inbox when the copy came");
    }

    [Fact]
    public async Task A_row_is_not_published_again_before_the_confirm_timeout()
    {
        _host = await WidgetModule.StartAsync(_folder);
        var steer = _host.Services.GetRequiredService<InspectorSwitch>();
        steer.Hold = 1;

        var id = await _host.ChangeWidgetAsync("patient");
        await _host.EventuallyAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == id && m.PublishedAt != null), "the row is published");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        steer.Calls.Should().Be(1, "the default timeout (2 minutes) outlasts the retry policy");
    }

    [Fact]
    public async Task A_dead_lettered_message_counts_as_done_for_its_consumer()
    {
        _host = await WidgetModule.StartAsync(_folder);
        _host.Services.GetRequiredService<InspectorSwitch>().Broken = true;

        var id = await _host.ChangeWidgetAsync("dead");

        await _host.EventuallyAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == id && m.DispatchedAt != null), "the row is confirmed");
        (await _host.InDbAsync(db => db.DeadLetters.CountAsync(d => d.MessageId == id && d.Consumer == typeof(WidgetInspector).FullName))).Should().Be(1);
    }
}
