using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Contracting.Endpoints;

/// <summary>
/// Contracts for both parties: each organisation lists and reads only the contracts it is a party to (404 for
/// others'), auditors read all. A trigger the machine does not permit now answers 409 with <c>allowedTriggers</c>.
/// </summary>
public static class ContractEndpoints
{
    public static RouteGroupBuilder MapContractEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/contracts").WithTags("Contracts");

        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .WithName("ListContracts").WithSummary("The contracts the caller's organisation is a party to (all for auditors); filter by programId and tenderId.");
        group.MapGet("/lifecycle", Lifecycle).RequireAuthorization(Policies.AnyUser)
            .WithName("ContractLifecycle").WithSummary("The contract state machine as a Mermaid state diagram, generated from the machine.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetContract").WithSummary("State, the triggers the caller may fire, signatures, terms in force, predecessor and successor.");
        group.MapGet("/{id:guid}/versions", Versions).RequireAuthorization(Policies.AnyUser)
            .WithName("ContractVersions").WithSummary("Every version of the terms, version 1 (as drafted) first.");
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.AnyUser)
            .WithName("ContractHistory").WithSummary("What happened to the contract, oldest first: drafting, signatures, every trigger.");

        group.MapPost("/{id:guid}/sign", Sign).RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer")
                .RequireRole(Roles.Purchaser, Roles.Agency).RequireClaim(ProcurementClaims.OrganisationId))
            .WithName("SignContract").WithSummary("A user of the purchasing unit (purchaser) or of the agency (agency) signs for their party; the first signature issues the draft for signature.");
        group.MapPut("/{id:guid}/payment-term", SetPaymentTerm).RequireAuthorization(Roles.Purchaser)
            .WithName("SetContractPaymentTerm").WithSummary("The purchaser agrees the payment term (days within which an instalment is paid once due: 1–60, default 30) "
                + "while nobody has signed; after the first signature it answers 409.");
        group.MapPost("/{id:guid}/amendments", Amend).RequireAuthorization(Roles.Purchaser)
            .WithName("AmendContract").WithSummary("The purchaser records an amendment: a new version of the terms with its reason code and text.");
        group.MapPost("/{id:guid}/bridge-extensions", ExtendBridge).RequireAuthorization(Roles.Purchaser)
            .WithName("ExtendContractBridge").WithSummary("The purchaser extends the contract by 1–3 months at the same monthly rate (an amendment, durationExtension).");
        group.MapPost("/{id:guid}/suspend", Suspend).RequireAuthorization(Roles.Purchaser)
            .WithName("SuspendContract").WithSummary("The purchaser suspends an active contract, with a reason.");
        group.MapPost("/{id:guid}/resume", Resume).RequireAuthorization(Roles.Purchaser)
            .WithName("ResumeContract").WithSummary("The purchaser resumes a suspended contract.");
        group.MapPost("/{id:guid}/renew", Renew).RequireAuthorization(Roles.Purchaser)
            .WithName("RenewContract").WithSummary("The purchaser renews an expiring contract: the successor is drafted to start the day after it ends.");
        group.MapPost("/{id:guid}/terminate", Terminate).RequireAuthorization(Roles.Purchaser)
            .WithName("TerminateContract").WithSummary("The purchaser terminates the contract with a reason and the amount paid so far: left out, the sum of the instalments "
                + "Disbursement reported paid (InstalmentPaid); given, the purchaser's figure is kept (it may count payments not yet reported) "
                + "and the answer shows the recorded sum beside it as recordedPaid. Both parties are notified.");
        group.MapPost("/{id:guid}/complete", Complete).RequireAuthorization(Roles.Purchaser)
            .WithName("CompleteContract").WithSummary("The purchaser completes the contract; it needs a passing final performance evaluation.");
        return group;
    }

    private static async Task<Ok<ContractSummary[]>> List(Guid? programId, Guid? tenderId, HttpContext http, ContractingDb db)
    {
        var query = db.Contracts.AsNoTracking();
        if (!http.User.IsInRole(Roles.Auditor))
        {
            var organisation = http.User.OrganisationId();
            query = query.Where(c => c.PurchasingUnitId == organisation || c.AgencyId == organisation);
        }

        if (programId is { } program)
        {
            query = query.Where(c => c.ProgramId == program);
        }

        if (tenderId is { } tender)
        {
            query = query.Where(c => c.TenderId == tender);
        }

        var contracts = await query.ToListAsync(http.RequestAborted);
        return TypedResults.Ok(contracts.OrderBy(c => c.Start).ThenBy(c => c.CreatedAt).Select(ContractSummary.From).ToArray());
    }

    private static Ok<string> Lifecycle() => TypedResults.Ok(Contract.LifecycleDiagram());

    private static async Task<Ok<ContractView>> Get(Guid id, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock) =>
        TypedResults.Ok(await ViewAsync(db, await FindVisibleAsync(db, id, http), http, rules, clock.GetUtcNow()));

    private static async Task<Ok<TermsVersionView[]>> Versions(Guid id, HttpContext http, ContractingDb db)
    {
        var contract = await FindVisibleAsync(db, id, http);
        return TypedResults.Ok(contract.Versions.OrderBy(v => v.Number).Select(v => TermsVersionView.From(v, contract.TermsVersion)).ToArray());
    }

    private static async Task<Ok<ActivityView[]>> History(Guid id, HttpContext http, ContractingDb db)
    {
        var contract = await FindVisibleAsync(db, id, http);
        return TypedResults.Ok(contract.Activities.OrderBy(a => a.Sequence).Select(ActivityView.Of).ToArray());
    }

    private static async Task<Ok<ContractView>> Sign(Guid id, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        var contract = await FindVisibleAsync(db, id, http);
        var party = contract.PartyOf(http.User.OrganisationId());
        var role = party switch
        {
            ContractParty.Purchaser => Roles.Purchaser,
            ContractParty.Agency => Roles.Agency,
            _ => null,
        };
        if (party is null || role is null || !http.User.IsInRole(role))
        {
            throw new ForbiddenException(ContractCodes.NotAParty);
        }

        var now = clock.GetUtcNow();
        contract.Sign(party.Value, Actor(http.User), rules, now);
        await db.NoteSuccessorSignedAsync(contract, now, http.RequestAborted);

        // Asked only of the second signature, which raises ContractSigned: a successor is paid before it starts (DOMAIN.md §2).
        bool? successor = contract.BothSigned ? await db.FollowsAnotherAsync(contract, http.RequestAborted) : null;
        DateOnly? maxExtent = contract.BothSigned ? rules.CapEnd(await db.ConsecutiveSinceAsync(contract, http.RequestAborted)) : null;
        return await SaveAsync(db, contract, http, rules, now, successor, maxExtent);
    }

    private static async Task<Ok<ContractView>> SetPaymentTerm(
        Guid id, PaymentTermRequest request, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        request.Validate();
        var contract = await FindOwnAsync(db, id, http);
        var now = clock.GetUtcNow();
        contract.SetPaymentTerm(request.Days!.Value, Actor(http.User), rules, now);
        return await SaveAsync(db, contract, http, rules, now);
    }

    private static async Task<Ok<ContractView>> Amend(Guid id, AmendContractRequest request, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        var change = request.Validate();
        var contract = await FindOwnAsync(db, id, http);
        var now = clock.GetUtcNow();
        contract.Amend(change, await db.ConsecutiveSinceAsync(contract, http.RequestAborted), Actor(http.User), rules, now);
        return await SaveAsync(db, contract, http, rules, now);
    }

    private static async Task<Ok<ContractView>> ExtendBridge(
        Guid id, BridgeExtensionRequest request, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        request.Validate();
        var contract = await FindOwnAsync(db, id, http);
        var now = clock.GetUtcNow();
        await db.ExtendBridgeAsync(contract, request.Months!.Value, request.Text, Actor(http.User), rules, now, http.RequestAborted);
        return await SaveAsync(db, contract, http, rules, now);
    }

    private static async Task<Ok<ContractView>> Suspend(Guid id, SuspendContractRequest request, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        request.Validate();
        var contract = await FindOwnAsync(db, id, http);
        var now = clock.GetUtcNow();
        contract.Suspend(request.Reason!, Actor(http.User), rules, now);
        return await SaveAsync(db, contract, http, rules, now);
    }

    private static async Task<Ok<ContractView>> Resume(Guid id, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        var contract = await FindOwnAsync(db, id, http);
        var now = clock.GetUtcNow();
        contract.Resume(Actor(http.User), rules, now);
        return await SaveAsync(db, contract, http, rules, now);
    }

    private static async Task<Created<ContractView>> Renew(Guid id, RenewContractRequest request, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        request.Validate();
        var contract = await FindOwnAsync(db, id, http);
        var now = clock.GetUtcNow();
        var since = await db.ConsecutiveSinceAsync(contract, http.RequestAborted);
        var successor = contract.Renew(request.End!.Value, request.Amount!.Value, since, Actor(http.User), rules, now);
        db.Contracts.Add(successor);
        db.RaiseChanges(contract);
        db.RaiseChanges(successor);
        await db.SaveChangesAsync(http.RequestAborted);
        var learnt = await http.RequestServices.GetRequiredService<IRenewalLeadTimes>().LifecycleRulesAsync(db, successor, http.RequestAborted);
        var view = ContractView.From(successor, successor.TriggersFor(ContractParty.Purchaser, rules, now), since, learnt);
        return TypedResults.Created($"/api/contracts/{successor.Id}", view);
    }

    private static async Task<Ok<ContractView>> Terminate(
        Guid id, TerminateContractRequest request, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        request.Validate();
        var contract = await FindOwnAsync(db, id, http);
        var now = clock.GetUtcNow();
        var amountPaid = request.AmountPaid ?? await http.RequestServices.GetRequiredService<IPaidInstalments>().RecordedPaidAsync(db, contract.Id, http.RequestAborted);
        contract.Terminate(request.Reason!, amountPaid, Actor(http.User), rules, now);
        return await SaveAsync(db, contract, http, rules, now);
    }

    private static async Task<Ok<ContractView>> Complete(Guid id, HttpContext http, ContractingDb db, ContractRules rules, TimeProvider clock)
    {
        var contract = await FindOwnAsync(db, id, http);
        var now = clock.GetUtcNow();
        contract.Complete(Actor(http.User), rules, now);
        return await SaveAsync(db, contract, http, rules, now);
    }

    private static async Task<Ok<ContractView>> SaveAsync(
        ContractingDb db, Contract contract, HttpContext http, ContractRules rules, DateTimeOffset now, bool? successor = null,
        DateOnly? maxExtentDate = null)
    {
        db.RaiseChanges(contract, successor, maxExtentDate);

        // A signature, or a new version of signed terms, is signed with the organisation's key in the same save.
        await http.RequestServices.GetRequiredService<Signatures.ContractSigner>().SignDueAsync(db, contract, now, http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(await ViewAsync(db, contract, http, rules, now));
    }

    /// <summary>The contract as its caller sees it; its renewal window opens at its learnt lead time (DOMAIN.md §2).</summary>
    private static async Task<ContractView> ViewAsync(ContractingDb db, Contract contract, HttpContext http, ContractRules rules, DateTimeOffset now)
    {
        var user = http.User;
        var cancellationToken = http.RequestAborted;
        var party = contract.PartyOf(user.OrganisationId());
        var permitted = party switch
        {
            ContractParty.Purchaser when user.IsInRole(Roles.Purchaser) => contract.TriggersFor(party, rules, now),
            ContractParty.Agency when user.IsInRole(Roles.Agency) => contract.TriggersFor(party, rules, now),
            _ => [],
        };
        var learnt = await http.RequestServices.GetRequiredService<IRenewalLeadTimes>().LifecycleRulesAsync(db, contract, cancellationToken);
        return ContractView.From(contract, permitted, await db.ConsecutiveSinceAsync(contract, cancellationToken), learnt) with
        {
            RecordedPaid = await http.RequestServices.GetRequiredService<IPaidInstalments>().RecordedPaidAsync(db, contract.Id, cancellationToken),
        };
    }

    /// <summary>The user's id from the token, when it is one (a machine client's is not).</summary>
    private static Guid? Actor(ClaimsPrincipal user) => Guid.TryParse(user.UserId(), out var id) ? id : null;

    /// <summary>A contract the caller may change as the purchaser: visible (else 404) and of the caller's unit (else 403).</summary>
    private static async Task<Contract> FindOwnAsync(ContractingDb db, Guid id, HttpContext http)
    {
        var contract = await FindVisibleAsync(db, id, http);
        if (contract.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new ForbiddenException();
        }

        return contract;
    }

    private static async Task<Contract> FindVisibleAsync(ContractingDb db, Guid id, HttpContext http)
    {
        var contract = await db.ContractsWithRecords.FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (contract is null || (!http.User.IsInRole(Roles.Auditor) && contract.PartyOf(http.User.OrganisationId()) is null))
        {
            throw new NotFoundException(ProblemMessages.Get("contract"), id);
        }

        return contract;
    }
}
