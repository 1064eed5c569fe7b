using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Standalone;
using Procurement.Testing;

namespace Procurement.Delivery.Tests;

/// <summary>
/// The in-memory outbox confirms a row by the inbox of each consumer: a consumer that kept no inbox could never be
/// confirmed (the embedded host refuses to start with one). Every consumer of the services is an IdempotentConsumer.
/// </summary>
public sealed class Every_consumer_records_its_effect
{
    [Fact]
    public void Every_consumer_of_every_service_is_an_idempotent_consumer()
    {
        var consumers = DeliveryLedger.ConsumerTypes().ToList();

        consumers.Should().HaveCountGreaterThan(30);
        consumers.Where(t => ConsumerDirectory.Describe(t) is null).Should().BeEmpty();
    }

    [Fact]
    public async Task Every_consumer_the_embedded_host_registers_is_known_to_its_outbox_confirmation()
    {
        var settings = new TestSettings();
        await using (var app = StandaloneHost.Build(TestHosts.CreateBuilder(settings)))
        {
            var directory = app.Services.GetService<ConsumerDirectory>();

            directory.Should().NotBeNull("the embedded host runs the in-memory bus");
            directory!.Consumers.Select(c => c.ConsumerType).Should().BeEquivalentTo(DeliveryLedger.ConsumerTypes());
        }

        settings.DeleteDataDirectory();
    }
}
