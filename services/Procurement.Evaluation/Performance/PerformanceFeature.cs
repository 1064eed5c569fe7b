using Procurement.Evaluation.Performance.Domain;
using Procurement.Evaluation.Performance.Endpoints;
using Procurement.Evaluation.Performance.Messaging;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.Performance;

/// <summary>
/// Performance evaluations of contracts (DOMAIN.md §8): the indicator system, the evaluators assigned per stage, the graded
/// evaluations that release or withhold instalments and feed past performance and renewal. Its own wing of the service,
/// beside bid evaluation and awards.
/// </summary>
internal static class PerformanceFeature
{
    public static void Add(WebApplicationBuilder builder)
    {
        PerformanceTexts.Register();
        builder.Services.AddSingleton(PerformanceRules.Default);
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<ContractActivatedForPerformanceConsumer>();
            bus.AddConsumer<ContractEndedForPerformanceConsumer>();
        });
    }

    public static void Map(WebApplication app) => app.MapPerformanceEndpoints();
}
