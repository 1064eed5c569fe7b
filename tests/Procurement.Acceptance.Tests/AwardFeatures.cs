using Procurement.Acceptance.Tests.Runner;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Awards on the embedded platform, on a <see cref="ShiftedClock"/> the scenarios move forward so a challenge
/// window of 7 working days passes without waiting. The award clock checks every second. Contracting is built in
/// parallel, so the steps set the scene by publishing its events (and the panel's ranking) into the embedded bus.
/// </summary>
[FeatureFolder("Features/Awards")]
public sealed class AwardFeaturesEmbedded(EmbeddedAwardFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedAwardFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform, fixture.Clock];
}

/// <summary>One embedded platform per test class, on a clock the scenarios can move forward.</summary>
public sealed class EmbeddedAwardFixture() : ShiftedPlatformFixture(new Dictionary<string, string?>
{
    // The award clock looks for closed challenge windows every second.
    ["Evaluation:AwardCheckInterval"] = "00:00:01",
    ["Tendering:CloseCheckInterval"] = "00:00:01",
});
