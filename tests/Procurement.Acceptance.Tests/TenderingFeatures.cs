using Microsoft.Extensions.DependencyInjection;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Testing.Platform;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Tendering on the embedded platform, whose every module (the token issuer and validator included)
/// reads one <see cref="ShiftedClock"/>: the scenarios let days pass and deadlines fall without waiting.
/// </summary>
[FeatureFolder("Features/Tendering")]
public sealed class TenderingFeaturesEmbedded(EmbeddedTenderingFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedTenderingFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform, fixture.Clock];
}

/// <summary>One embedded platform per test class, on a clock the scenarios can move forward.</summary>
public sealed class EmbeddedTenderingFixture : IAsyncLifetime
{
    private EmbeddedPlatform? _platform;

    public ShiftedClock Clock { get; } = new();

    public IPlatform Platform => _platform ?? throw new InvalidOperationException("The embedded platform has not started.");

    public async Task InitializeAsync() => _platform = await EmbeddedPlatform.StartAsync(
        new Dictionary<string, string?>
        {
            // The closer looks for passed deadlines every second.
            ["Tendering:CloseCheckInterval"] = "00:00:01",
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

/// <summary>
/// The real time plus a shift the scenarios add to. Timers and delays run in real time (the base
/// <see cref="TimeProvider"/> ones), so background work (the closer's check, retries) keeps going while
/// the platform believes days have passed. A FakeTimeProvider would freeze every timer-driven wait instead.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _shiftTicks, by.Ticks);
    }
}
