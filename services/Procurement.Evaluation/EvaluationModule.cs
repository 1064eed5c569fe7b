using Procurement.Evaluation.Awards;
using Procurement.Evaluation.BidEvaluation;
using Procurement.Evaluation.BidEvaluation.Messaging;
using Procurement.Evaluation.Data;
using Procurement.Evaluation.Performance;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Evaluation;

/// <summary>Expert pool, panels, scoring, ranking, award and performance evaluations: Evaluation's only public surface.</summary>
public static class EvaluationModule
{
    public static ServiceModule Module { get; } = new("Evaluation", b => b.AddEvaluation(), a => a.MapEvaluation());

    public static WebApplicationBuilder AddEvaluation(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<EvaluationDb>("Evaluation");
        BidEvaluationFeature.Add(builder);
        AwardFeature.Add(builder);
        PerformanceFeature.Add(builder);

        // Identity's directory: an evaluator who joins the expert pool becomes an expert panels can draw.
        builder.AddConsumers(bus => bus.AddConsumer<ExpertJoinedPoolConsumer>());
        return builder;
    }

    public static WebApplication MapEvaluation(this WebApplication app)
    {
        BidEvaluationFeature.Map(app);
        AwardFeature.Map(app);
        PerformanceFeature.Map(app);
        return app;
    }
}
