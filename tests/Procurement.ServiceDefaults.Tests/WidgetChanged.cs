using MassTransit;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Tests;

public sealed record WidgetChanged(Guid WidgetId, string Name);

/// <summary>Counts each change it is told of on the widget: a second delivery must not count again.</summary>
public sealed class WidgetChangedConsumer(WidgetDb db, TimeProvider clock, ILogger<WidgetChangedConsumer> logger)
    : IdempotentConsumer<WidgetDb, WidgetChanged>(db, clock, logger)
{
    protected override async Task HandleAsync(WidgetChanged message, ConsumeContext<WidgetChanged> context)
    {
        var widget = await Db.Widgets.FindAsync([message.WidgetId], context.CancellationToken);
        if (widget is null)
        {
            widget = new Widget { Id = message.WidgetId, Name = message.Name };
            Db.Widgets.Add(widget);
        }

        widget.Changes++;
    }
}
