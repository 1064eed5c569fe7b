using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Tests;

public sealed class Consumer_directory
{
    [Fact]
    public void It_finds_each_consumer_with_its_message_type_and_database()
    {
        var services = new ServiceCollection();
        services.AddScoped<WidgetChangedConsumer>();
        services.AddScoped<WidgetInspector>();

        var directory = ConsumerDirectory.From(services);

        directory.For(OutboxMessage.TypeName(typeof(WidgetChanged))).Should().BeEquivalentTo(
        [
            new ConsumerEntry(typeof(WidgetChangedConsumer).FullName!, typeof(WidgetChangedConsumer), typeof(WidgetChanged), typeof(WidgetDb)),
            new ConsumerEntry(typeof(WidgetInspector).FullName!, typeof(WidgetInspector), typeof(WidgetChanged), typeof(WidgetDb)),
        ]);
        directory.For("Somewhere.Else, Nowhere").Should().BeEmpty();
    }

    [Fact]
    public void A_consumer_that_keeps_no_inbox_is_refused_on_the_in_memory_bus()
    {
        var services = new ServiceCollection();
        services.AddScoped<ForgetfulConsumer>();

        var building = () => ConsumerDirectory.From(services);

        building.Should().Throw<InvalidOperationException>().WithMessage($"*{typeof(ForgetfulConsumer).FullName}*IdempotentConsumer*");
    }

    private sealed class ForgetfulConsumer : IConsumer<WidgetChanged>
    {
        public Task Consume(ConsumeContext<WidgetChanged> context) => Task.CompletedTask;
    }
}
