using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;

namespace Procurement.Evaluation.BidEvaluation.Messaging;

/// <summary>
/// Puts the seven demo evaluators (<c>evaluator1</c>…<c>evaluator7</c> of Identity's demo directory) in an empty expert
/// pool, in every service domain and available, so the embedded platform can draw panels at once. Runs at start-up in
/// Development, or anywhere with <c>Evaluation:SeedDemoExperts=true</c>; never touches a pool that has experts.
/// </summary>
internal sealed class DemoExpertSeeder(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoExpertSeeder> logger)
    : IHostedService
{
    public const string Setting = "Evaluation:SeedDemoExperts";

    /// <summary>The demo evaluators' fixed user ids (Identity's demo users 5–11) and names.</summary>
    public static IReadOnlyList<(Guid ExpertId, string UserId, string Name)> DemoExperts { get; } =
        [.. Enumerable.Range(1, 7).Select(n => (
            new Guid($"de000003-0000-4000-8000-00000000000{n}"),
            new Guid($"de100000-0000-4000-8000-{4 + n:D12}").ToString(),
            $"Expert {n} / 评审专家{n}"))];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(Setting, environment.IsDevelopment()))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
        if (await db.Experts().AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var (expertId, userId, name) in DemoExperts)
        {
            db.Experts().Add(Expert.Create(expertId, name, userId, ServiceDomains.All, [], available: true));
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the expert pool with {Count} demo experts", DemoExperts.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
