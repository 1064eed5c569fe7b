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

/// <summary>What one pass of the <see cref="ContinuityAlertClock"/> raised.</summary>
/// <param name="RisksRaised">Contracts it raised <see cref="RenewalAtRisk"/> (and <see cref="FundingGapForecast"/>) for.</param>
/// <param name="BridgesProposed">Contracts it raised <see cref="BridgeProposed"/> for.</param>
public sealed record ContinuityAlertPass(int RisksRaised, int BridgesProposed);

/// <summary>
/// The forecast and the bridge (DOMAIN.md §2, issue 7 item 3), once per contract and period each (a bridged contract's
/// extended period is looked at again), for a contract still serving
/// (<c>Active</c>, <c>Expiring</c>, <c>Suspended</c>, or <c>Renewed</c> — the lifecycle marks a contract renewed when its
/// successor is drafted, and it serves to its end) that has not ended and whose successor is not signed by both parties:
/// <list type="bullet">
/// <item>when the successor's expected signing (<see cref="ContinuityRules.Forecast"/>) falls after the end:
/// <see cref="RenewalAtRisk"/> and <see cref="FundingGapForecast"/> (the day after the end to the expected signing);</item>
/// <item>from <c>end − 30 days</c>, where the lifecycle permits <c>ExtendBridge</c>: <see cref="BridgeProposed"/> with the
/// months that reach the successor's expected start (1 to 3, within the 36-month cap) and their amount at the monthly rate,
/// recorded for the purchaser to approve or decline.</item>
/// </list>
/// Like the other clocks it runs at start-up and then every interval (<c>Contracting:Continuity:RenewalCheckInterval</c>,
/// else <c>Contracting:ClockCheckInterval</c>); the notice rows are keyed by the contract and its end and saved with the events in
/// one transaction, so a second pass or replica raises nothing more.
/// </summary>
public sealed class ContinuityAlertClock(
    IServiceScopeFactory scopes, TimeProvider clock, ContractRules contractRules, ContinuityRules rules, IOptions<ContinuityOptions> options,
    IOptions<ContractClockOptions> clockOptions, ILogger<ContinuityAlertClock> logger)
    : ClockJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.RenewalCheckInterval ?? clockOptions.Value.ClockCheckInterval;

    protected override string Activity => "Proposing bridges and forecasting late successors";

    private static readonly ContractState[] Serving = [ContractState.Active, ContractState.Expiring, ContractState.Suspended, ContractState.Renewed];

    /// <summary>One pass; answers how many alerts it raised.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var pass = await RunPassAsync(cancellationToken);
        return pass.RisksRaised + pass.BridgesProposed;
    }

    /// <summary>One pass over the contracts that may need an alert, with what it raised of each kind.</summary>
    public async Task<ContinuityAlertPass> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var today = now.ShanghaiDate();
        List<Guid> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();

            // No forecast reaches further than the longest lead time: contracts ending later cannot be at risk yet.
            var endsBy = today.AddDays(Math.Max(await db.LongestLeadTimeAsync(rules, today, cancellationToken), rules.BridgeProposalDaysBeforeEnd));
            candidates = await db.Contracts.AsNoTracking()
                .Where(c => (c.State == ContractState.Active || c.State == ContractState.Expiring || c.State == ContractState.Suspended || c.State == ContractState.Renewed)
                            && c.End >= today && c.End <= endsBy
                            && (!db.Set<RenewalRiskNotice>().Any(n => n.ContractId == c.Id && n.End == c.End)
                                || !db.Set<BridgeProposal>().Any(p => p.ContractId == c.Id && p.End == c.End)))
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
        }

        var risks = 0;
        var bridges = 0;
        foreach (var id in candidates)
        {
            var (risk, bridge) = await AlertAsync(id, now, cancellationToken);
            risks += risk ? 1 : 0;
            bridges += bridge ? 1 : 0;
        }

        return new ContinuityAlertPass(risks, bridges);
    }

    private async Task<(bool Risk, bool Bridge)> AlertAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();
        var today = now.ShanghaiDate();
        var contract = await db.ContractsWithRecords.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null || !Serving.Contains(contract.State) || contract.End < today)
        {
            return (false, false);
        }

        var successor = await db.SuccessorOfAsync(contract, cancellationToken);
        if (successor is { BothSigned: true })
        {
            return (false, false);
        }

        var forecast = await db.ForecastAsync(contract, successor, rules, today, cancellationToken);
        var risk = forecast.AtRisk(contract.End) && !await db.Set<RenewalRiskNotice>().AnyAsync(n => n.ContractId == id && n.End == contract.End, cancellationToken);
        if (risk)
        {
            var days = forecast.DaysLate(contract.End);
            db.Add(new RenewalRiskNotice
            {
                ContractId = id, ProgramId = contract.ProgramId, PurchasingUnitId = contract.PurchasingUnitId, End = contract.End,
                ExpectedSigning = forecast.ExpectedSigning, DaysLate = days, Basis = forecast.Basis.ToString(), RaisedAt = now,
            });
            db.Raise(new RenewalAtRisk(id, contract.ProgramId, contract.PurchasingUnitId, contract.End, forecast.ExpectedSigning, days, now));
            db.Raise(new FundingGapForecast(
                contract.ProgramId, contract.PurchasingUnitId, id, contract.End.AddDays(1), forecast.ExpectedSigning, days, now));
        }

        var bridge = today >= rules.BridgeProposalDay(contract.End)
                     && contract.PermittedTriggers(contractRules, now).Contains(ContractTrigger.ExtendBridge)
                     && !await db.Set<BridgeProposal>().AnyAsync(p => p.ContractId == id && p.End == contract.End, cancellationToken)
                     && await ProposeAsync(db, contract, successor, forecast, now, cancellationToken);
        if (!risk && !bridge)
        {
            return (false, false);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (risk, bridge);
        }
        catch (DbUpdateException exception)
        {
            // Another replica raised it first: the next pass looks again and finds the notice.
            Logger.LogInformation(exception, "Continuity alerts for contract {ContractId} were not saved; the next pass looks again", id);
            return (false, false);
        }
    }

    private async Task<bool> ProposeAsync(
        ContractingDb db, Contract contract, Contract? successor, SuccessorForecast forecast, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expectedStart = forecast.ExpectedStart(contract.End, successor?.Start);
        var capEnd = contractRules.CapEnd(await db.ConsecutiveSinceAsync(contract, cancellationToken));
        var plan = ContinuityRules.Bridge(contractRules, contract.Amount, contract.Start, contract.End, expectedStart, capEnd);
        if (plan is null)
        {
            Logger.LogWarning("No bridge can be proposed for contract {ContractId}: the 36-month cap leaves no month after {End}", contract.Id, contract.End);
            return false;
        }

        db.Add(new BridgeProposal
        {
            ContractId = contract.Id, ProgramId = contract.ProgramId, PurchasingUnitId = contract.PurchasingUnitId, End = contract.End,
            Months = plan.Months, MonthlyRate = plan.MonthlyRate, Amount = plan.Amount, ExtensionStart = plan.ExtensionStart,
            ExtensionEnd = plan.ExtensionEnd, ExpectedSuccessorStart = expectedStart, CoversExpectedGap = plan.CoversExpectedGap,
            Status = BridgeProposalStatus.Proposed, ProposedAt = now,
        });
        db.Raise(new BridgeProposed(
            contract.Id, contract.ProgramId, contract.PurchasingUnitId, plan.Months, plan.MonthlyRate, plan.Amount, plan.ExtensionStart, plan.ExtensionEnd, now));
        db.Notifications.Add(ContinuityNotices.BridgeProposed(contract, plan, now));
        return true;
    }
}
