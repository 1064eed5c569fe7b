namespace Procurement.Rules;

/// <summary>A bid's cost breakdown (DOMAIN.md §5): four lines that must sum to the price exactly.</summary>
public sealed record BidCosts(decimal Personnel, decimal Activities, decimal Administration, decimal Other)
{
    public decimal Total => Personnel + Activities + Administration + Other;
}

/// <summary>
/// The bid's money rules (DOMAIN.md §4–§5): each cost line at least 0 in whole fen, the lines summing to the price
/// exactly; personnel first — a bid whose personnel is under the tender's minimum share of the price, or which plans a
/// worker's monthly pay under the floor of the worker's level times the planned FTE, is abnormally low. Both comparisons
/// are exact (no rounding): personnel ≥ share × price, and pay ≥ floor × FTE (the floor is a full-time figure).
/// </summary>
public static class BidCostRules
{
    public const string CostNegative = "cost_negative";
    public const string AmountNotTwoDecimals = "amount_not_two_decimals";
    public const string CostBreakdownNotPrice = "cost_breakdown_not_price";
    public const string PersonnelShareBelowMinimum = "personnel_share_below_minimum";
    public const string PayBelowFloor = "pay_below_floor";

    /// <summary>
    /// The first rule the breakdown breaks, in the API's order (each line in turn: negative, then more than two decimals;
    /// then the total against the price), or null: <see cref="CostNegative"/> / <see cref="AmountNotTwoDecimals"/> on the
    /// line's field (<c>costs.personnel</c>…) with its amount, <see cref="CostBreakdownNotPrice"/> on <c>costs</c> with the
    /// total against the price. No breakdown at all counts as a total of 0.
    /// </summary>
    public static Finding? CheckCosts(BidCosts? costs, decimal price)
    {
        if (costs is null)
        {
            return new Finding(CostBreakdownNotPrice, "costs", Value: 0m, Limit: price);
        }

        (string Field, decimal Amount)[] lines =
        [
            ("costs.personnel", costs.Personnel), ("costs.activities", costs.Activities),
            ("costs.administration", costs.Administration), ("costs.other", costs.Other),
        ];
        foreach (var (field, amount) in lines)
        {
            if (amount < 0m)
            {
                return new Finding(CostNegative, field, Value: amount);
            }

            if (!IsWholeFen(amount))
            {
                return new Finding(AmountNotTwoDecimals, field, Value: amount);
            }
        }

        return costs.Total != price ? new Finding(CostBreakdownNotPrice, "costs", Value: costs.Total, Limit: price) : null;
    }

    /// <summary>An amount in whole fen: at most two decimals.</summary>
    public static bool IsWholeFen(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>Personnel as a share of the price (0–1); null without a positive price.</summary>
    public static decimal? PersonnelShare(decimal personnel, decimal price) => price > 0m ? personnel / price : null;

    /// <summary>
    /// <see cref="PersonnelShareBelowMinimum"/> on <c>costs.personnel</c> with the share against the minimum when personnel
    /// is under <paramref name="minimumShare"/> × price; null when it is not, or without a minimum or a positive price.
    /// </summary>
    public static Finding? CheckPersonnelShare(decimal personnel, decimal price, decimal? minimumShare) =>
        minimumShare is { } minimum && price > 0m && personnel < minimum * price
            ? new Finding(PersonnelShareBelowMinimum, "costs.personnel", Value: personnel / price, Limit: minimum)
            : null;

    /// <summary>
    /// <see cref="PayBelowFloor"/> for the staffing line <paramref name="index"/> with the pay against floor × FTE when the pay
    /// is under it; null when it is not, or when the tender sets no floor for the worker's level.
    /// </summary>
    public static Finding? CheckPay(int index, decimal monthlyPay, decimal fte, decimal? fullTimeFloor) =>
        fullTimeFloor is { } floor && monthlyPay < floor * fte
            ? new Finding(PayBelowFloor, $"staffing[{index}].monthlyPay", index, monthlyPay, floor * fte)
            : null;
}
