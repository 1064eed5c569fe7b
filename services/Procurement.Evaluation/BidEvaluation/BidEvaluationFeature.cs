namespace Procurement.Evaluation.BidEvaluation;

/// <summary>The expert pool, panel draws, compliance review, scoring and ranking (DOMAIN.md §6).</summary>
internal static class BidEvaluationFeature
{
    public static void Add(WebApplicationBuilder builder) => _ = builder;

    public static void Map(WebApplication app) => _ = app;
}
