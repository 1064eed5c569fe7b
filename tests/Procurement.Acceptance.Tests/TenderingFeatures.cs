using Procurement.Acceptance.Tests.Runner;
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
public sealed class EmbeddedTenderingFixture() : ShiftedPlatformFixture(new Dictionary<string, string?>
{
    // The closer looks for passed deadlines every second.
    ["Tendering:CloseCheckInterval"] = "00:00:01",
});
