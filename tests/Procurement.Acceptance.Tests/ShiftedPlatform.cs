using Microsoft.Extensions.DependencyInjection;
using Procurement.Testing.Platform;
using Xunit;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// One embedded platform per feature class on a <see cref="ShiftedClock"/> the scenarios move forward, with the settings
/// its features need (most often: which clocks of the platform look every second).
/// </summary>
public abstract class ShiftedPlatformFixture(IReadOnlyDictionary<string, string?> settings) : IAsyncLifetime
{
    private EmbeddedPlatform? _platform;

    public ShiftedClock Clock { get; } = new();

    public EmbeddedPlatform Platform => _platform ?? throw new InvalidOperationException("The embedded platform has not started.");

    public async Task InitializeAsync() => _platform = await EmbeddedPlatform.StartAsync(
        new Dictionary<string, string?>(settings), builder => builder.Services.AddSingleton<TimeProvider>(Clock));

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
