using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Contracts.Continuity;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Continuity.Endpoints;

/// <summary>
/// The purchaser confirms the renewal decision the platform proposed at the renewal point (DOMAIN.md §2, issue 7 item 2),
/// once per contract, from the renewal point on (<c>RenewalDue</c> raised, or the contract <c>Expiring</c>):
/// <list type="bullet">
/// <item><c>DirectRenewal</c> — only where the proposal allows it (else 422 naming the obstacles) — runs the lifecycle's
/// <c>Renew</c>: the successor is drafted from the day after the end, for the length of the signed terms (cut at the
/// 36-month cap) at their monthly rate, unless the purchaser gives <c>end</c> and <c>amount</c>;</item>
/// <item><c>NewTender</c> raises <see cref="RenewalTenderRequested"/>: Tendering drafts a new tender pre-filled from the
/// last one, and its id comes back on <c>RenewalTenderDrafted</c> into the decision.</item>
/// </list>
/// </summary>
public static class RenewalDecisionEndpoints
{
    public static RouteGroupBuilder MapRenewalDecisionEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/contracts/{contractId:guid}/renewal/confirm", Confirm).RequireAuthorization(Roles.Purchaser)
            .WithName("ConfirmRenewalDecision")
            .WithSummary("The purchaser confirms the renewal decision: DirectRenewal drafts the successor (Renew); NewTender has Tendering draft a tender pre-filled from the last one.");
        return group;
    }

    private static async Task<Created<RenewalDecisionView>> Confirm(
        Guid contractId, ConfirmRenewalRequest request, HttpContext http, ContractingDb db, ContractRules contractRules, ContinuityRules rules, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.ParsePath();
        var ct = http.RequestAborted;
        var contract = await db.ContractsWithRecords.FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null || contract.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new NotFoundException(ProblemMessages.Get("contract"), contractId);
        }

        if (await db.Set<RenewalDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.ContractId == contractId, ct) is { } decided)
        {
            throw Decided(decided.Path);
        }

        var now = clock.GetUtcNow();
        var (leadTime, _) = await db.LeadTimeAsync(contract, rules, ct);
        if (contract.State != ContractState.Expiring && !await db.Set<RenewalNotice>().AnyAsync(n => n.ContractId == contractId, ct))
        {
            throw new ConflictException(ContinuityCodes.RenewalNotDue, Iso(leadTime.RenewalPoint(contract.End)), contract.State.ToString());
        }

        var since = await db.ConsecutiveSinceAsync(contract, ct);
        var proposal = RenewalProposal.For(contract, since, contractRules, rules);
        var chosen = path ?? proposal.Path;
        var signed = contract.Versions.OrderBy(v => v.Number).First();
        var start = contract.End.AddDays(1);
        var months = Math.Max(1, (int)decimal.Round(contractRules.PeriodMonths(signed.Start, signed.End), MidpointRounding.AwayFromZero));
        var end = request.End ?? start.AddMonths(months).AddDays(-1);
        var actor = Guid.TryParse(http.User.UserId(), out var id) ? id : (Guid?)null;
        var decision = new RenewalDecision
        {
            ContractId = contract.Id, ProgramId = contract.ProgramId, PurchasingUnitId = contract.PurchasingUnitId, ProposedPath = proposal.Path.ToString(),
            Path = chosen.ToString(), SuccessorStart = start, ConfirmedAt = now, ConfirmedBy = actor,
        };
        if (chosen == RenewalPath.DirectRenewal)
        {
            if (proposal.Path != RenewalPath.DirectRenewal)
            {
                throw NotAllowed(proposal, rules, contractRules);
            }

            var capEnd = contractRules.CapEnd(since);
            if (request.End is null && end > capEnd)
            {
                end = capEnd;
            }

            var amount = request.Amount ?? decimal.Round(
                contractRules.MonthlyRate(signed.Amount, signed.Start, signed.End) * contractRules.PeriodMonths(start, end), 2, MidpointRounding.AwayFromZero);
            var successor = contract.Renew(end, amount, since, actor, contractRules, now);
            db.Contracts.Add(successor);
            db.RaiseChanges(contract);
            db.RaiseChanges(successor);
            decision.Amount = amount;
            decision.SuccessorId = successor.Id;
        }
        else
        {
            Contract.CheckPeriod(start, end);
            var tender = await db.TenderOfAsync(contract, ct);
            db.Raise(new RenewalTenderRequested(contract.Id, contract.ProgramId, contract.PurchasingUnitId, tender?.TenderId, start, end, actor, now));
        }

        decision.SuccessorEnd = end;
        db.Add(decision);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two confirmations raced: the other one was saved first.
            var winner = await db.Set<RenewalDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.ContractId == contractId, CancellationToken.None);
            throw winner is null ? new ConflictException("concurrency_conflict") : Decided(winner.Path);
        }

        return TypedResults.Created($"/api/continuity/contracts/{contract.Id}/renewal", RenewalDecisionView.Of(decision));
    }

    private static ConflictException Decided(string path) =>
        ContinuityCodes.AlreadyDecided(ContinuityCodes.RenewalAlreadyDecided, "continuity_path_", path, "path");

    private static RuleViolationException NotAllowed(RenewalProposal proposal, ContinuityRules rules, ContractRules contractRules)
    {
        string Words(CultureInfo culture) => string.Join(
            ProblemMessages.IsChinese(culture) ? "；" : "; ",
            proposal.Obstacles.Select(o => ProblemMessages.Get(culture, $"continuity_obstacle_{o}")));
        var refusal = new RuleViolationException(
            ContinuityCodes.DirectRenewalNotAllowed, "path", rules.DirectRenewalMinimumGrade, contractRules.ConsecutiveCapMonths,
            Words(CultureInfo.InvariantCulture), Words(CultureInfo.GetCultureInfo("zh-CN")));
        refusal.Extensions["obstacles"] = proposal.Obstacles.Select(o => o.ToString()).ToList();
        return refusal;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The purchaser's confirmation: <c>path</c> <c>DirectRenewal</c> or <c>NewTender</c> (left out: the platform's proposal);
/// <c>end</c> the successor's last day (left out: the length of the signed terms); <c>amount</c> a direct renewal's
/// amount in CNY (left out: the signed terms' monthly rate over the new period).
/// </summary>
public sealed record ConfirmRenewalRequest(string? Path, DateOnly? End, decimal? Amount)
{
    /// <summary>The path asked for, or null for the proposal's; a path that is neither answers 400 naming the field.</summary>
    public RenewalPath? ParsePath()
    {
        var errors = new FieldErrors();
        RenewalPath? path = null;
        if (Path is not null)
        {
            if (Enum.TryParse<RenewalPath>(Path, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                path = parsed;
            }
            else
            {
                errors.Add("path", "one_of", string.Join(", ", Enum.GetNames<RenewalPath>()));
            }
        }

        if (Amount is not null)
        {
            errors.Money("amount", Amount);
        }

        errors.ThrowIfAny();
        return path;
    }
}

/// <summary>
/// A confirmed renewal decision: the path proposed and the path confirmed; the successor's period; for a direct renewal
/// the successor drafted and its amount; for a new tender the tender Tendering drafted (null until it has), or why it
/// could not (<c>tenderNotDraftedReason</c>: <c>ProgramUnknown</c>, <c>ProgramOfAnotherUnit</c>, <c>PeriodOutsideProgram</c>,
/// <c>NothingToPrefillFrom</c>), in which case the purchaser drafts the tender by hand.
/// </summary>
public sealed record RenewalDecisionView(
    Guid ContractId, Guid ProgramId, string ProposedPath, string Path, DateOnly SuccessorStart, DateOnly SuccessorEnd, decimal? Amount, Guid? SuccessorId,
    Guid? TenderId, DateTimeOffset? TenderDraftedAt, DateTimeOffset ConfirmedAt, Guid? ConfirmedBy, string? TenderNotDraftedReason)
{
    public static RenewalDecisionView Of(RenewalDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.ContractId, d.ProgramId, d.ProposedPath, d.Path, d.SuccessorStart, d.SuccessorEnd, d.Amount, d.SuccessorId, d.TenderId, d.TenderDraftedAt,
            d.ConfirmedAt, d.ConfirmedBy, d.TenderNotDraftedReason);
    }
}
