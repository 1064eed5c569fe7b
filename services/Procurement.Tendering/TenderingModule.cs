using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Tendering.Data;
using Procurement.Tendering.Disclosure;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Endpoints;
using Procurement.Tendering.Messaging;
using Procurement.Tendering.OpenData;
using Procurement.Tendering.Scheduling;

namespace Procurement.Tendering;

/// <summary>Programs, tenders, questions, amendments and documents: Tendering's only public surface.</summary>
public static class TenderingModule
{
    public static ServiceModule Module { get; } = new("Tendering", b => b.AddTendering(), a => a.MapTendering());

    public static WebApplicationBuilder AddTendering(this WebApplicationBuilder builder)
    {
        TenderingTexts.Register();
        Domain.Rules.RuleTexts.Register();
        builder.AddServiceDatabase<TenderingDb>("Tendering");
        builder.Services.AddScoped<MethodRuleBook>();
        builder.Services.AddScoped<PayScaleBook>();
        builder.Services.AddOptions<BidWindowCloserOptions>().BindConfiguration(BidWindowCloserOptions.Section)
            .Validate(o => o.CloseCheckInterval > TimeSpan.Zero && o.CloseCheckInterval <= ClockJob.LongestInterval,
                $"Tendering:CloseCheckInterval must be above zero and at most {ClockJob.LongestInterval.TotalDays} days.")
            .ValidateOnStart();
        builder.Services.AddSingleton<Documents.IDocumentStore, Documents.FileDocumentStore>();
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<BidsOpenedConsumer>();
            bus.AddConsumer<TenderFailedConsumer>();
            bus.AddConsumer<AwardConfirmedConsumer>();
            bus.AddConsumer<RenewalTenderRequestedConsumer>();
            bus.AddConsumer<Disclosure.AuditChainDayClosedConsumer>();
            OpenData.OpenDataModule.AddOpenDataConsumers(bus);
        });
        builder.Services.AddOpenData();
        builder.Services.AddClockJob<BidWindowCloser>();
        builder.Services.AddHostedService<ProgramLister>();
        builder.Services.AddOptions<Disclosure.AuditRootOptions>().BindConfiguration(ServiceDefaults.Audit.AuditOptions.Section);
        return builder;
    }

    public static WebApplication MapTendering(this WebApplication app)
    {
        app.MapProgramEndpoints();
        app.MapTenderEndpoints();
        app.MapTenderChangeEndpoints();
        app.MapTenderDocumentEndpoints();
        app.MapPublicTenderEndpoints();
        app.MapPublicAuditRootEndpoints();
        app.MapPublicOpenDataEndpoints();
        app.MapMethodRuleEndpoints();
        app.MapPayScaleEndpoints();
        return app;
    }
}
