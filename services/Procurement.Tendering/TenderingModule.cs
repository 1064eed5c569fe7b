using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Endpoints;

namespace Procurement.Tendering;

/// <summary>Programs, tenders, questions and amendments: Tendering's only public surface.</summary>
public static class TenderingModule
{
    public static ServiceModule Module { get; } = new("Tendering", b => b.AddTendering(), a => a.MapTendering());

    public static WebApplicationBuilder AddTendering(this WebApplicationBuilder builder)
    {
        TenderingMessages.Register();
        Domain.Rules.RulesMessages.Register();
        builder.AddServiceDatabase<TenderingDb>("Tendering");
        return builder;
    }

    public static WebApplication MapTendering(this WebApplication app)
    {
        app.MapProgramEndpoints();
        app.MapTenderEndpoints();
        return app;
    }
}
