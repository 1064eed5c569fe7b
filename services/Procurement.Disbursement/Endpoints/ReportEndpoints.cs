using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Disbursement.Endpoints;

/// <summary>
/// Reports (DOMAIN.md §9): a contract's payments, a purchaser's fiscal year, the OCDS transactions of a contract,
/// and the ledger itself for treasury and auditors. Every amount is a query over the ledger or the instalments.
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/disbursements").WithTags("Disbursement reports");
        group.MapGet("/contracts/{contractId:guid}", Contract).RequireAuthorization(Policies.AnyUser)
            .Produces<ContractReportResponse>()
            .WithName("GetContractDisbursements").WithSummary("A contract's instalments: scheduled, due, paid, outstanding and late.");
        group.MapGet("/contracts/{contractId:guid}/report.xlsx", ContractWorkbook).RequireAuthorization(Policies.AnyUser)
            .Produces<Stream>(StatusCodes.Status200OK, ReportWorkbooks.ContentType)
            .WithName("DownloadContractDisbursementReport")
            .WithSummary("The contract's instalments as an XLSX workbook with a total row and a summary sheet (headers in the caller's language).");
        group.MapGet("/contracts/{contractId:guid}/ocds-transactions", Ocds).RequireAuthorization(Policies.AnyUser)
            .Produces<OcdsContractImplementation>()
            .WithName("GetContractOcdsTransactions").WithSummary("OCDS 1.1 implementation.transactions: one per payment of the contract.");
        group.MapGet("/purchasers/{purchasingUnitId:guid}/years/{year:int}", PurchaserYear).RequireAuthorization(Policies.AnyUser)
            .Produces<PurchaserYearResponse>()
            .WithName("GetPurchaserYear").WithSummary("A purchaser's fiscal year: appropriation, committed, released, paid and available per program.");
        group.MapGet("/purchasers/{purchasingUnitId:guid}/years/{year:int}/report.xlsx", PurchaserYearWorkbook).RequireAuthorization(Policies.AnyUser)
            .Produces<Stream>(StatusCodes.Status200OK, ReportWorkbooks.ContentType)
            .WithName("DownloadPurchaserYearReport")
            .WithSummary("The purchaser's fiscal year per program as an XLSX workbook with a total row (headers in the caller's language).");
        group.MapGet("/ledger", Ledger).RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer")
                .RequireRole(Roles.Treasury, Roles.Auditor).RequireClaim(ProcurementClaims.OrganisationId))
            .Produces<LedgerLineResponse[]>()
            .WithName("ListLedgerLines").WithSummary("Ledger lines (read only), optionally of one contract; at most 1000, oldest first.");
        group.MapGet("/ledger/check", Check).RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer")
                .RequireRole(Roles.Treasury, Roles.Auditor).RequireClaim(ProcurementClaims.OrganisationId))
            .Produces<LedgerCheckResponse>()
            .WithName("CheckLedger").WithSummary("Σ debits = Σ credits, and no appropriation, commitment or payable below zero.");
        return group;
    }

    private static async Task<IResult> Contract(Guid contractId, HttpContext http, DisbursementDb db, TimeProvider clock) =>
        TypedResults.Ok(await ContractReportAsync(contractId, http, db, clock));

    private static async Task<IResult> ContractWorkbook(Guid contractId, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var report = await ContractReportAsync(contractId, http, db, clock);
        return TypedResults.File(ReportWorkbooks.Contract(report, ReportWorkbooks.IsEnglish(CultureInfo.CurrentUICulture)),
            ReportWorkbooks.ContentType, $"contract-payments-{contractId}.xlsx");
    }

    private static async Task<ContractReportResponse> ContractReportAsync(Guid contractId, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var contract = await db.VisibleContractAsync(http.User, contractId, ct);
        var today = clock.GetUtcNow().ShanghaiDate();
        var instalments = await db.Instalments.AsNoTracking().Where(i => i.ContractId == contractId).OrderBy(i => i.Sequence).ToListAsync(ct);
        var totals = await db.TotalsForContractAsync(contractId, ct);
        var live = instalments.Where(i => i.Status != InstalmentStatus.Cancelled).ToList();
        var due = live.Where(i => i.DueOn is not null).Sum(i => i.Amount);
        var late = live.Where(i => i.IsLate(today)).ToList();
        return new ContractReportResponse(
            contract.ContractId, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, contract.Amount, DisbursementRules.Currency,
            contract.Start, contract.End, contract.SignedAt, contract.ActivatedAt, contract.EndedOutcome, contract.ScheduleProblem, contract.PaymentTermDays,
            Scheduled: live.Sum(i => i.Amount),
            Due: due,
            Committed: totals.Committed,
            Released: totals.Released,
            Paid: totals.Paid,
            Outstanding: due - totals.Paid,
            Late: late.Sum(i => i.Amount),
            LateCount: late.Count,
            [.. instalments.Select(i => InstalmentResponse.From(i, contract, today))]);
    }

    private static async Task<IResult> Ocds(Guid contractId, HttpContext http, DisbursementDb db)
    {
        var ct = http.RequestAborted;
        var contract = await db.VisibleContractAsync(http.User, contractId, ct);
        var paid = await db.Instalments.AsNoTracking()
            .Where(i => i.ContractId == contractId && i.Status == InstalmentStatus.Paid)
            .OrderBy(i => i.Sequence)
            .ToListAsync(ct);
        var transactions = paid.Select(i => new OcdsTransaction(
            $"{contractId}-{i.Sequence}",
            $"/api/disbursements/instalments/{i.Id}",
            i.PaidAt!.Value,
            new OcdsValue(i.Amount, DisbursementRules.Currency),
            new OcdsOrganizationReference(contract.PurchasingUnitId.ToString()),
            new OcdsOrganizationReference(contract.AgencyId.ToString()))).ToList();
        return TypedResults.Ok(new OcdsContractImplementation(contractId, new OcdsImplementation(transactions)));
    }

    private static async Task<IResult> PurchaserYear(Guid purchasingUnitId, int year, HttpContext http, DisbursementDb db) =>
        TypedResults.Ok(await PurchaserYearReportAsync(purchasingUnitId, year, http, db));

    private static async Task<IResult> PurchaserYearWorkbook(Guid purchasingUnitId, int year, HttpContext http, DisbursementDb db)
    {
        var report = await PurchaserYearReportAsync(purchasingUnitId, year, http, db);
        return TypedResults.File(ReportWorkbooks.PurchaserYear(report, ReportWorkbooks.IsEnglish(CultureInfo.CurrentUICulture)),
            ReportWorkbooks.ContentType, $"purchaser-{purchasingUnitId}-{year}.xlsx");
    }

    private static async Task<PurchaserYearResponse> PurchaserYearReportAsync(Guid purchasingUnitId, int year, HttpContext http, DisbursementDb db)
    {
        var user = http.User;
        if (!Visibility.SeesAll(user) && !(user.IsInRole(Roles.Purchaser) && user.OrganisationId() == purchasingUnitId))
        {
            throw new ForbiddenException(DisbursementCodes.NotYourUnit);
        }

        var programs = (await db.TotalsByProgramAsync(purchasingUnitId, year, http.RequestAborted))
            .Select(p => AppropriationResponse.From(purchasingUnitId, p.Key, year, p.Value))
            .OrderBy(p => p.ProgramId)
            .ToList();
        return new PurchaserYearResponse(
            purchasingUnitId, year, programs.Sum(p => p.Appropriation), programs.Sum(p => p.Committed), programs.Sum(p => p.Released),
            programs.Sum(p => p.Paid), programs.Sum(p => p.Available), programs);
    }

    private static async Task<IResult> Ledger(Guid? contractId, HttpContext http, DisbursementDb db)
    {
        var query = db.LedgerLines.AsNoTracking();
        if (contractId is { } id)
        {
            query = query.Where(l => l.ContractId == id);
        }

        var lines = await query.OrderBy(l => l.Id).Take(1000).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(lines.Select(l => new LedgerLineResponse(
            l.Id, l.MovementId, l.Kind.ToString(), l.Account, l.Debit, l.Credit, l.FiscalYear, l.ContractId, l.InstalmentId, l.ActorId, l.At)).ToArray());
    }

    private static async Task<IResult> Check(HttpContext http, DisbursementDb db)
    {
        var ct = http.RequestAborted;
        var accounts = await db.LedgerLines.AsNoTracking()
            .GroupBy(l => l.Account)
            .Select(g => new { Account = g.Key, Lines = g.Count(), Debits = g.Sum(l => l.Debit), Credits = g.Sum(l => l.Credit) })
            .ToListAsync(ct);
        var debits = accounts.Sum(a => a.Debits);
        var credits = accounts.Sum(a => a.Credits);
        var violations = accounts
            .Where(a => Accounts.MustNotGoNegative(a.Account) && a.Debits - a.Credits < 0)
            .Select(a => $"{a.Account} is negative ({a.Debits - a.Credits:0.00})")
            .ToList();
        if (debits != credits)
        {
            violations.Insert(0, $"debits {debits:0.00} ≠ credits {credits:0.00}");
        }

        return TypedResults.Ok(new LedgerCheckResponse(accounts.Sum(a => a.Lines), debits, credits, debits == credits, violations));
    }
}
