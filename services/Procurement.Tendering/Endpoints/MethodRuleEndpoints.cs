using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

/// <summary>
/// The numbers of one procurement method, as the platform applies them (DOMAIN.md §3, §6): bidding days, the amendment
/// margin (Shanghai calendar days; null: none), the valid bids needed (and a region's lower allowance), and the price
/// criterion's weight bounds in points out of 100 (null minimum: the method is not scored by a panel; null maximum: no cap),
/// and the valid bids a tender under these rules needs (the regional allowance where the table's region adopted it).
/// </summary>
public sealed record MethodRuleResponse(
    ProcurementMethod Method,
    int? MinimumBiddingDays,
    int? AmendmentMarginDays,
    int MinimumValidBids,
    int? RegionalMinimumValidBids,
    decimal? PriceMinimumPoints,
    decimal? PriceMaximumPoints,
    int ValidBidsNeeded)
{
    /// <summary>Every method's numbers of <paramref name="rules"/>, in the methods' order.</summary>
    public static IReadOnlyList<MethodRuleResponse> AllOf(ProcurementMethodRules rules) =>
        [.. Enum.GetValues<ProcurementMethod>().Select(method => From(rules[method]))];

    public static MethodRuleResponse From(ProcurementMethodRule rule) => new(
        rule.Method, rule.MinimumBiddingDays, rule.AmendmentMarginDays, rule.MinimumValidBids, rule.RegionalMinimumValidBids,
        rule.PriceWeight?.MinimumPoints, rule.PriceWeight?.MaximumPoints, rule.ValidBidsNeeded());
}

/// <summary>
/// The rulebook a tender is checked against: one entry per method and the limits every method shares; the table they come
/// from (its id, region and first day), none for the built-in national table.
/// </summary>
public sealed record MethodRulesResponse(
    IReadOnlyList<MethodRuleResponse> Methods, decimal MinimumAdvancePercent, decimal BidSecurityMaximumShare, decimal PerformanceBondMaximumShare,
    Guid? TableId = null, string? TableRegion = null, DateOnly? TableEffectiveFrom = null);

/// <summary>
/// A kept rule table as the administrator and auditors read it: its region (empty: every region without its own), the day it
/// holds from, its numbers as kept (<c>content</c>) and as a tender under it is checked (<c>rules</c>: with the valid bids
/// each method then needs), why, and who recorded it when.
/// </summary>
public sealed record MethodRuleTableResponse(
    Guid Id, string Region, DateOnly EffectiveFrom, MethodRuleTableContent Content, IReadOnlyList<MethodRuleResponse> Rules,
    string? Note, Guid RecordedBy, DateTimeOffset RecordedAt)
{
    public static MethodRuleTableResponse From(MethodRuleTable table) => new(
        table.Id, table.Region, table.EffectiveFrom, table.Content, MethodRuleResponse.AllOf(table.Rules), table.Note, table.RecordedBy, table.RecordedAt);
}

/// <summary>
/// A new rule table: <c>region</c> (left out or empty: every region without its own), <c>effectiveFrom</c> (today in Beijing
/// or later), the numbers (<c>methods</c> with one entry per method, and the three limits every method shares), and a note
/// saying why. Missing parts are 400; numbers that break a rule are 422, each named by its field.
/// </summary>
public sealed record MethodRuleTableRequest(
    string? Region, DateOnly? EffectiveFrom, IReadOnlyList<MethodRuleEntry>? Methods,
    decimal? BidSecurityMaximumShare, decimal? PerformanceBondMaximumShare, decimal? MinimumAdvancePercent, string? Note)
{
    public MethodRuleTableContent Validate()
    {
        var errors = new FieldErrors()
            .Required("effectiveFrom", EffectiveFrom)
            .Required("bidSecurityMaximumShare", BidSecurityMaximumShare)
            .Required("performanceBondMaximumShare", PerformanceBondMaximumShare)
            .Required("minimumAdvancePercent", MinimumAdvancePercent);
        if (Methods is null)
        {
            errors.Add("methods", "required");
        }

        errors.ThrowIfAny();
        return new MethodRuleTableContent(Methods!, BidSecurityMaximumShare!.Value, PerformanceBondMaximumShare!.Value, MinimumAdvancePercent!.Value);
    }
}

/// <summary>
/// The method rules as data (DOMAIN.md §1, "per region, per year"): anyone signed in reads the numbers in force for a region
/// on a day (the portal's wizard takes its live checks from here); the administrator keeps the tables, each change a new
/// table with who, when and why; auditors read them all.
/// </summary>
public static class MethodRuleEndpoints
{
    public static RouteGroupBuilder MapMethodRuleEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tenders/method-rules").WithTags("Method rules");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetMethodRules")
            .WithSummary("The numbers of each procurement method tenders are checked against, as in force for ?region= (default: every region) "
                + "on ?on= (default: today, Beijing): bidding days, amendment margin, valid bids, price weight bounds; and the advance, bid "
                + "security and performance bond limits; with the table they come from (none: the built-in national table).");
        group.MapGet("/tables", ListTables)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes("Bearer").RequireRole(Roles.Admin, Roles.Auditor))
            .WithName("ListMethodRuleTables")
            .WithSummary("Every rule table the administrators kept, newest first, with who recorded it, when and why (admin, auditor).");
        group.MapPost("/tables", AddTable).RequireAuthorization(Roles.Admin)
            .WithName("AddMethodRuleTable")
            .WithSummary("The administrator sets a region's (or every region's) method numbers from a day on, today or later; tenders "
                + "published from that day keep them, tenders published before keep theirs.");
        group.MapGet("/tables/defaults", Defaults).RequireAuthorization(Policies.AnyUser)
            .WithName("GetBuiltInMethodRules")
            .WithSummary("The built-in national numbers, in the shape of a table: what holds where no table was kept, and a start for a new one.");
        return group;
    }

    private static async Task<Ok<MethodRulesResponse>> Get(
        MethodRuleBook book, TimeProvider clock, HttpContext http, string? region = null, DateOnly? on = null)
    {
        var at = on is { } day ? ShanghaiTime.StartOfDay(day) : clock.GetUtcNow();
        var rules = await book.InForceAsync(region, at, http.RequestAborted);
        return TypedResults.Ok(new MethodRulesResponse(
            MethodRuleResponse.AllOf(rules),
            rules.MinimumAdvancePercent, rules.BidSecurityMaximumShare, rules.PerformanceBondMaximumShare,
            rules.Table?.TableId, rules.Table?.Region, rules.Table?.EffectiveFrom));
    }

    private static async Task<Ok<MethodRuleTableResponse[]>> ListTables(TenderingDb db, HttpContext http)
    {
        var tables = await db.MethodRuleTables.AsNoTracking().ToListAsync(http.RequestAborted);
        return TypedResults.Ok(tables.OrderByDescending(t => t.RecordedAt).Select(MethodRuleTableResponse.From).ToArray());
    }

    private static Ok<MethodRuleTableContent> Defaults() => TypedResults.Ok(MethodRuleTableContent.From(ProcurementMethodRules.Default));

    private static async Task<Created<MethodRuleTableResponse>> AddTable(
        MethodRuleTableRequest request, TenderingDb db, TimeProvider clock, HttpContext http)
    {
        var content = request.Validate();
        var recordedBy = Guid.TryParse(http.User.UserId(), out var user) ? user : Guid.Empty;
        var table = MethodRuleTable.Record(request.Region, request.EffectiveFrom!.Value, content, request.Note, recordedBy, clock.GetUtcNow());
        db.MethodRuleTables.Add(table);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/tenders/method-rules/tables/{table.Id}", MethodRuleTableResponse.From(table));
    }
}
