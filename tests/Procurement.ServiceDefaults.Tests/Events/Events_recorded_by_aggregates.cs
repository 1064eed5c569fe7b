using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Tests.Events;

/// <summary>
/// The unit of work saves the events its tracked aggregates recorded into the outbox, in the same transaction as the
/// change, exactly once; a save that fails leaves nothing a later save of the same context would publish for a change that
/// was not saved (issue 16 item 14).
/// </summary>
public sealed class Events_recorded_by_aggregates : IAsyncLifetime
{
    private readonly SqliteConnection _database = new($"Data Source=gadgets-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");

    public async Task InitializeAsync()
    {
        await _database.OpenAsync();
        await using var db = GadgetDb.On(_database);
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_event_an_aggregate_recorded_is_in_the_outbox_after_the_save_once_and_no_longer_pending()
    {
        var gadget = Gadget.Make("lamp");
        await using (var db = GadgetDb.On(_database))
        {
            db.Gadgets.Add(gadget);
            await db.SaveChangesAsync();
            gadget.Rename("desk lamp");
            await db.SaveChangesAsync();
            await db.SaveChangesAsync();
            gadget.PendingEvents().All.Should().BeEmpty("the saves took them");
        }

        (await OutboxAsync()).Should().BeEquivalentTo(new[]
        {
            new GadgetRenamed(gadget.Id, "lamp", 1), new GadgetRenamed(gadget.Id, "desk lamp", 2),
        });
    }

    [Fact]
    public async Task A_save_lost_to_a_concurrent_change_publishes_nothing_and_a_later_save_of_the_context_does_not_either()
    {
        var gadget = Gadget.Make("lamp");
        await using (var setup = GadgetDb.On(_database))
        {
            setup.Gadgets.Add(gadget);
            await setup.SaveChangesAsync();
        }

        await using var loser = GadgetDb.On(_database);
        var stale = await loser.Gadgets.SingleAsync(g => g.Id == gadget.Id);
        await using (var winner = GadgetDb.On(_database))
        {
            (await winner.Gadgets.SingleAsync(g => g.Id == gadget.Id)).Rename("floor lamp");
            await winner.SaveChangesAsync();
        }

        stale.Rename("table lamp");
        var save = () => loser.SaveChangesAsync();
        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        ((IOutboxContext)loser).OutboxMessages.Local.Should().BeEmpty("the failed save's rows are withdrawn");

        // The caller takes the other side's change and goes on with something else in the same context.
        await loser.Entry(stale).ReloadAsync();
        var other = Gadget.Make("torch");
        loser.Gadgets.Add(other);
        await loser.SaveChangesAsync();

        (await OutboxAsync()).Should().BeEquivalentTo(new[]
        {
            new GadgetRenamed(gadget.Id, "lamp", 1), new GadgetRenamed(gadget.Id, "floor lamp", 2), new GadgetRenamed(other.Id, "torch", 1),
        });
        stale.PendingEvents().All.Should().BeEmpty();
    }

    [Fact]
    public async Task A_save_tried_again_with_the_same_change_saves_its_event_once()
    {
        var gadget = Gadget.Make("lamp");
        await using (var setup = GadgetDb.On(_database))
        {
            setup.Gadgets.Add(Gadget.Make("taken"));
            setup.Gadgets.Add(gadget);
            await setup.SaveChangesAsync();
        }

        await using var db = GadgetDb.On(_database);
        var tracked = await db.Gadgets.SingleAsync(g => g.Id == gadget.Id);
        tracked.Rename("desk lamp");
        var duplicate = Gadget.Make("taken");
        db.Gadgets.Add(duplicate);
        var save = () => db.SaveChangesAsync();
        await save.Should().ThrowAsync<DbUpdateException>("the other name is taken");
        tracked.PendingEvents().All.Should().ContainSingle("the rename is still to be saved").Which.Should().Be(new GadgetRenamed(gadget.Id, "desk lamp", 2));

        db.Entry(duplicate).State = EntityState.Detached;
        await db.SaveChangesAsync();

        (await OutboxAsync()).Where(e => e.GadgetId == gadget.Id).Should().BeEquivalentTo(new[]
        {
            new GadgetRenamed(gadget.Id, "lamp", 1), new GadgetRenamed(gadget.Id, "desk lamp", 2),
        });
    }

    [Fact]
    public async Task A_refused_change_records_nothing_and_a_save_takes_the_events_of_every_tracked_aggregate()
    {
        var first = Gadget.Make("one");
        var second = Gadget.Make("two");
        var refused = () => first.Rename(" ");
        refused.Should().Throw<ArgumentException>();
        first.PendingEvents().All.Should().ContainSingle();
        await using (var db = GadgetDb.On(_database))
        {
            db.Gadgets.Add(second);
            db.Gadgets.Add(first);
            second.Rename("two, renamed");
            await db.SaveChangesAsync();
        }

        (await OutboxAsync()).Should().BeEquivalentTo(new[]
        {
            new GadgetRenamed(first.Id, "one", 1), new GadgetRenamed(second.Id, "two", 1), new GadgetRenamed(second.Id, "two, renamed", 2),
        });
    }

    /// <summary>The outbox's events.</summary>
    private async Task<List<GadgetRenamed>> OutboxAsync()
    {
        await using var db = GadgetDb.On(_database);
        var rows = await ((IOutboxContext)db).OutboxMessages.AsNoTracking().ToListAsync();
        rows.Should().OnlyContain(r => r.MessageType == OutboxMessage.TypeName(typeof(GadgetRenamed)));
        return [.. rows.Select(r => JsonSerializer.Deserialize<GadgetRenamed>(r.Payload, JsonSerializerOptions.Web)!)];
    }
}
