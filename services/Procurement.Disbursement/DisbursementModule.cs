using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.Disbursement.Endpoints;
using Procurement.Disbursement.Messaging;
using Procurement.Disbursement.Scheduling;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Disbursement;

/// <summary>Payment schedules, the payment flow, the ledger and appropriations: Disbursement's only public surface.</summary>
public static class DisbursementModule
{
    public static ServiceModule Module { get; } = new("Disbursement", b => b.AddDisbursement(), a => a.MapDisbursement());

    public static WebApplicationBuilder AddDisbursement(this WebApplicationBuilder builder)
    {
        DisbursementCodes.Register();
        builder.AddServiceDatabase<DisbursementDb>("Disbursement");
        builder.Services.AddSingleton(DisbursementRules.Default);
        builder.Services.Configure<OverdueCheckOptions>(builder.Configuration.GetSection(OverdueCheckOptions.Section));
        builder.Services.AddClockJob<OverdueInstalmentFlagger>();
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<ContractSignedConsumer>();
            bus.AddConsumer<ContractActivatedConsumer>();
            bus.AddConsumer<ContractAmendedConsumer>();
            bus.AddConsumer<ContractEndedConsumer>();
            bus.AddConsumer<PerformanceEvaluatedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapDisbursement(this WebApplication app)
    {
        app.MapInstalmentEndpoints();
        app.MapAppropriationEndpoints();
        app.MapReportEndpoints();
        return app;
    }
}
