using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Contracting.Endpoints;
using Procurement.Contracting.Messaging;
using Procurement.Contracting.Scheduling;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting;

/// <summary>
/// A deployment's own numbers for the contract rules (<c>Contracting:Rules:*</c>); each left out keeps the national
/// default of <see cref="ContractRules.Default"/>, the one place the numbers are written.
/// </summary>
public sealed class ContractRulesOptions
{
    public const string Section = "Contracting:Rules";

    public int RenewalLeadTimeDays { get; set; } = ContractRules.Default.RenewalLeadTimeDays;

    public int BridgeMaximumMonths { get; set; } = ContractRules.Default.BridgeMaximumMonths;

    public int ConsecutiveCapMonths { get; set; } = ContractRules.Default.ConsecutiveCapMonths;

    public int DaysInPartialMonth { get; set; } = ContractRules.Default.DaysInPartialMonth;

    public int DefaultPaymentTermDays { get; set; } = ContractRules.Default.DefaultPaymentTermDays;

    public int MaximumPaymentTermDays { get; set; } = ContractRules.Default.MaximumPaymentTermDays;

    public ContractRules ToRules() =>
        new(RenewalLeadTimeDays, BridgeMaximumMonths, ConsecutiveCapMonths, DaysInPartialMonth, DefaultPaymentTermDays, MaximumPaymentTermDays);
}

/// <summary>Contract lifecycle, renewals, bridge extensions and continuity: Contracting's only public surface.</summary>
public static class ContractingModule
{
    public static ServiceModule Module { get; } = new("Contracting", b => b.AddContracting(), a => a.MapContracting());

    public static WebApplicationBuilder AddContracting(this WebApplicationBuilder builder)
    {
        ContractCodes.Register();
        builder.AddServiceDatabase<ContractingDb>("Contracting");
        // Outside Development a key a Development host made in the data folder is refused: a copy of the folder would sign for every party.
        DevelopmentKeys.RefuseOutsideDevelopment(builder.Configuration, builder.Environment, Signatures.ContractSigningMasterKey.Setting);
        builder.Services.AddSingleton(Signatures.ContractSigningMasterKey.From(
            builder.Configuration, builder.Environment, StartupLog.For(builder, "Procurement.Contracting.Keys")));
        builder.Services.AddSingleton<Signatures.ContractSigner>();
        builder.Services.AddOptions<ContractRulesOptions>().BindConfiguration(ContractRulesOptions.Section)
            .Validate(o => o.RenewalLeadTimeDays >= 0 && o.BridgeMaximumMonths >= 1 && o.ConsecutiveCapMonths >= 1 && o.DaysInPartialMonth >= 28
                    && o.MaximumPaymentTermDays >= 1 && o.DefaultPaymentTermDays >= 1 && o.DefaultPaymentTermDays <= o.MaximumPaymentTermDays,
                "Contracting:Rules needs RenewalLeadTimeDays ≥ 0, BridgeMaximumMonths ≥ 1, ConsecutiveCapMonths ≥ 1, DaysInPartialMonth ≥ 28 "
                + "and 1 ≤ DefaultPaymentTermDays ≤ MaximumPaymentTermDays.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContractRulesOptions>>().Value.ToRules());
        builder.Services.AddOptions<ContractClockOptions>().BindConfiguration(ContractClockOptions.Section)
            .Validate(o => o.ClockCheckInterval > TimeSpan.Zero && o.ClockCheckInterval <= ClockJob.LongestInterval,
                $"Contracting:ClockCheckInterval must be above zero and at most {ClockJob.LongestInterval.TotalDays} days.")
            .ValidateOnStart();
        builder.Services.AddClockJob<ContractClock>();
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<AwardConfirmedConsumer>();
            bus.AddConsumer<PerformanceEvaluatedConsumer>();
        });
        Continuity.ContinuityFeature.Add(builder);
        return builder;
    }

    public static WebApplication MapContracting(this WebApplication app)
    {
        app.MapContractEndpoints();
        app.MapContractNotificationEndpoints();
        app.MapPublicContractEndpoints();
        Continuity.ContinuityFeature.Map(app);
        return app;
    }
}
