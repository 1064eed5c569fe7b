using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Continuity.Endpoints;

/// <summary>
/// A contract's bridge extension proposal (DOMAIN.md §2, issue 7 item 3) — the latest, for the contract's current or
/// last period — read by the contract's parties and auditors
/// (404 for anyone else, or when none was proposed); approved or declined once by the purchasing unit's purchaser.
/// Approval runs the lifecycle's own <c>ExtendBridge</c> (so <c>ContractAmended</c> with <c>BridgeMonths</c> goes out and
/// Disbursement schedules the bridge instalment, and an unsigned successor is postponed) with the proposed months; a lifecycle refusal (state, 36-month cap)
/// answers as it does on <c>/api/contracts/{id}/bridge-extensions</c> and leaves the proposal open.
/// </summary>
public static class BridgeProposalEndpoints
{
    public static RouteGroupBuilder MapBridgeProposalEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/contracts/{contractId:guid}/bridge-proposal", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("ContractBridgeProposal").WithSummary("The bridge extension proposed for a contract: months, monthly rate, amount, extension dates and decision.");
        group.MapPost("/contracts/{contractId:guid}/bridge-proposal/approve", Approve).RequireAuthorization(Roles.Purchaser)
            .WithName("ApproveBridgeProposal").WithSummary("The purchaser approves the proposal: the contract is extended by its months at the same monthly rate.");
        group.MapPost("/contracts/{contractId:guid}/bridge-proposal/decline", Decline).RequireAuthorization(Roles.Purchaser)
            .WithName("DeclineBridgeProposal").WithSummary("The purchaser declines the proposal, with a reason.");
        return group;
    }

    private static async Task<Ok<BridgeProposalView>> Get(Guid contractId, HttpContext http, ContractingDb db)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, http.RequestAborted);
        if (contract is null || (!http.User.IsInRole(Roles.Auditor) && contract.PartyOf(http.User.OrganisationId()) is null))
        {
            throw new NotFoundException(ContinuityCodes.BridgeProposal, contractId);
        }

        var proposal = await db.Set<BridgeProposal>().AsNoTracking().Where(p => p.ContractId == contractId).OrderByDescending(p => p.End)
                           .FirstOrDefaultAsync(http.RequestAborted)
                       ?? throw new NotFoundException(ContinuityCodes.BridgeProposal, contractId);
        return TypedResults.Ok(BridgeProposalView.Of(proposal));
    }

    private static async Task<Ok<BridgeProposalView>> Approve(Guid contractId, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        var proposal = await OpenProposalAsync(contractId, http, db);
        var contract = await db.ContractsWithRecords.FirstAsync(c => c.Id == contractId, http.RequestAborted);
        var now = clock.GetUtcNow();
        var actor = Actor(http);
        await db.ExtendBridgeAsync(contract, proposal.Months, text: null, actor, rules, now, http.RequestAborted);
        await http.RequestServices.GetRequiredService<Signatures.ContractSigner>().SignDueAsync(db, contract, now, http.RequestAborted);
        proposal.Status = BridgeProposalStatus.Approved;
        proposal.DecidedAt = now;
        proposal.DecidedBy = actor;
        proposal.Version++;
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(BridgeProposalView.Of(proposal));
    }

    private static async Task<Ok<BridgeProposalView>> Decline(
        Guid contractId, DeclineBridgeRequest request, HttpContext http, ContractingDb db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        new FieldErrors().Required("reason", request.Reason, 1000).ThrowIfAny();
        var proposal = await OpenProposalAsync(contractId, http, db);
        proposal.Status = BridgeProposalStatus.Declined;
        proposal.DecidedAt = clock.GetUtcNow();
        proposal.DecidedBy = Actor(http);
        proposal.DeclineReason = request.Reason!.Trim();
        proposal.Version++;
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(BridgeProposalView.Of(proposal));
    }

    /// <summary>The proposal of a contract of the caller's unit (else 404), still undecided (else 409).</summary>
    private static async Task<BridgeProposal> OpenProposalAsync(Guid contractId, HttpContext http, ContractingDb db)
    {
        var proposal = await db.Set<BridgeProposal>().Where(p => p.ContractId == contractId).OrderByDescending(p => p.End)
            .FirstOrDefaultAsync(http.RequestAborted);
        if (proposal is null || proposal.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new NotFoundException(ContinuityCodes.BridgeProposal, contractId);
        }

        if (proposal.Status != BridgeProposalStatus.Proposed)
        {
            throw ContinuityCodes.AlreadyDecided(ContinuityCodes.BridgeAlreadyDecided, "continuity_bridge_", proposal.Status.ToString(), "status");
        }

        return proposal;
    }

    private static Guid? Actor(HttpContext http) => Guid.TryParse(http.User.UserId(), out var id) ? id : null;
}

/// <summary>A refusal of a bridge proposal, with its reason.</summary>
public sealed record DeclineBridgeRequest(string? Reason);

/// <summary>
/// A bridge extension proposal: <c>months</c> (1–3) from <c>extensionStart</c> (the day after the end when proposed)
/// to <c>extensionEnd</c> at <c>monthlyRate</c>, costing <c>amount</c>; <c>expectedSuccessorStart</c> the day the months
/// were chosen to reach and <c>coversExpectedGap</c> whether they do; <c>status</c> <c>Proposed</c>, <c>Approved</c> or <c>Declined</c>.
/// </summary>
public sealed record BridgeProposalView(
    Guid ContractId, Guid ProgramId, Guid PurchasingUnitId, DateOnly End, int Months, decimal MonthlyRate, decimal Amount, DateOnly ExtensionStart,
    DateOnly ExtensionEnd, DateOnly ExpectedSuccessorStart, bool CoversExpectedGap, BridgeProposalStatus Status, DateTimeOffset ProposedAt,
    DateTimeOffset? DecidedAt, Guid? DecidedBy, string? DeclineReason)
{
    public static BridgeProposalView Of(BridgeProposal p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.ContractId, p.ProgramId, p.PurchasingUnitId, p.End, p.Months, p.MonthlyRate, p.Amount, p.ExtensionStart, p.ExtensionEnd, p.ExpectedSuccessorStart,
            p.CoversExpectedGap, p.Status, p.ProposedAt, p.DecidedAt, p.DecidedBy, p.DeclineReason);
    }
}
