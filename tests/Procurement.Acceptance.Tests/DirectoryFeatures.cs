using Procurement.Acceptance.Tests.Runner;
using Procurement.Testing.Platform;
using Xunit;
using Xunit.Abstractions;

namespace Procurement.Acceptance.Tests;

/// <summary>
/// Features/Directory/FirstAdministrator on the embedded host (the Standalone) in Production, with its keys configured as a
/// district configures them, on Kestrel (a real browser's cookies and redirects) and a data folder that starts empty.
/// </summary>
[FeatureFolder("Features/Directory/FirstAdministrator")]
public sealed class DirectoryFeaturesEmbedded(ProductionDistrict district, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<ProductionDistrict>
{
    protected override IEnumerable<object> Services => [district];
}

/// <summary>
/// Features/Directory/Onboarding on a district of its own (its first administrator is created by the onboarding's first
/// step, so the first-administrator feature above keeps an empty folder): invitations, registrations, suspensions, resets
/// and deactivations, their mails read from the district's SMTP server.
/// </summary>
[FeatureFolder("Features/Directory/Onboarding")]
public sealed class OnboardingFeaturesEmbedded(ProductionDistrict district, ITestOutputHelper output)
    : FeatureTests(output), IClassFixture<ProductionDistrict>
{
    protected override IEnumerable<object> Services => [district];
}

/// <summary>A freshly installed district (<see cref="OnboardingDistrict"/>) on Kestrel; the host is started on demand.</summary>
public sealed class ProductionDistrict() : OnboardingDistrict(kestrel: true);
