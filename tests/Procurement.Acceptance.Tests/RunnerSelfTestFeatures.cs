using Procurement.Acceptance.Tests.Runner;
using Procurement.Acceptance.Tests.Steps;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Runs Features/RunnerSelfTest (the runner's own self-test). The pattern for every feature folder:
/// name the folder, take the fixtures the steps need, hand them over through <see cref="FeatureTests.Services"/>.
/// </summary>
[FeatureFolder("Features/RunnerSelfTest")]
public sealed class RunnerSelfTestFeatures(CalculatorFixture fixture, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<CalculatorFixture>
{
    protected override IEnumerable<object> Services => [fixture];
}
