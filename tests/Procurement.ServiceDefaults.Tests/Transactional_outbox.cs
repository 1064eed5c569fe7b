using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;

namespace Procurement.ServiceDefaults.Tests;

public sealed class Transactional_outbox : IAsyncLifetime
{
    private readonly OutboxFixture _fixture = new();

    public Task InitializeAsync() => _fixture.StartAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync().AsTask();

    [Fact]
    public async Task Nothing_is_published_when_the_transaction_rolls_back()
    {
        await _fixture.InScopeAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var widget = new Widget { Id = Guid.NewGuid(), Name = "rolled back" };
            db.Widgets.Add(widget);
            db.Raise(new WidgetChanged(widget.Id, widget.Name));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });

        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(0);
        (await _fixture.InScopeAsync(db => db.OutboxMessages.CountAsync())).Should().Be(0);
        (await _fixture.Harness.Published.Any<WidgetChanged>()).Should().BeFalse();
    }

    [Fact]
    public async Task Nothing_is_published_when_the_state_change_fails_to_save()
    {
        await _fixture.InScopeAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "taken" });
            await db.SaveChangesAsync();
        });

        var save = () => _fixture.InScopeAsync(async db =>
        {
            var duplicate = new Widget { Id = Guid.NewGuid(), Name = "taken" };
            db.Widgets.Add(duplicate);
            db.Raise(new WidgetChanged(duplicate.Id, duplicate.Name));
            await db.SaveChangesAsync();
        });

        await save.Should().ThrowAsync<DbUpdateException>();
        (await _fixture.InScopeAsync(db => db.OutboxMessages.CountAsync())).Should().Be(0);
        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(0);
        (await _fixture.Harness.Published.Any<WidgetChanged>()).Should().BeFalse();
    }

    [Fact]
    public async Task A_committed_event_is_published_with_the_outbox_id_as_its_message_id()
    {
        var widgetId = Guid.NewGuid();
        await _fixture.InScopeAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = widgetId, Name = "committed" });
            db.Raise(new WidgetChanged(widgetId, "committed"));
            await db.SaveChangesAsync();
        });
        var outboxId = await _fixture.InScopeAsync(db => db.OutboxMessages.Select(m => m.Id).SingleAsync());

        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(1);

        (await _fixture.Harness.Published.Any<WidgetChanged>(m => m.Context.Message.WidgetId == widgetId)).Should().BeTrue();
        _fixture.Harness.Published.Select<WidgetChanged>().Single().Context.MessageId.Should().Be(outboxId);
        var row = await _fixture.InScopeAsync(db => db.OutboxMessages.SingleAsync());
        row.DispatchedAt.Should().Be(_fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_is_published_once_the_broker_is_back()
    {
        _fixture.BrokerDown = true;
        var widgetId = Guid.NewGuid();
        await _fixture.InScopeAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = widgetId, Name = "during outage" });
            db.Raise(new WidgetChanged(widgetId, "during outage"));
            await db.SaveChangesAsync();
        });

        // Down: the publish fails, the event stays in the outbox with its next attempt moved out.
        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(0);
        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(0);
        var waiting = await _fixture.InScopeAsync(db => db.OutboxMessages.SingleAsync());
        waiting.DispatchedAt.Should().BeNull();
        waiting.Attempts.Should().Be(1, "the second pass came before the back-off ran out");
        waiting.LastError.Should().Contain("unreachable");
        waiting.NextAttemptAt.Should().BeAfter(_fixture.Clock.GetUtcNow());

        // Still down after the back-off: the delay grows.
        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(0);
        var again = await _fixture.InScopeAsync(db => db.OutboxMessages.SingleAsync());
        again.Attempts.Should().Be(2);
        (again.NextAttemptAt - _fixture.Clock.GetUtcNow()).Should().Be(TimeSpan.FromSeconds(2));

        // Back: the next pass after the back-off publishes it, once.
        _fixture.BrokerDown = false;
        _fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(1);
        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(0);

        // Published (recorded as the dispatcher sends it), not Consumed: the harness gives up on consumption after 1 s of quiet, which a loaded machine exceeds.
        (await _fixture.Harness.Published.Any<WidgetChanged>(m => m.Context.Message.WidgetId == widgetId)).Should().BeTrue();
        _fixture.Harness.Published.Select<WidgetChanged>().Count().Should().Be(1);
        (await _fixture.InScopeAsync(db => db.OutboxMessages.SingleAsync())).DispatchedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task A_failing_event_holds_back_the_ones_raised_after_it()
    {
        _fixture.BrokerDown = true;
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await _fixture.InScopeAsync(async db =>
        {
            db.Raise(new WidgetChanged(first, "first"));
            await db.SaveChangesAsync();
            _fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
            db.Raise(new WidgetChanged(second, "second"));
            await db.SaveChangesAsync();
        });

        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(0);
        _fixture.BrokerDown = false;
        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        (await _fixture.Dispatcher.DispatchPendingAsync(CancellationToken.None)).Should().Be(2);

        (await _fixture.Harness.Published.Any<WidgetChanged>()).Should().BeTrue();
        _fixture.Harness.Published.Select<WidgetChanged>().Select(m => m.Context.Message.WidgetId)
            .Should().Equal(first, second);
    }
}
