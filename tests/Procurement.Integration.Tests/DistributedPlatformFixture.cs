using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests;

/// <summary>One distributed platform for the tests of a class; none (and the tests skip) without a broker.</summary>
public sealed class DistributedPlatformFixture : IAsyncLifetime
{
    private DistributedPlatform? _platform;

    public DistributedPlatform Platform => _platform ?? throw new InvalidOperationException(DistributedPlatform.NoBrokerReason);

    public async Task InitializeAsync() => _platform = await DistributedPlatform.TryStartAsync();

    public async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
