using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Disbursement.Endpoints;

/// <summary>An instalment as its parties see it; <c>daysFromDue</c> runs to payment, or to today while unpaid.</summary>
public sealed record InstalmentResponse(
    Guid Id,
    Guid ContractId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    int Sequence,
    decimal Percent,
    string Condition,
    decimal Amount,
    string Currency,
    string Status,
    DateOnly? DueOn,
    DateOnly? PayBy,
    int? DaysFromDue,
    bool Late,
    DateTimeOffset? FlaggedOverdueAt,
    string? WithholdReason,
    string? RejectionReason,
    string? RequestedBy,
    string? ApprovedBy,
    string? ReleasedBy,
    string? PaidBy,
    DateOnly? PaidOn,
    int? FiscalYear,
    int Version)
{
    public static InstalmentResponse From(Instalment i, ContractAccount c, DateOnly today) => new(
        i.Id, i.ContractId, c.ProgramId, c.PurchasingUnitId, c.AgencyId, i.Sequence, i.Percent, i.Condition.ToString(), i.Amount,
        DisbursementRules.Currency, i.Status.ToString(), i.DueOn, i.PayBy, i.DaysFromDue(today), i.IsLate(today), i.OverdueAt,
        i.WithholdReason, i.RejectionReason, i.RequestedBy, i.ApprovedBy, i.ReleasedBy, i.PaidBy, i.PaidOn, i.FiscalYear, i.Version);
}

/// <summary>
/// A contract's payments: scheduled, fallen due, paid, outstanding (due, not paid) and late. <c>signedAt</c> is set for a
/// successor scheduled at signing; <c>activatedAt</c> stays null until the contract starts.
/// </summary>
public sealed record ContractReportResponse(
    Guid ContractId,
    Guid ProgramId,
    Guid PurchasingUnitId,
    Guid AgencyId,
    decimal Amount,
    string Currency,
    DateOnly Start,
    DateOnly End,
    DateTimeOffset? SignedAt,
    DateTimeOffset? ActivatedAt,
    string? EndedOutcome,
    string? ScheduleProblem,
    int PaymentTermDays,
    decimal Scheduled,
    decimal Due,
    decimal Committed,
    decimal Released,
    decimal Paid,
    decimal Outstanding,
    decimal Late,
    int LateCount,
    IReadOnlyList<InstalmentResponse> Instalments);

/// <summary>One appropriation (a purchaser's program in a fiscal year) and what the ledger says of it.</summary>
public sealed record AppropriationResponse(
    Guid PurchasingUnitId, Guid ProgramId, int FiscalYear, decimal Appropriation, decimal Committed, decimal Released, decimal Paid, decimal Available)
{
    public static AppropriationResponse From(Guid unit, Guid program, int year, MovementTotals totals) => new(
        unit, program, year, totals.Appropriated, totals.Committed, totals.Released, totals.Paid, totals.Available);
}

/// <summary>A purchaser's fiscal year: each program's appropriation and the totals. Committed includes nothing released.</summary>
public sealed record PurchaserYearResponse(
    Guid PurchasingUnitId, int FiscalYear, decimal Appropriation, decimal Committed, decimal Released, decimal Paid, decimal Available,
    IReadOnlyList<AppropriationResponse> Programs);

/// <summary>OCDS 1.1 <c>OrganizationReference</c>.</summary>
public sealed record OcdsOrganizationReference(string Id);

/// <summary>OCDS 1.1 <c>Value</c>.</summary>
public sealed record OcdsValue(decimal Amount, string Currency);

/// <summary>OCDS 1.1 <c>Transaction</c>: one payment that reached the agency.</summary>
public sealed record OcdsTransaction(string Id, string Source, DateTimeOffset Date, OcdsValue Value, OcdsOrganizationReference Payer, OcdsOrganizationReference Payee);

public sealed record OcdsImplementation(IReadOnlyList<OcdsTransaction> Transactions);

/// <summary>The <c>implementation</c> block of a contract in an OCDS release.</summary>
public sealed record OcdsContractImplementation(Guid ContractId, OcdsImplementation Implementation);

public sealed record LedgerLineResponse(
    long Id, Guid MovementId, string Kind, string Account, decimal Debit, decimal Credit, int FiscalYear,
    Guid? ContractId, Guid? InstalmentId, string? ActorId, DateTimeOffset At);

public sealed record LedgerCheckResponse(int Lines, decimal TotalDebits, decimal TotalCredits, bool Balanced, IReadOnlyList<string> Violations);

/// <summary>Who sees which contracts' money (DOMAIN.md §1): agencies their own, purchasers their unit's, treasury, auditors and admins all.</summary>
internal static class Visibility
{
    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Treasury) || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Admin);

    public static IQueryable<ContractAccount> VisibleContracts(this DisbursementDb db, ClaimsPrincipal user)
    {
        if (SeesAll(user))
        {
            return db.Contracts;
        }

        var organisation = user.OrganisationId();
        var purchaser = user.IsInRole(Roles.Purchaser);
        var agency = user.IsInRole(Roles.Agency);
        return db.Contracts.Where(c => (purchaser && c.PurchasingUnitId == organisation) || (agency && c.AgencyId == organisation));
    }

    public static async Task<ContractAccount> VisibleContractAsync(this DisbursementDb db, ClaimsPrincipal user, Guid contractId, CancellationToken ct) =>
        await db.VisibleContracts(user).AsNoTracking().FirstOrDefaultAsync(c => c.ContractId == contractId, ct)
        ?? throw new NotFoundException(ProblemMessages.Get("contract"), contractId);
}
