using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Continuity.Endpoints;

/// <summary>
/// The continuity dashboard (issue 7 item 4): gap days per program-year, programs at risk, bridges in force, late
/// instalments, the funding gaps open now, and what waits for the purchaser (renewal decisions, bridge proposals —
/// issue 16 item 6), in one answer. A purchaser sees their own unit (another unit's id answers 404); an auditor every unit, or
/// one with <c>?purchasingUnitId=</c>; anyone else 403.
/// </summary>
public static class ContinuityDashboard
{
    private static readonly ContractState[] Serving = [ContractState.Active, ContractState.Expiring, ContractState.Suspended, ContractState.Renewed];

    public static RouteGroupBuilder MapContinuityDashboard(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/dashboard", Dashboard).RequireAuthorization(Policies.AnyUser)
            .WithName("ContinuityDashboard")
            .WithSummary("Gap days per program-year, programs at risk (open RenewalAtRisk), bridges in force and late instalments, for a purchaser's unit or (auditors) all units.");
        return group;
    }

    private static async Task<Ok<DashboardView>> Dashboard(
        Guid? purchasingUnitId, HttpContext http, ContractingDb db, ContractRules rules, ContinuityRules continuityRules, TimeProvider clock)
    {
        Guid? unit;
        if (http.User.IsInRole(Roles.Auditor))
        {
            unit = purchasingUnitId;
        }
        else if (http.User.IsInRole(Roles.Purchaser))
        {
            var own = http.User.OrganisationId();
            if (purchasingUnitId is { } asked && asked != own)
            {
                throw new NotFoundException(ContinuityCodes.Purchaser, asked);
            }

            unit = own;
        }
        else
        {
            throw new ForbiddenException();
        }

        var ct = http.RequestAborted;
        var today = clock.GetUtcNow().ShanghaiDate();
        var overviews = unit is { } one ? await db.ProgramsOfAsync(one, ct) : await db.AllProgramsAsync(ct);
        var programs = await ContinuityEndpoints.ProgramGapsAsync(db, overviews, today, rules, ct);

        return TypedResults.Ok(new DashboardView(
            unit, today, programs.Sum(p => p.GapDays), programs.Sum(p => p.Years.Count), programs,
            await AtRiskAsync(db, unit, today, ct), await BridgesAsync(db, unit, today, ct), await LateAsync(db, unit, ct), await OpenGapsAsync(db, unit, today, ct),
            await PendingDecisionsAsync(db, unit, rules, continuityRules, ct), await PendingBridgesAsync(db, unit, today, ct)));
    }

    /// <summary>
    /// Renewal decisions waiting for the purchaser: the contract reached its renewal point (<c>RenewalDue</c> raised, or the
    /// lifecycle marked it <c>Expiring</c>), still runs without a successor, and no decision was confirmed; the earliest end first.
    /// </summary>
    private static async Task<List<PendingDecisionView>> PendingDecisionsAsync(
        ContractingDb db, Guid? unit, ContractRules rules, ContinuityRules continuityRules, CancellationToken ct)
    {
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Evaluations)
            .Where(c => (unit == null || c.PurchasingUnitId == unit) && c.SuccessorId == null
                        && (c.State == ContractState.Active || c.State == ContractState.Expiring || c.State == ContractState.Suspended)
                        && (c.State == ContractState.Expiring || db.Set<RenewalNotice>().Any(n => n.ContractId == c.Id))
                        && !db.Set<RenewalDecision>().Any(d => d.ContractId == c.Id))
            .ToListAsync(ct);
        var ids = contracts.Select(c => c.Id).ToList();
        var notices = await db.Set<RenewalNotice>().AsNoTracking().Where(n => ids.Contains(n.ContractId)).ToDictionaryAsync(n => n.ContractId, ct);
        var views = new List<PendingDecisionView>();
        foreach (var contract in contracts.OrderBy(c => c.End).ThenBy(c => c.Id))
        {
            var proposal = RenewalProposal.For(contract, await db.ConsecutiveSinceAsync(contract, ct), rules, continuityRules);
            var notice = notices.GetValueOrDefault(contract.Id);
            views.Add(new PendingDecisionView(
                contract.ProgramId, contract.Id, contract.PurchasingUnitId, contract.AgencyName, contract.End, notice?.RenewalPoint, notice?.RaisedAt, proposal.Path));
        }

        return views;
    }

    /// <summary>
    /// Bridge proposals waiting for the purchaser: proposed, neither approved nor declined, for the contract's current
    /// period (a contract extended since is proposed anew), the contract still serving and not ended; the earliest end first.
    /// </summary>
    private static async Task<List<PendingBridgeView>> PendingBridgesAsync(ContractingDb db, Guid? unit, DateOnly today, CancellationToken ct)
    {
        var pending = await db.Set<BridgeProposal>().AsNoTracking()
            .Where(p => p.Status == BridgeProposalStatus.Proposed && (unit == null || p.PurchasingUnitId == unit))
            .Join(db.Contracts.AsNoTracking(), p => p.ContractId, c => c.Id, (p, c) => new { Proposal = p, Contract = c })
            .Where(x => x.Contract.End == x.Proposal.End && x.Contract.End >= today
                        && (x.Contract.State == ContractState.Active || x.Contract.State == ContractState.Expiring
                            || x.Contract.State == ContractState.Suspended || x.Contract.State == ContractState.Renewed))
            .ToListAsync(ct);
        return [.. pending.OrderBy(x => x.Proposal.End).ThenBy(x => x.Proposal.ContractId).Select(x => new PendingBridgeView(
            x.Proposal.ProgramId, x.Proposal.ContractId, x.Proposal.PurchasingUnitId, x.Contract.AgencyName, x.Proposal.End, x.Proposal.Months,
            x.Proposal.Amount, x.Proposal.ExtensionStart, x.Proposal.ExtensionEnd, x.Proposal.ProposedAt))];
    }

    /// <summary>Open risks of the contract's current period (a bridge's new end is forecast anew): the contract is still serving (running, or renewed and not ended), has not ended, and its successor is still not signed by both.</summary>
    private static async Task<List<AtRiskView>> AtRiskAsync(ContractingDb db, Guid? unit, DateOnly today, CancellationToken ct)
    {
        var notices = await db.Set<RenewalRiskNotice>().AsNoTracking().Where(n => unit == null || n.PurchasingUnitId == unit).ToListAsync(ct);
        var views = new List<AtRiskView>();
        foreach (var notice in notices.OrderBy(n => n.End).ThenBy(n => n.ContractId))
        {
            var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == notice.ContractId, ct);
            if (contract is null || notice.End != contract.End || !Serving.Contains(contract.State) || contract.End < today
                || notice.ExpectedSigning <= contract.End)
            {
                continue;
            }

            var successor = await db.SuccessorOfAsync(contract, ct);
            if (successor is { BothSigned: true })
            {
                continue;
            }

            views.Add(new AtRiskView(
                notice.ProgramId, notice.ContractId, notice.PurchasingUnitId, contract.End, notice.ExpectedSigning, notice.DaysLate, notice.Basis, notice.RaisedAt,
                successor?.Id));
        }

        return views;
    }

    /// <summary>Contracts extended by a bridge (a terms version with bridge months) and still serving (not ended, not terminated or completed).</summary>
    private static async Task<List<BridgeInForceView>> BridgesAsync(ContractingDb db, Guid? unit, DateOnly today, CancellationToken ct)
    {
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Versions)
            .Where(c => (unit == null || c.PurchasingUnitId == unit)
                        && (c.State == ContractState.Active || c.State == ContractState.Expiring || c.State == ContractState.Suspended
                            || c.State == ContractState.Renewed)
                        && c.End >= today && c.Versions.Any(v => v.BridgeMonths != null))
            .ToListAsync(ct);
        return [.. contracts.OrderBy(c => c.End).ThenBy(c => c.Id).Select(c => new BridgeInForceView(
            c.ProgramId, c.Id, c.PurchasingUnitId, c.AgencyId, c.State, c.End, c.Versions.Where(v => v.BridgeMonths != null).Sum(v => v.BridgeMonths!.Value)))];
    }

    /// <summary>The gaps open now, as the funding gap watch saw them (<c>FundingGapOpened</c> without its <c>FundingGapClosed</c>); the oldest first.</summary>
    private static async Task<List<OpenGapView>> OpenGapsAsync(ContractingDb db, Guid? unit, DateOnly today, CancellationToken ct)
    {
        var open = await db.Set<ProgramGapWatch>().AsNoTracking()
            .Where(w => w.OpenSince != null && (unit == null || w.PurchasingUnitId == unit))
            .ToListAsync(ct);
        return [.. open.OrderBy(w => w.OpenSince).ThenBy(w => w.ProgramId).Select(w => new OpenGapView(
            w.ProgramId, w.PurchasingUnitId, w.OpenSince!.Value, w.Cause ?? "", w.ContractId, today.DayNumber - w.OpenSince.Value.DayNumber + 1))];
    }

    /// <summary>Instalments reported overdue or paid late, of the unit's contracts; unpaid ones first.</summary>
    private static async Task<List<LateInstalmentView>> LateAsync(ContractingDb db, Guid? unit, CancellationToken ct)
    {
        var late = await db.Set<LateInstalment>().AsNoTracking()
            .Join(db.Contracts.AsNoTracking(), i => i.ContractId, c => c.Id, (i, c) => new { Instalment = i, c.PurchasingUnitId })
            .Where(x => unit == null || x.PurchasingUnitId == unit)
            .ToListAsync(ct);
        return [.. late.OrderBy(x => x.Instalment.PaidOn != null).ThenBy(x => x.Instalment.DueOn).ThenBy(x => x.Instalment.InstalmentId)
            .Select(x => new LateInstalmentView(
                x.Instalment.InstalmentId, x.Instalment.ContractId, x.Instalment.ProgramId, x.PurchasingUnitId, x.Instalment.Amount, x.Instalment.DueOn,
                x.Instalment.PayBy, x.Instalment.Status, x.Instalment.PaidOn))];
    }
}

/// <summary>
/// The continuity dashboard: <c>purchasingUnitId</c> null for an auditor's view of every unit; gap days (up to today) in
/// total and per program and program-year; programs at risk; bridges in force; late instalments (unpaid first); and what
/// waits for the purchaser: renewal decisions to confirm and bridge proposals to approve or decline.
/// </summary>
public sealed record DashboardView(
    Guid? PurchasingUnitId, DateOnly Today, int GapDays, int ProgramYears, IReadOnlyList<ProgramGapsView> Programs, IReadOnlyList<AtRiskView> AtRisk,
    IReadOnlyList<BridgeInForceView> BridgesInForce, IReadOnlyList<LateInstalmentView> LateInstalments, IReadOnlyList<OpenGapView> OpenGaps,
    IReadOnlyList<PendingDecisionView> PendingDecisions, IReadOnlyList<PendingBridgeView> PendingBridges);

/// <summary>
/// A renewal decision waiting for the purchaser's confirmation (<c>…/renewal/confirm</c>): the contract, its end, when its
/// renewal point was (null when only the lifecycle's window marked it) and <c>RenewalDue</c> raised, and the path proposed.
/// </summary>
public sealed record PendingDecisionView(
    Guid ProgramId, Guid ContractId, Guid PurchasingUnitId, string AgencyName, DateOnly End, DateOnly? RenewalPoint, DateTimeOffset? RenewalDueRaisedAt,
    RenewalPath ProposedPath);

/// <summary>A bridge proposal waiting for the purchaser (<c>…/bridge-proposal/approve</c> or <c>…/decline</c>): months, amount (CNY) and the extension.</summary>
public sealed record PendingBridgeView(
    Guid ProgramId, Guid ContractId, Guid PurchasingUnitId, string AgencyName, DateOnly End, int Months, decimal Amount, DateOnly ExtensionStart,
    DateOnly ExtensionEnd, DateTimeOffset ProposedAt);

/// <summary>A funding gap open now: since its first day, why (<c>Uncovered</c>, <c>Suspended</c>, <c>NotActive</c>, <c>CashBehind</c>), and its days so far.</summary>
public sealed record OpenGapView(Guid ProgramId, Guid PurchasingUnitId, DateOnly Since, string Cause, Guid? ContractId, int Days);

/// <summary>A program at risk: its running contract, the forecast signing of the successor and the days late; <c>successorId</c> when one is drafted.</summary>
public sealed record AtRiskView(
    Guid ProgramId, Guid ContractId, Guid PurchasingUnitId, DateOnly End, DateOnly ExpectedSigning, int DaysLate, string Basis, DateTimeOffset RaisedAt, Guid? SuccessorId);

/// <summary>A running contract extended by bridges: its end now and the bridge months added in all.</summary>
public sealed record BridgeInForceView(Guid ProgramId, Guid ContractId, Guid PurchasingUnitId, Guid AgencyId, ContractState State, DateOnly End, int BridgeMonths);

/// <summary>An instalment overdue (<c>paidOn</c> null; <c>status</c> where it is stuck) or paid late (<c>status</c> <c>Paid</c>).</summary>
public sealed record LateInstalmentView(
    Guid InstalmentId, Guid ContractId, Guid ProgramId, Guid PurchasingUnitId, decimal Amount, DateOnly DueOn, DateOnly? PayBy, string Status, DateOnly? PaidOn);
