using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Hosting;

namespace Procurement.Evaluation.Awards.Scheduling;

public sealed class AwardConfirmerOptions
{
    public const string Section = "Evaluation";

    /// <summary>How often the clock looks for awards whose challenge window has closed (<c>Evaluation:AwardCheckInterval</c>).</summary>
    public TimeSpan AwardCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Confirms awards by the clock (DOMAIN.md §6): once at start-up — so a window that closed while the service was
/// down is confirmed at the next start — and then every <see cref="AwardConfirmerOptions.AwardCheckInterval"/>.
/// An award whose window has closed is confirmed, with its <see cref="AwardConfirmed"/> event, once no challenge
/// of it is left unanswered; each in its own transaction, a race between replicas lost on the award's version.
/// </summary>
public sealed class AwardConfirmer(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<AwardConfirmerOptions> options, ILogger<AwardConfirmer> logger)
    : ClockJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.AwardCheckInterval;

    protected override string Activity => "Confirming awards whose challenge window closed";

    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) => ConfirmDueAwardsAsync(cancellationToken);

    /// <summary>One pass: confirms every award that is due now; returns how many it confirmed.</summary>
    public async Task<int> ConfirmDueAwardsAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
            var challenges = db.Set<Challenge>();
            due = await db.Set<Award>().AsNoTracking()
                .Where(a => a.Status == AwardStatus.Published && a.ChallengeWindowClosesAt <= now)
                .Where(a => !challenges.Any(c => c.AwardId == a.Id && c.AnsweredAt == null))
                .Select(a => a.Id)
                .ToListAsync(cancellationToken);
        }

        var confirmed = 0;
        foreach (var id in due)
        {
            if (await ConfirmAsync(id, now, cancellationToken))
            {
                confirmed++;
            }
        }

        return confirmed;
    }

    private async Task<bool> ConfirmAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
        var award = await db.Set<Award>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        var unanswered = await db.Set<Challenge>().CountAsync(c => c.AwardId == id && c.AnsweredAt == null, cancellationToken);
        if (award is null || !award.IsDueForConfirmation(now, unanswered))
        {
            return false;
        }

        var terms = await db.Set<TenderAwardTerms>().AsNoTracking().FirstOrDefaultAsync(t => t.TenderId == award.TenderId, cancellationToken);
        if (terms is null)
        {
            // Publication checked the terms were there; only a lost database row gets here. Keep trying, loudly.
            Logger.LogError("Award {AwardId} is due but the terms of tender {TenderId} are missing; it stays unconfirmed", id, award.TenderId);
            return false;
        }

        award.Confirm(now, unanswered, terms);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            Logger.LogInformation("Award {AwardId} changed while confirming (another replica, or a cancellation); left as it is", id);
            return false;
        }
    }
}
