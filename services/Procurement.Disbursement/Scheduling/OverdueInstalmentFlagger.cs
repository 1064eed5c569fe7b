using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Contracts.Disbursement;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Disbursement.Scheduling;

public sealed class OverdueCheckOptions
{
    public const string Section = "Disbursement";

    /// <summary>How often unpaid instalments are checked against their pay-by day (<c>Disbursement:OverdueCheckInterval</c>).</summary>
    public TimeSpan OverdueCheckInterval { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// Flags every instalment still unpaid after its pay-by day (Asia/Shanghai) and raises <see cref="InstalmentOverdue"/>
/// once for it: at start-up — so what fell overdue while the service was down is flagged at the next start — and
/// then every <see cref="OverdueCheckOptions.OverdueCheckInterval"/>. The flag is saved with its event; two
/// replicas racing for one instalment are told apart by its version.
/// </summary>
public sealed class OverdueInstalmentFlagger(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<OverdueCheckOptions> options, ILogger<OverdueInstalmentFlagger> logger)
    : ClockJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.OverdueCheckInterval;

    protected override string Activity => "Flagging instalments not paid by their pay-by day";

    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) => FlagOverdueAsync(cancellationToken);

    private static readonly InstalmentStatus[] Open =
        [InstalmentStatus.Due, InstalmentStatus.Withheld, InstalmentStatus.Requested, InstalmentStatus.Approved,
         InstalmentStatus.Released, InstalmentStatus.Rejected];

    /// <summary>One pass; answers how many instalments it flagged.</summary>
    public async Task<int> FlagOverdueAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
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
            Logger.LogInformation("Instalment {InstalmentId} changed while being flagged (another replica, or a payment); left as it is", id);
            return false;
        }
    }
}
