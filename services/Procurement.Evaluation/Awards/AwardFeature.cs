namespace Procurement.Evaluation.Awards;

/// <summary>Award confirmation with its challenge window, the working-day calendar, and performance evaluations (DOMAIN.md §6, §8).</summary>
internal static class AwardFeature
{
    public static void Add(WebApplicationBuilder builder) => _ = builder;

    public static void Map(WebApplication app) => _ = app;
}
