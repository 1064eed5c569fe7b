using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

public sealed class Idempotent_inbox : IAsyncLifetime
{
    private readonly OutboxFixture _fixture = new();
    private readonly ConsumeCounter _deliveries = new();

    public async Task InitializeAsync()
    {
        await _fixture.StartAsync();
        _fixture.Harness.Bus.ConnectConsumeObserver(_deliveries);
    }

    public Task DisposeAsync() => _fixture.DisposeAsync().AsTask();

    [Fact]
    public async Task A_message_delivered_twice_changes_state_once()
    {
        var widgetId = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        await _fixture.Harness.Bus.Publish(new WidgetChanged(widgetId, "twice"), context => context.MessageId = messageId);
        await _deliveries.WaitForAsync(1);
        await _fixture.Harness.Bus.Publish(new WidgetChanged(widgetId, "twice"), context => context.MessageId = messageId);
        await _deliveries.WaitForAsync(2);

        var widget = await _fixture.InScopeAsync(db => db.Widgets.SingleAsync(w => w.Id == widgetId));
        widget.Changes.Should().Be(1);
        (await _fixture.InScopeAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId))).Should().Be(1);
        (await _fixture.Harness.Published.Any<Fault<WidgetChanged>>()).Should().BeFalse();
    }

    [Fact]
    public async Task Two_messages_with_different_ids_both_change_state()
    {
        var widgetId = Guid.NewGuid();
        await _fixture.Harness.Bus.Publish(new WidgetChanged(widgetId, "first"));
        await _deliveries.WaitForAsync(1);
        await _fixture.Harness.Bus.Publish(new WidgetChanged(widgetId, "second"));
        await _deliveries.WaitForAsync(2);

        (await _fixture.InScopeAsync(db => db.Widgets.SingleAsync(w => w.Id == widgetId))).Changes.Should().Be(2);
    }

    [Fact]
    public async Task The_same_message_delivered_concurrently_changes_state_once()
    {
        var widgetId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            _fixture.Harness.Bus.Publish(new WidgetChanged(widgetId, "racing"), context => context.MessageId = messageId)));
        await _deliveries.WaitForAsync(4);

        (await _fixture.InScopeAsync(db => db.Widgets.SingleAsync(w => w.Id == widgetId))).Changes.Should().Be(1);
        (await _fixture.Harness.Published.Any<Fault<WidgetChanged>>()).Should().BeFalse();
    }
}
