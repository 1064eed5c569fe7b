using Procurement.Acceptance.Tests.Runner;
using Procurement.Testing.Platform;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Evaluation on the embedded platform. The steps publish the scene (a tender with opened bids) into the
/// embedded host's bus, so they need the <see cref="EmbeddedPlatform"/> itself, not only its public entry.
/// </summary>
[FeatureFolder("Features/Evaluation")]
public sealed class EvaluationFeaturesEmbedded(EmbeddedEvaluationFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedEvaluationFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform];
}

/// <summary>One embedded platform (Development: the demo district and the demo expert pool) per test class.</summary>
public sealed class EmbeddedEvaluationFixture : IAsyncLifetime
{
    private EmbeddedPlatform? _platform;

    public EmbeddedPlatform Platform => _platform ?? throw new InvalidOperationException("The embedded platform has not started.");

    public async Task InitializeAsync() => _platform = await EmbeddedPlatform.StartAsync();

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
