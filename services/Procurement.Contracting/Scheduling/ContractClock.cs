using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Scheduling;

public sealed class ContractClockOptions
{
    public const string Section = "Contracting";

    /// <summary>How often the clock looks for contracts to activate or to mark expiring (<c>Contracting:ClockCheckInterval</c>).</summary>
    public TimeSpan ClockCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Fires the clock's triggers (DOMAIN.md §7), never a person: <c>Activate</c> on a signed contract's start date
/// (Asia/Shanghai) and <c>EnterRenewalWindow</c> once an active contract is within its renewal lead time — the one
/// learnt from history (DOMAIN.md §2, <see cref="IRenewalLeadTimes"/>), the same number the renewal
/// clock raises <c>RenewalDue</c> with, or the default without history. It runs
/// once at start-up — so a date that came while the service was down is caught at the next start — and then every
/// <see cref="ContractClockOptions.ClockCheckInterval"/>. Each contract changes in its own transaction; two replicas
/// racing for one contract are told apart by its version, and the loser leaves it to the winner.
/// </summary>
public sealed class ContractClock(
    IServiceScopeFactory scopes, TimeProvider clock, ContractRules rules, IRenewalLeadTimes leadTimes, IOptions<ContractClockOptions> options,
    ILogger<ContractClock> logger)
    : ClockJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ClockCheckInterval;

    protected override string Activity => "Activating contracts on their start date and opening renewal windows";

    /// <summary>One pass: activates what is due, then marks what is expiring; returns how many contracts it changed.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var today = now.ShanghaiDate();
        var changed = 0;

        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();
            due = await db.Contracts.AsNoTracking()
                .Where(c => c.State == ContractState.PendingSignature && c.Start <= today && c.PurchaserSignedAt != null && c.AgencySignedAt != null)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            changed += await FireAsync(id, ContractTrigger.Activate, now, cancellationToken) ? 1 : 0;
        }

        List<Guid> expiring;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();

            // No contract's learnt lead time is longer than this; each candidate is then judged with its own.
            var windowOpensBy = today.AddDays(Math.Max(rules.RenewalLeadTimeDays, await leadTimes.LongestLeadTimeDaysAsync(db, today, cancellationToken)));
            expiring = await db.Contracts.AsNoTracking()
                .Where(c => c.State == ContractState.Active && c.End <= windowOpensBy)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in expiring)
        {
            changed += await FireAsync(id, ContractTrigger.EnterRenewalWindow, now, cancellationToken) ? 1 : 0;
        }

        return changed;
    }

    private async Task<bool> FireAsync(Guid id, ContractTrigger trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();
        var contract = await db.ContractsWithRecords.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null)
        {
            return false;
        }

        var judgedBy = trigger == ContractTrigger.EnterRenewalWindow ? await leadTimes.LifecycleRulesAsync(db, contract, cancellationToken) : rules;
        if (!contract.PermittedTriggers(judgedBy, now).Contains(trigger))
        {
            return false;
        }

        if (trigger == ContractTrigger.Activate)
        {
            contract.Activate(judgedBy, now);
        }
        else
        {
            contract.EnterRenewalWindow(judgedBy, now);
        }

        db.RaiseChanges(contract);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            Logger.LogInformation("Contract {ContractId} changed while the clock fired {Trigger} (another replica, or a person); left as it is", id, trigger);
            return false;
        }
    }
}
