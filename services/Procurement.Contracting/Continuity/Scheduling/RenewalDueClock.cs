using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Contracting.Scheduling;
using Procurement.Contracts.Continuity;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Continuity.Scheduling;

/// <summary>Continuity's settings (<c>Contracting:Continuity:*</c>); each left out keeps the national number.</summary>
public sealed class ContinuityOptions
{
    public const string Section = "Contracting:Continuity";

    /// <summary>The percentile of past durations the lead time takes (<c>Contracting:Continuity:LeadTimePercentile</c>, 90).</summary>
    public int LeadTimePercentile { get; set; } = ContinuityRules.NationalPercentile;

    /// <summary>Days added to it (<c>Contracting:Continuity:LeadTimeMarginDays</c>, 30).</summary>
    public int LeadTimeMarginDays { get; set; } = ContinuityRules.NationalMarginDays;

    /// <summary>Days before the end from which a bridge is proposed (<c>Contracting:Continuity:BridgeProposalDaysBeforeEnd</c>, 30).</summary>
    public int BridgeProposalDaysBeforeEnd { get; set; } = ContinuityRules.NationalBridgeProposalDays;

    /// <summary>The forecast's signing days without history (<c>Contracting:Continuity:DefaultSigningDays</c>, 30).</summary>
    public int DefaultSigningDays { get; set; } = ContinuityRules.NationalSigningDays;

    /// <summary>
    /// How often the renewal clock looks for contracts at their renewal point (<c>Contracting:Continuity:RenewalCheckInterval</c>);
    /// left out, the contract clock's <c>Contracting:ClockCheckInterval</c>.
    /// </summary>
    public TimeSpan? RenewalCheckInterval { get; set; }
}

/// <summary>
/// Raises <see cref="RenewalDue"/> once per contract at its renewal point, <c>end − lead time</c> (Asia/Shanghai), the
/// lead time learnt from history (DOMAIN.md §2). Like <see cref="ContractClock"/> it runs once at start-up — so a
/// renewal point passed while the service was down is caught at the next start — and then every interval. A contract
/// counts while it is <c>Active</c>, <c>Expiring</c> or <c>Suspended</c> without a successor; the notice row (keyed by
/// the contract), the event and the purchasing unit's notices (<see cref="ContinuityNotices"/>: renewal due, and the renewal
/// decision pending unless one was already confirmed) are saved in one transaction, so a second pass or a second replica
/// raises nothing more.
/// <para>
/// One lead time for both: the contract clock opens the lifecycle's renewal window with the same learnt lead time
/// (<see cref="ContinuityStore.LifecycleRulesAsync"/>, the core's <see cref="IRenewalLeadTimes"/>), and this clock fires the lifecycle's <c>EnterRenewalWindow</c>
/// too when it raises <c>RenewalDue</c>, so the two happen in the same pass whichever clock runs first.
/// </para>
/// </summary>
public sealed class RenewalDueClock(
    IServiceScopeFactory scopes, TimeProvider clock, ContractRules contractRules, ContinuityRules rules, IOptions<ContinuityOptions> options,
    IOptions<ContractClockOptions> clockOptions, ILogger<RenewalDueClock> logger)
    : ClockJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.RenewalCheckInterval ?? clockOptions.Value.ClockCheckInterval;

    protected override string Activity => "Raising RenewalDue at renewal points";

    private static readonly ContractState[] Running = [ContractState.Active, ContractState.Expiring, ContractState.Suspended];

    /// <summary>One pass: returns how many contracts it raised <see cref="RenewalDue"/> for.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        List<Guid> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();
            var today = now.ShanghaiDate();
            var endsBy = today.AddDays(await db.LongestLeadTimeAsync(rules, today, cancellationToken));
            candidates = await db.Contracts.AsNoTracking()
                .Where(c => (c.State == ContractState.Active || c.State == ContractState.Expiring || c.State == ContractState.Suspended) && c.SuccessorId == null
                            && c.End <= endsBy && !db.Set<RenewalNotice>().Any(n => n.ContractId == c.Id))
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
        }

        var raised = 0;
        foreach (var id in candidates)
        {
            raised += await RaiseIfDueAsync(id, now, cancellationToken) ? 1 : 0;
        }

        return raised;
    }

    private async Task<bool> RaiseIfDueAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();
        var contract = await db.ContractsWithRecords.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null || !Running.Contains(contract.State) || contract.SuccessorId is not null)
        {
            return false;
        }

        var (leadTime, method) = await db.LeadTimeAsync(contract, rules, cancellationToken);
        var point = leadTime.RenewalPoint(contract.End);
        if (point > now.ShanghaiDate())
        {
            return false;
        }

        var proposal = RenewalProposal.For(contract, await db.ConsecutiveSinceAsync(contract, cancellationToken), contractRules, rules);
        db.Add(new RenewalNotice { ContractId = contract.Id, RenewalPoint = point, LeadTimeDays = leadTime.Days, HistoryCount = leadTime.HistoryCount, RaisedAt = now });

        // The purchasing unit is told in the same transaction, so the notice row's key keeps its notices to one each.
        db.Notifications.Add(ContinuityNotices.RenewalDue(contract, point, leadTime.Days, now));
        if (!await db.Set<RenewalDecision>().AnyAsync(d => d.ContractId == contract.Id, cancellationToken))
        {
            db.Notifications.Add(ContinuityNotices.RenewalDecisionPending(contract, proposal, point, now));
        }

        db.Raise(new RenewalDue(
            contract.Id, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, contract.End, point, leadTime.Days, leadTime.HistoryCount, method,
            proposal.Path.ToString(), now));
        var learnt = contractRules with { RenewalLeadTimeDays = leadTime.Days };
        if (contract.PermittedTriggers(learnt, now).Contains(ContractTrigger.EnterRenewalWindow))
        {
            contract.EnterRenewalWindow(learnt, now);
            db.RaiseChanges(contract);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception)
        {
            // Another replica raised it first, or a person changed the contract meanwhile: the next pass looks again.
            Logger.LogInformation(exception, "RenewalDue for contract {ContractId} was not saved; the next pass looks again", id);
            return false;
        }
    }
}
