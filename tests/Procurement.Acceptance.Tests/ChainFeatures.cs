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
public sealed class EmbeddedChainFixture() : ShiftedPlatformFixture(new Dictionary<string, string?>
{
    ["Tendering:CloseCheckInterval"] = "00:00:01",
    ["Evaluation:AwardCheckInterval"] = "00:00:01",
    ["Contracting:ClockCheckInterval"] = "00:00:01",
    ["Disbursement:OverdueCheckInterval"] = "00:00:01",
    ["Audit:DayCloseCheckInterval"] = "00:00:01",
});
