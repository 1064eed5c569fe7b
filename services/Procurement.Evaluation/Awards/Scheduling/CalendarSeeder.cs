using Procurement.Evaluation.Awards.Data;
using Procurement.Evaluation.Data;

namespace Procurement.Evaluation.Awards.Scheduling;

/// <summary>
/// Seeds the working-day calendar on first start (after the database is created, before the award clock runs);
/// from then on admins keep it through <c>/api/evaluations/calendar</c>.
/// </summary>
public sealed class CalendarSeeder(IServiceScopeFactory scopes, ILogger<CalendarSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
        if (await db.SeedCalendarAsync(cancellationToken))
        {
            logger.LogInformation("Seeded the working-day calendar (2026, and 2027 provisional)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
