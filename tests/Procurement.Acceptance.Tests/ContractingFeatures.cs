using Procurement.Acceptance.Tests.Runner;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Contracting on the embedded platform, on a <see cref="ShiftedClock"/> the scenarios move forward; the
/// contract clock checks every second, so activation and the renewal window follow within moments.
/// </summary>
[FeatureFolder("Features/Contracting")]
public sealed class ContractingFeaturesEmbedded(EmbeddedContractingFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedContractingFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform, fixture.Clock];
}

/// <summary>One embedded platform for the contracting scenarios, on a clock they can move forward.</summary>
public sealed class EmbeddedContractingFixture() : ShiftedPlatformFixture(new Dictionary<string, string?>
{
    ["Contracting:ClockCheckInterval"] = "00:00:01",
});
