using Microsoft.Extensions.Options;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Continuity.Endpoints;
using Procurement.Contracting.Continuity.Messaging;
using Procurement.Contracting.Continuity.Scheduling;
using Procurement.Contracting.Domain;
using Procurement.Contracting.Scheduling;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Contracting.Continuity;

/// <summary>
/// Continuity (DOMAIN.md §2) inside Contracting: the coverage timeline, gap days and the renewal lead time with its
/// <c>RenewalDue</c> clock. Its tables are configured by the <c>IEntityTypeConfiguration</c>s of its <c>Data</c> folder.
/// </summary>
public static class ContinuityFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ContinuityCodes.Register();
        builder.Services.AddOptions<ContinuityOptions>().BindConfiguration(ContinuityOptions.Section)
            .Validate(o => o.LeadTimePercentile is >= 1 and <= 100 && o.LeadTimeMarginDays >= 0
                           && (o.RenewalCheckInterval is null || (o.RenewalCheckInterval > TimeSpan.Zero && o.RenewalCheckInterval <= ContractClockOptions.LongestInterval)),
                $"Contracting:Continuity needs LeadTimePercentile from 1 to 100, LeadTimeMarginDays ≥ 0 and a RenewalCheckInterval above zero and at most {ContractClockOptions.LongestInterval.TotalDays} days.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<ContinuityOptions>>().Value;
            return ContinuityRules.For(services.GetRequiredService<ContractRules>(), options.LeadTimePercentile, options.LeadTimeMarginDays);
        });
        builder.Services.AddSingleton<RenewalDueClock>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RenewalDueClock>());
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<ContinuityTenderPublishedConsumer>();
            bus.AddConsumer<ContinuityProgramCreatedConsumer>();
            bus.AddConsumer<ContinuityProgramRevisedConsumer>();
            bus.AddConsumer<ContinuityInstalmentPaidConsumer>();
        });
    }

    public static void Map(WebApplication app) => app.MapContinuityEndpoints();
}
