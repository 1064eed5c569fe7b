using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.BidEvaluation.Endpoints;
using Procurement.Evaluation.BidEvaluation.Messaging;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.BidEvaluation;

/// <summary>The expert pool, panel draws, compliance review, scoring and ranking (DOMAIN.md §6).</summary>
internal static class BidEvaluationFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        EvaluationTexts.Register();
        builder.Services.AddSingleton(builder.Configuration.GetSection(EvaluationRules.Section).Get<EvaluationRules>() ?? EvaluationRules.Default);
        builder.Services.AddSingleton(PastPerformanceRules.Default);
        builder.Services.AddHostedService<DemoExpertSeeder>();
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<ServiceProgramCreatedConsumer>();
            bus.AddConsumer<ServiceProgramRevisedConsumer>();
            bus.AddConsumer<TenderPublishedConsumer>();
            bus.AddConsumer<TenderAmendedConsumer>();
            bus.AddConsumer<TenderCancelledConsumer>();
            bus.AddConsumer<BidsOpenedConsumer>();
        });
    }

    public static void Map(WebApplication app)
    {
        app.MapExpertEndpoints();
        app.MapPanelEndpoints();
        app.MapReviewEndpoints();
    }
}
