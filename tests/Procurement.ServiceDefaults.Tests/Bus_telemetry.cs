using MassTransit;
using MassTransit.UsageTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>MassTransit (8.4+) reports usage to its vendor unless disabled: no host of ours makes that undeclared call.</summary>
public sealed class Bus_telemetry
{
    [Theory]
    [InlineData("InMemory")]
    [InlineData("RabbitMq")]
    public async Task MassTransit_usage_telemetry_is_off_on_either_transport(string transport)
    {
        var settings = new TestSettings { Values = { ["Messaging:Transport"] = transport } };
        await using var app = ProcurementHost.Build(TestHosts.CreateBuilder(settings), "widgets", WidgetModule.Module);

        app.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.Should().BeFalse();
        app.Services.GetRequiredService<IUsageTracker>().Should().BeOfType<UsageTracker>().Which.Enabled.Should().BeFalse();
        settings.DeleteDataDirectory();
    }
}
