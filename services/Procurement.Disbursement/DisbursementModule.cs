using Procurement.Disbursement.Data;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Disbursement;

/// <summary>Payment schedules, the payment flow, the ledger and appropriations: Disbursement's only public surface.</summary>
public static class DisbursementModule
{
    public static ServiceModule Module { get; } = new("Disbursement", b => b.AddDisbursement(), a => a.MapDisbursement());

    public static WebApplicationBuilder AddDisbursement(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DisbursementDb>("Disbursement");
        return builder;
    }

    public static WebApplication MapDisbursement(this WebApplication app) => app;
}
