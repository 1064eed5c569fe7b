using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Contracts.Disbursement;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Disbursement.Scheduling;

public sealed class OverdueCheckOptions
{
    public const string Section = "Disbursement";

    /// <summary>How often unpaid instalments are checked against their pay-by day (<c>Disbursement:OverdueCheckInterval</c>).</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest period a <see cref="PeriodicTimer"/> takes (about 49.7 days), rounded down.</summary>
    public static TimeSpan LongestInterval { get; } = TimeSpan.FromDays(49);
}

/// <summary>
/// Flags every instalment still unpaid after its pay-by day (Asia/Shanghai) and raises <see cref="InstalmentOverdue"/>
/// once for it: at start-up — so what fell overdue while the service was down is flagged at the next start — and
/// then every <see cref="OverdueCheckOptions.OverdueCheckInterval"/>. The flag is saved with its event; two
/// replicas racing for one instalment are told apart by its version.
/// </summary>
public sealed class OverdueInstalmentFlagger(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<OverdueCheckOptions> options, ILogger<OverdueInstalmentFlagger> logger)
    : BackgroundService
{
    private static readonly InstalmentStatus[] Open =
        [InstalmentStatus.Due, InstalmentStatus.Withheld, InstalmentStatus.Requested, InstalmentStatus.Approved,
         InstalmentStatus.Released, InstalmentStatus.Rejected];

    /// <summary>One pass; answers how many instalments it flagged.</summary>
    public async Task<int> FlagOverdueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = now.ShanghaiDate();
        List<Guid> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisbursementDb>();
            candidates = await db.Instalments.AsNoTracking()
                .Where(i => i.OverdueAt == null && i.PayBy != null && i.PayBy < today && Open.Contains(i.Status))
                .Select(i => i.Id)
                .ToListAsync(cancellationToken);
        }

        var flagged = 0;
        foreach (var id in candidates)
        {
            if (await FlagAsync(id, today, now, cancellationToken))
            {
                flagged++;
            }
        }

        return flagged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.OverdueCheckInterval;
        using var timer = new PeriodicTimer(interval > OverdueCheckOptions.LongestInterval ? OverdueCheckOptions.LongestInterval : interval, clock);
        do
        {
            try
            {
                var flagged = await FlagOverdueAsync(stoppingToken);
                if (flagged > 0)
                {
                    logger.LogInformation("Flagged {Count} instalments not paid by their pay-by day", flagged);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next tick tries again; a failing pass must not stop the host.
                logger.LogError(exception, "Flagging overdue instalments failed; retrying at the next check");
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> FlagAsync(Guid id, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisbursementDb>();
        var instalment = await db.Instalments.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instalment is null || !instalment.FlagOverdue(today, now))
        {
            return false;
        }

        var programId = await db.Contracts.Where(c => c.ContractId == instalment.ContractId).Select(c => c.ProgramId).FirstAsync(cancellationToken);
        db.Raise(new InstalmentOverdue(
            instalment.Id, instalment.ContractId, programId, instalment.Amount, instalment.DueOn!.Value, instalment.PayBy!.Value,
            instalment.Status.ToString(), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Instalment {InstalmentId} changed while being flagged (another replica, or a payment); left as it is", id);
            return false;
        }
    }
}
