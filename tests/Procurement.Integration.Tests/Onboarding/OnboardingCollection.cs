using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Onboarding;

/// <summary>The onboarding's test classes share one district (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class OnboardingCollection : ICollectionFixture<OnboardingDistrict>
{
    public const string Name = "onboarding";
}
