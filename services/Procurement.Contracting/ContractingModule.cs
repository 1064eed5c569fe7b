using Procurement.Contracting.Data;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Contracting;

/// <summary>Contract lifecycle, renewals, bridge extensions and continuity: Contracting's only public surface.</summary>
public static class ContractingModule
{
    public static ServiceModule Module { get; } = new("Contracting", b => b.AddContracting(), a => a.MapContracting());

    public static WebApplicationBuilder AddContracting(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ContractingDb>("Contracting");
        return builder;
    }

    public static WebApplication MapContracting(this WebApplication app) => app;
}
