using Microsoft.AspNetCore.Http.HttpResults;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

/// <summary>
/// The numbers of one procurement method, as the platform applies them (DOMAIN.md §3, §6): bidding days, the amendment
/// margin (Shanghai calendar days; null: none), the valid bids needed (and a region's lower allowance), and the price
/// criterion's weight bounds in points out of 100 (null minimum: the method is not scored by a panel; null maximum: no cap).
/// </summary>
public sealed record MethodRuleResponse(
    ProcurementMethod Method,
    int? MinimumBiddingDays,
    int? AmendmentMarginDays,
    int MinimumValidBids,
    int? RegionalMinimumValidBids,
    decimal? PriceMinimumPoints,
    decimal? PriceMaximumPoints)
{
    public static MethodRuleResponse From(ProcurementMethodRule rule) => new(
        rule.Method, rule.MinimumBiddingDays, rule.AmendmentMarginDays, rule.MinimumValidBids, rule.RegionalMinimumValidBids,
        rule.PriceWeight?.MinimumPoints, rule.PriceWeight?.MaximumPoints);
}

/// <summary>The rulebook a tender is checked against: one entry per method and the limits every method shares.</summary>
public sealed record MethodRulesResponse(
    IReadOnlyList<MethodRuleResponse> Methods, decimal MinimumAdvancePercent, decimal BidSecurityMaximumShare, decimal PerformanceBondMaximumShare);

/// <summary>
/// The method table as data (read-only): the portal's wizard takes its live checks' numbers from here instead of a copy,
/// and issue 16 turns the table into one per region and year behind the same answer.
/// </summary>
public static class MethodRuleEndpoints
{
    public static RouteHandlerBuilder MapMethodRuleEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/tenders/method-rules", Get).WithTags("Method rules").RequireAuthorization(Policies.AnyUser)
            .WithName("GetMethodRules")
            .WithSummary("The numbers of each procurement method tenders are checked against: bidding days, amendment margin, valid bids, price weight bounds; and the advance, bid security and performance bond limits.");

    private static Ok<MethodRulesResponse> Get(ProcurementMethodRules rules) => TypedResults.Ok(new MethodRulesResponse(
        [.. Enum.GetValues<ProcurementMethod>().Select(method => MethodRuleResponse.From(rules[method]))],
        rules.MinimumAdvancePercent, rules.BidSecurityMaximumShare, rules.PerformanceBondMaximumShare));
}
