using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.BidEvaluation;
using Procurement.Evaluation.Awards.Endpoints;
using Procurement.Evaluation.Awards.Messaging;
using Procurement.Evaluation.Awards.Scheduling;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.Awards;

/// <summary>Award recommendation and confirmation with its challenge window, and the working-day calendar (DOMAIN.md §6).</summary>
internal static class AwardFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        AwardTexts.Register();
        builder.Services.AddSingleton(AwardRules.Default);
        // The ranking's consequence, in the ranking's own transaction (issue 16 item 11): no message to ourselves.
        builder.Services.AddSingleton<IEvaluationCompletedFollower, AwardRecommender>();
        builder.Services.AddOptions<AwardConfirmerOptions>().BindConfiguration(AwardConfirmerOptions.Section)
            .Validate(o => o.AwardCheckInterval > TimeSpan.Zero && o.AwardCheckInterval <= ClockJob.LongestInterval,
                $"Evaluation:AwardCheckInterval must be above zero and at most {ClockJob.LongestInterval.TotalDays} days.")
            .ValidateOnStart();
        // The clock's first pass waits until every hosted service has started (ClockLoop), so the calendar exists before the award clock's first pass.
        builder.Services.AddHostedService<CalendarSeeder>();
        builder.Services.AddHostedService<MissedRecommendations>();
        builder.Services.AddClockJob<AwardConfirmer>();
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<TenderTermsForAwardConsumer>();
            bus.AddConsumer<TenderAmendedForAwardConsumer>();
            bus.AddConsumer<TenderCancelledForAwardConsumer>();
        });
    }

    public static void Map(WebApplication app)
    {
        app.MapCalendarEndpoints();
        app.MapAwardEndpoints();
        app.MapPublicResultEndpoints();
    }
}
