using Microsoft.Extensions.DependencyInjection;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Testing.Platform;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Continuity (DOMAIN.md §2) on the embedded platform, on a <see cref="ShiftedClock"/> the scenarios move
/// forward. Contracting's clocks (activation, renewal window, RenewalDue, forecast and bridge proposals, the gap watch)
/// and Disbursement's overdue check run every second, so what the platform does on a day follows within moments.
/// </summary>
[FeatureFolder("Features/Continuity")]
public sealed class ContinuityFeaturesEmbedded(EmbeddedContinuityFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedContinuityFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform, fixture.Clock];
}

/// <summary>One embedded platform for the continuity scenarios, on a clock they can move forward.</summary>
public sealed class EmbeddedContinuityFixture : IAsyncLifetime
{
    private EmbeddedPlatform? _platform;

    public ShiftedClock Clock { get; } = new();

    public EmbeddedPlatform Platform => _platform ?? throw new InvalidOperationException("The embedded platform has not started.");

    public async Task InitializeAsync() => _platform = await EmbeddedPlatform.StartAsync(
        new Dictionary<string, string?>
        {
            ["Contracting:ClockCheckInterval"] = "00:00:01",
            ["Disbursement:OverdueCheckInterval"] = "00:00:01",
        },
        builder => builder.Services.AddSingleton<TimeProvider>(Clock));

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
