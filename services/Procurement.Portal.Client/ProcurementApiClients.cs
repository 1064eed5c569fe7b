using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Procurement.Portal.Client;

/// <summary>Registers every generated client (one per area of the API) under its interface.</summary>
public static class ProcurementApiClients
{
    /// <summary>
    /// Every generated <c>I…Client</c>, scoped (one per circuit in a Blazor Server portal), each built on the
    /// <see cref="HttpClient"/> that <paramref name="httpClient"/> gives: its base address is the platform's public
    /// entry, and its handlers add the caller's access token. The clients never dispose it.
    /// </summary>
    public static IServiceCollection AddProcurementApiClients(this IServiceCollection services, Func<IServiceProvider, HttpClient> httpClient)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(httpClient);
        foreach (var (contract, implementation) in All)
        {
            services.AddScoped(contract, provider => Activator.CreateInstance(implementation, httpClient(provider))!);
        }

        return services;
    }

    /// <summary>The generated clients: each public class <c>XClient</c> with an <c>IXClient</c> and a constructor taking an <see cref="HttpClient"/>.</summary>
    public static IReadOnlyList<(Type Contract, Type Implementation)> All { get; } =
    [
        .. typeof(ProcurementApiClients).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Client", StringComparison.Ordinal)
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, [typeof(HttpClient)]) is not null)
            .Select(t => (Contract: t.GetInterface("I" + t.Name), Implementation: t))
            .Where(pair => pair.Contract is not null)
            .Select(pair => (pair.Contract!, pair.Implementation))
            .OrderBy(pair => pair.Item1.Name, StringComparer.Ordinal),
    ];
}
