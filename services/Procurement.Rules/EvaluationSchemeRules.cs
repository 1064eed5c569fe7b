namespace Procurement.Rules;

/// <summary>The price criterion's weight bounds of a method, in points out of 100; a null maximum: the law sets none.</summary>
public sealed record PriceWeightBounds(decimal MinimumPoints, decimal? MaximumPoints);

/// <summary>One criterion of a scheme as the rules see it: its name, whether it scores price, and its maximum points.</summary>
public sealed record SchemeCriterion(string? Name, bool IsPrice, decimal MaxPoints);

/// <summary>
/// The evaluation scheme (综合评分法, DOMAIN.md §6): criteria with names (unique, ignoring case) and maximum points above 0
/// in whole fen summing to exactly 100, at most one price criterion whose weight lies within the method's bounds, or
/// none at all in a fixed-price tender. Fields are the API's, under <c>evaluationScheme</c>.
/// </summary>
public static class EvaluationSchemeRules
{
    /// <summary>A scheme shares out this many points; a criterion's points are therefore its weight in percent.</summary>
    public const decimal TotalPoints = 100m;

    public const string MethodNotScored = "method_not_scored";
    public const string CriterionNameRequired = "criterion_name_required";
    public const string CriterionPointsInvalid = "criterion_points_invalid";
    public const string CriterionNameDuplicate = "criterion_name_duplicate";
    public const string PriceCriterionDuplicate = "price_criterion_duplicate";
    public const string FixedPriceScoresPrice = "fixed_price_scores_price";
    public const string PriceCriterionMissing = "price_criterion_missing";
    public const string SchemeNot100 = "scheme_not_100";
    public const string PriceWeightBelowMinimum = "price_weight_below_minimum";
    public const string PriceWeightAboveMaximum = "price_weight_above_maximum";

    private const string Field = "evaluationScheme";

    /// <summary>
    /// Every rule the scheme breaks, in the order the API checks them (the API refuses with the first); empty when it
    /// passes. <paramref name="priceWeight"/> null: the method is not scored by a panel, the only finding. Names are
    /// compared trimmed. Values: the points of an invalid criterion, the count of price criteria, the sum against 100,
    /// the price points against the bound; the index names the criterion (for a fixed-price finding, the price criterion).
    /// </summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<SchemeCriterion> criteria, bool fixedPrice, PriceWeightBounds? priceWeight)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (priceWeight is null)
        {
            return [new Finding(MethodNotScored, "procurementMethod")];
        }

        var findings = new List<Finding>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < criteria.Count; i++)
        {
            var name = (criteria[i].Name ?? "").Trim();
            var points = criteria[i].MaxPoints;
            if (name.Length == 0)
            {
                findings.Add(new Finding(CriterionNameRequired, $"{Field}.criteria[{i}].name", i));
            }

            if (points <= 0 || decimal.Round(points, 2) != points)
            {
                findings.Add(new Finding(CriterionPointsInvalid, $"{Field}.criteria[{i}].maxPoints", i, points));
            }

            if (name.Length > 0 && !names.Add(name))
            {
                findings.Add(new Finding(CriterionNameDuplicate, $"{Field}.criteria[{i}].name", i));
            }
        }

        var prices = Enumerable.Range(0, criteria.Count).Where(i => criteria[i].IsPrice).ToList();
        if (prices.Count > 1)
        {
            findings.Add(new Finding(PriceCriterionDuplicate, $"{Field}.criteria", Value: prices.Count));
        }

        if (fixedPrice && prices.Count > 0)
        {
            findings.Add(new Finding(FixedPriceScoresPrice, $"{Field}.fixedPrice", prices[0]));
        }

        if (!fixedPrice && prices.Count == 0)
        {
            findings.Add(new Finding(PriceCriterionMissing, $"{Field}.criteria"));
        }

        var sum = Sum(criteria);
        if (sum != TotalPoints)
        {
            findings.Add(new Finding(SchemeNot100, $"{Field}.criteria", Value: sum, Limit: TotalPoints));
        }

        if (prices.Count == 1)
        {
            var pricePoints = criteria[prices[0]].MaxPoints;
            if (pricePoints < priceWeight.MinimumPoints)
            {
                findings.Add(new Finding(PriceWeightBelowMinimum, $"{Field}.criteria", prices[0], pricePoints, priceWeight.MinimumPoints));
            }

            if (priceWeight.MaximumPoints is { } maximum && pricePoints > maximum)
            {
                findings.Add(new Finding(PriceWeightAboveMaximum, $"{Field}.criteria", prices[0], pricePoints, maximum));
            }
        }

        return findings;
    }

    /// <summary>The points the criteria share out so far.</summary>
    public static decimal Sum(IEnumerable<SchemeCriterion> criteria) => criteria.Sum(c => c.MaxPoints);
}
