using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Bidding.Endpoints;
using Procurement.Bidding.Messaging;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Cryptography;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding;

/// <summary>Agencies, staff rosters, sealed bids and opening: Bidding's only public surface.</summary>
public static class BiddingModule
{
    public static ServiceModule Module { get; } = new("Bidding", b => b.AddBidding(), a => a.MapBidding());

    public static WebApplicationBuilder AddBidding(this WebApplicationBuilder builder)
    {
        BiddingTexts.Register();
        BidTexts.Register();
        Domain.Notifications.NotificationTexts.Register();
        builder.RefuseDevelopmentBiddingKeys();
        builder.AddServiceDatabase<BiddingDb>("Bidding");
        builder.Services.AddSingleton<TenderCache>();
        builder.Services.AddSingleton<IAuditChain, UnsealAuditChain>();
        var keysLog = StartupLog.For(builder, "Procurement.Bidding.Keys");
        var idNumbers = IdNumberPepper.CreateProtector(builder.Configuration, builder.Environment, keysLog);
        builder.Services.AddSingleton(idNumbers);
        builder.Services.AddSingleton(idNumbers.CreateCommitmentTags());
        // Bids are sealed with the deployment's crypto suite (Crypto:Suite), the same registry the audit chain uses.
        builder.Services.AddCryptoSuites(builder.Configuration);
        var sealingKeys = SealingKey.Read(builder.Configuration, builder.Environment, keysLog);
        builder.Services.AddSingleton(services => sealingKeys.SealerFor(services.GetRequiredService<CryptoSuites>()));
        builder.Services.AddHostedService<RegisterConversion>();
        builder.Services.AddHostedService<SubmitWarmUp>();
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<TenderPublishedConsumer>();
            bus.AddConsumer<TenderCancelledConsumer>();
            bus.AddConsumer<BidWindowClosedConsumer>();
            bus.AddConsumer<TenderAmendedConsumer>();
            bus.AddConsumer<TenderClarifiedConsumer>();
            bus.AddConsumer<TenderFailedConsumer>();
            bus.AddConsumer<AwardConfirmedConsumer>();
            bus.AddConsumer<ContractActivatedConsumer>();
            bus.AddConsumer<ContractEndedConsumer>();
            bus.AddConsumer<AgencyRegisteredConsumer>();
            bus.AddConsumer<AgencySuspendedConsumer>();
            bus.AddConsumer<AgencyReinstatedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapBidding(this WebApplication app)
    {
        app.MapOpenTenderEndpoints();
        app.MapAgencyEndpoints();
        app.MapStaffEndpoints();
        app.MapWorkforceEndpoints();
        app.MapBidEndpoints();
        app.MapPublicOpeningEndpoints();
        app.MapNotificationEndpoints();
        return app;
    }
}
