using Procurement.Acceptance.Tests.Runner;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Chain on the embedded platform: every module in one host on the in-memory bus, every module reading one
/// <see cref="ShiftedClock"/>, and every scheduled job (the bid-window closer, the award clock, the contract clock and
/// the overdue check) looking every second. Nothing is published into the bus by the steps: each hand-over is the
/// services' own event.
/// </summary>
[FeatureFolder("Features/Chain")]
public sealed class ChainFeaturesEmbedded(EmbeddedChainFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedChainFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform, fixture.Clock];
}

/// <summary>One embedded platform for the chain, on a clock the scenario moves forward.</summary>
public sealed class EmbeddedChainFixture() : ShiftedPlatformFixture(Settings)
{
    /// <summary>Every scheduled job looking every second, so that a step waits seconds for a job's next pass.</summary>
    internal static Dictionary<string, string?> Settings => new()
    {
        ["Tendering:CloseCheckInterval"] = "00:00:01",
        ["Evaluation:AwardCheckInterval"] = "00:00:01",
        ["Contracting:ClockCheckInterval"] = "00:00:01",
        ["Disbursement:OverdueCheckInterval"] = "00:00:01",
        ["Audit:DayCloseCheckInterval"] = "00:00:01",
    };
}

/// <summary>
/// Features/Disclosure on an embedded platform of its own: its scenario moves the clock to a contract's first day of
/// service, months ahead, which the chain's scenarios (counting days from today) must not inherit.
/// </summary>
[FeatureFolder("Features/Disclosure")]
public sealed class DisclosureFeaturesEmbedded(EmbeddedDisclosureFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedDisclosureFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform, fixture.Clock];
}

/// <summary>One embedded platform for the disclosure scenario, with the chain's job intervals.</summary>
public sealed class EmbeddedDisclosureFixture() : ShiftedPlatformFixture(EmbeddedChainFixture.Settings)
{
}
