using Procurement.Bidding.Data;
using Procurement.Bidding.Endpoints;
using Procurement.Bidding.Messaging;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Bidding;

/// <summary>Agencies, staff rosters, sealed bids and opening: Bidding's only public surface.</summary>
public static class BiddingModule
{
    public static ServiceModule Module { get; } = new("Bidding", b => b.AddBidding(), a => a.MapBidding());

    public static WebApplicationBuilder AddBidding(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BiddingDb>("Bidding");
        builder.AddConsumers(bus => bus.AddConsumer<TenderPublishedConsumer>());
        return builder;
    }

    public static WebApplication MapBidding(this WebApplication app)
    {
        app.MapOpenTenderEndpoints();
        return app;
    }
}
