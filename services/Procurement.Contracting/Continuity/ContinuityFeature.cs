using Microsoft.Extensions.Options;
using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Continuity.Endpoints;
using Procurement.Contracting.Continuity.Messaging;
using Procurement.Contracting.Continuity.Scheduling;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Contracting.Scheduling;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Contracting.Continuity;

/// <summary>
/// Continuity (DOMAIN.md §2) inside Contracting: the coverage timeline, gap days, the renewal lead time with its
/// <c>RenewalDue</c> clock, the forecast (<c>RenewalAtRisk</c>, <c>FundingGapForecast</c>) and bridge proposals
/// (<c>BridgeProposed</c>, approve/decline), funding gaps as they open and close (<c>FundingGapOpened</c>,
/// <c>FundingGapClosed</c>), the purchaser's confirmation of the renewal decision, late instalments and the dashboard. Its tables are configured by the <c>IEntityTypeConfiguration</c>s of its <c>Data</c> folder.
/// </summary>
public static class ContinuityFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ContinuityCodes.Register();
        builder.Services.AddOptions<ContinuityOptions>().BindConfiguration(ContinuityOptions.Section)
            .Validate(o => o.LeadTimePercentile is >= 1 and <= 100 && o.LeadTimeMarginDays >= 0 && o.BridgeProposalDaysBeforeEnd >= 1 && o.DefaultSigningDays >= 0
                           && (o.RenewalCheckInterval is null || (o.RenewalCheckInterval > TimeSpan.Zero && o.RenewalCheckInterval <= ClockJob.LongestInterval)),
                $"Contracting:Continuity needs LeadTimePercentile from 1 to 100, LeadTimeMarginDays ≥ 0, BridgeProposalDaysBeforeEnd ≥ 1, DefaultSigningDays ≥ 0 and a RenewalCheckInterval above zero and at most {ClockJob.LongestInterval.TotalDays} days.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<ContinuityOptions>>().Value;
            return ContinuityRules.For(services.GetRequiredService<ContractRules>(), options.LeadTimePercentile, options.LeadTimeMarginDays) with
            {
                BridgeProposalDaysBeforeEnd = options.BridgeProposalDaysBeforeEnd,
                DefaultSigningDays = options.DefaultSigningDays,
            };
        });
        // What the core asks of Continuity (the core defines these, Continuity answers them).
        builder.Services.AddSingleton<IRenewalLeadTimes, LearntRenewalLeadTimes>();
        builder.Services.AddSingleton<IPaidInstalments, RecordedPaidInstalments>();
        builder.Services.AddSingleton<IContractPrograms, CopiedContractPrograms>();
        builder.Services.AddClockJob<RenewalDueClock>();
        builder.Services.AddClockJob<ContinuityAlertClock>();
        builder.Services.AddClockJob<FundingGapClock>();
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<ContinuityTenderPublishedConsumer>();
            bus.AddConsumer<ContinuityProgramCreatedConsumer>();
            bus.AddConsumer<ContinuityProgramRevisedConsumer>();
            bus.AddConsumer<ContinuityProgramsListedConsumer>();
            bus.AddConsumer<ContinuityInstalmentPaidConsumer>();
            bus.AddConsumer<ContinuityInstalmentOverdueConsumer>();
            bus.AddConsumer<ContinuityRenewalTenderDraftedConsumer>();
            bus.AddConsumer<ContinuityRenewalTenderNotDraftedConsumer>();
        });
    }

    public static void Map(WebApplication app) => app.MapContinuityEndpoints();
}
