using Procurement.Acceptance.Tests.Runner;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Disbursement on the embedded platform. Contracting and Evaluation publish the events that drive payments;
/// these scenarios set the scene by publishing them into the embedded host's bus themselves, and move the
/// <see cref="ShiftedClock"/> to let payment terms run out.
/// </summary>
[FeatureFolder("Features/Disbursement")]
public sealed class DisbursementFeaturesEmbedded(EmbeddedDisbursementFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<EmbeddedDisbursementFixture>
{
    protected override IEnumerable<object> Services => [fixture.Platform, fixture.Clock];
}

/// <summary>One embedded platform per test class, on a clock the scenarios can move forward.</summary>
public sealed class EmbeddedDisbursementFixture() : ShiftedPlatformFixture(new Dictionary<string, string?>
{
    // The overdue check runs every second, so a payment term running out shows at once.
    ["Disbursement:OverdueCheckInterval"] = "00:00:01",
});
