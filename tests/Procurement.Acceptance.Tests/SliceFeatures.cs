using Procurement.Acceptance.Tests.Runner;
using Procurement.Testing.Platform;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>Features/Slice on the embedded platform: every module in one Standalone host. Always runs.</summary>
[FeatureFolder("Features/Slice")]
public sealed class SliceFeaturesEmbedded(EmbeddedSliceFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedSliceFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform];
}

/// <summary>
/// Features/Slice on the distributed platform: a host per service behind the gateway, events over RabbitMQ.
/// Every scenario is skipped when no broker is configured.
/// </summary>
[FeatureFolder("Features/Slice")]
[NeedsBroker]
public sealed class SliceFeaturesDistributed(DistributedSliceFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<DistributedSliceFixture>
{
    protected override IEnumerable<object> Services => fixture.Platform is { } platform ? [platform] : [];
}

/// <summary>Skips the scenarios of a class when the test script's RabbitMQ is not configured.</summary>
public sealed class NeedsBrokerAttribute : SkipScenariosAttribute
{
    public override string? Reason => DistributedPlatform.SkipReason;
}

/// <summary>One embedded platform per test class.</summary>
public sealed class EmbeddedSliceFixture : IAsyncLifetime
{
    private EmbeddedPlatform? _platform;

    public IPlatform Platform => _platform ?? throw new InvalidOperationException("The embedded platform has not started.");

    public async Task InitializeAsync() => _platform = await EmbeddedPlatform.StartAsync();

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}

/// <summary>One distributed platform per test class; none when there is no broker (the scenarios are skipped then).</summary>
public sealed class DistributedSliceFixture : IAsyncLifetime
{
    public IPlatform? Platform { get; private set; }

    public async Task InitializeAsync() => Platform = await DistributedPlatform.TryStartAsync();

    public async Task DisposeAsync()
    {
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }
    }
}
