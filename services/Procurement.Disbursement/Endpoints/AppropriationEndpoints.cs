using Microsoft.EntityFrameworkCore;
using Procurement.Disbursement.Data;
using Procurement.Disbursement.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Disbursement.Endpoints;

/// <summary>Sets a purchaser's appropriation for a program and fiscal year; a purchaser leaves out <c>purchasingUnitId</c> (their own unit).</summary>
public sealed record SetAppropriationRequest(Guid? PurchasingUnitId, Guid? ProgramId, int? FiscalYear, decimal? Amount);

/// <summary>
/// Appropriations (预算指标): the purchaser's budget for a program in a fiscal year (the Shanghai calendar year),
/// the second limit on every payment. Setting one books the difference to the ledger; it cannot go below what is
/// already committed, released or paid against it.
/// </summary>
public static class AppropriationEndpoints
{
    public static RouteGroupBuilder MapAppropriationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/disbursements/appropriations").WithTags("Appropriations");
        group.MapPut("/", Set).RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer")
                .RequireRole(Roles.Purchaser, Roles.Admin).RequireClaim(ProcurementClaims.OrganisationId))
            .Produces<AppropriationResponse>().WithName("SetAppropriation").WithSummary("Sets the appropriation of a purchaser's program for a fiscal year (the purchaser's own unit, or any by an admin).");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser)
            .Produces<AppropriationResponse[]>().WithName("ListAppropriations").WithSummary("Appropriations with committed, released, paid and available: a purchaser's own, or all for treasury, auditors and admins.");
        return group;
    }

    private static async Task<IResult> Set(SetAppropriationRequest request, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var user = http.User;
        var admin = user.IsInRole(Roles.Admin);
        var errors = new FieldErrors().Required("programId", request.ProgramId).Required("fiscalYear", request.FiscalYear);
        if (request.FiscalYear is < 2000 or > 2100)
        {
            errors.Add("fiscalYear", "one_of", "2000–2100");
        }

        if (request.Amount is null)
        {
            errors.Add("amount", "required");
        }
        else if (request.Amount < 0 || decimal.Round(request.Amount.Value, 2) != request.Amount)
        {
            errors.Add("amount", "two_decimals");
        }

        if (admin && !user.IsInRole(Roles.Purchaser))
        {
            errors.Required("purchasingUnitId", request.PurchasingUnitId);
        }

        errors.ThrowIfAny();
        var unit = request.PurchasingUnitId ?? user.OrganisationId();
        if (!admin && unit != user.OrganisationId())
        {
            throw new ForbiddenException(DisbursementCodes.NotYourUnit);
        }

        var ct = http.RequestAborted;
        var program = request.ProgramId!.Value;
        var year = request.FiscalYear!.Value;
        var amount = request.Amount!.Value;
        var totals = await db.TotalsForBudgetAsync(unit, program, year, ct);
        var change = amount - totals.Appropriated;
        if (amount < totals.Engaged)
        {
            throw new RuleViolationException(DisbursementCodes.AppropriationBelowEngaged, "amount", year, amount, totals.Engaged);
        }

        if (change != 0)
        {
            var on = new LedgerDimensions(unit, program, year);
            var movement = change > 0
                ? LedgerMovement.Of(MovementKind.Appropriate, Accounts.Appropriation(unit, program, year), Accounts.Budget(unit, program, year), change, on, user.UserId(), clock.GetUtcNow())
                : LedgerMovement.Of(MovementKind.Deappropriate, Accounts.Budget(unit, program, year), Accounts.Appropriation(unit, program, year), -change, on, user.UserId(), clock.GetUtcNow());
            await db.GuardAsync([movement], ct);
            db.Book([movement]);
            await db.SaveOrConflictAsync(ct);
        }

        return TypedResults.Ok(AppropriationResponse.From(unit, program, year, await db.TotalsForBudgetAsync(unit, program, year, ct)));
    }

    private static async Task<IResult> List(int? fiscalYear, HttpContext http, DisbursementDb db, TimeProvider clock)
    {
        var user = http.User;
        Guid? unit = Visibility.SeesAll(user) ? null
            : user.IsInRole(Roles.Purchaser) ? user.OrganisationId()
            : throw new ForbiddenException();
        var year = fiscalYear ?? ServiceDefaults.Time.ShanghaiTime.ShanghaiDate(clock.GetUtcNow()).Year;
        var query = db.LedgerLines.AsNoTracking().Where(l => l.FiscalYear == year && l.Debit > 0);
        if (unit is { } own)
        {
            query = query.Where(l => l.PurchasingUnitId == own);
        }

        var rows = await query.GroupBy(l => new { l.PurchasingUnitId, l.ProgramId, l.Kind })
            .Select(g => new { g.Key.PurchasingUnitId, g.Key.ProgramId, g.Key.Kind, Amount = g.Sum(l => l.Debit) })
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows.GroupBy(r => (r.PurchasingUnitId, r.ProgramId))
            .Select(g => AppropriationResponse.From(g.Key.PurchasingUnitId, g.Key.ProgramId, year,
                new MovementTotals(g.Select(r => new KeyValuePair<MovementKind, decimal>(r.Kind, r.Amount)))))
            .OrderBy(a => a.PurchasingUnitId).ThenBy(a => a.ProgramId)
            .ToArray());
    }
}
