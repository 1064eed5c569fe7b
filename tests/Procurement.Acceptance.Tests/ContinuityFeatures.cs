using Procurement.Acceptance.Tests.Runner;
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
public sealed class EmbeddedContinuityFixture() : ShiftedPlatformFixture(new Dictionary<string, string?>
{
    ["Contracting:ClockCheckInterval"] = "00:00:01",
    ["Disbursement:OverdueCheckInterval"] = "00:00:01",
});
