using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procurement.ServiceDefaults.Cryptography;

public static class CryptoSuiteExtensions
{
    /// <summary>
    /// Registers <see cref="CryptoSuites"/> for <c>Crypto:Suite</c>, once however many modules of a host ask. A value
    /// that names no suite stops the host at start. The current suite alone is not registered: whoever verifies must
    /// look up the stored id, and a bare <see cref="CryptoSuite"/> to inject would invite checking with the wrong one.
    /// </summary>
    public static IServiceCollection AddCryptoSuites(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(CryptoSuites.From(configuration));
        return services;
    }
}
