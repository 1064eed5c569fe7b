using Procurement.ServiceDefaults.Problems;

namespace Procurement.Tendering.Domain.Rules;

public enum CriterionKind
{
    /// <summary>Scored by formula from the bids' prices, never by evaluators (DOMAIN.md §6).</summary>
    Price,
    Technical,

    /// <summary>Fed by the platform's own performance grades of the agency's earlier contracts (§8).</summary>
    PastPerformance,
    Other,
}

/// <summary>One criterion of a scheme: its maximum points are its weight, since a scheme has 100 points.</summary>
public sealed record EvaluationCriterion(string Name, CriterionKind Kind, decimal MaxPoints);

/// <summary>
/// The evaluation scheme of a tender (综合评分法), valid by construction: criteria with maximum points
/// summing to exactly 100, at most one price criterion whose weight lies within the method's bounds,
/// or none at all in a fixed-price tender (where every bid's price must equal the ceiling, see
/// <see cref="FixedPriceRule"/>). Field names in refusals are under <c>evaluationScheme</c>.
/// </summary>
public sealed class EvaluationScheme : IEquatable<EvaluationScheme>
{
    /// <summary>A scheme shares out this many points; a criterion's points are therefore its weight in percent.</summary>
    public const decimal TotalPoints = 100m;

    private const string Field = "evaluationScheme";

    private EvaluationScheme(IReadOnlyList<EvaluationCriterion> criteria, bool fixedPrice)
    {
        Criteria = criteria;
        FixedPrice = fixedPrice;
    }

    public IReadOnlyList<EvaluationCriterion> Criteria { get; }

    /// <summary>Price is not scored; every bid must ask exactly the budget ceiling.</summary>
    public bool FixedPrice { get; }

    public EvaluationCriterion? PriceCriterion => Criteria.SingleOrDefault(c => c.Kind == CriterionKind.Price);

    /// <summary>The price weight as a fraction: 0.30 for a 30-point price criterion, 0 for a fixed-price tender.</summary>
    public decimal PriceWeight => (PriceCriterion?.MaxPoints ?? 0m) / TotalPoints;

    public static EvaluationScheme Create(
        IEnumerable<EvaluationCriterion> criteria, bool fixedPrice, ProcurementMethod method, ProcurementMethodRules rules)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(rules);
        var rule = rules[method];
        if (rule.PriceWeight is not { } bounds)
        {
            throw new RuleViolationException(RuleCodes.MethodNotScored, "procurementMethod", method);
        }

        var list = criteria.Select(c => c with { Name = (c.Name ?? "").Trim() }).ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            var criterion = list[i];
            if (criterion.Name.Length == 0)
            {
                throw new RuleViolationException(RuleCodes.CriterionNameRequired, $"{Field}.criteria[{i}].name");
            }

            if (criterion.MaxPoints <= 0 || decimal.Round(criterion.MaxPoints, 2) != criterion.MaxPoints)
            {
                throw new RuleViolationException(RuleCodes.CriterionPointsInvalid, $"{Field}.criteria[{i}].maxPoints", criterion.Name, criterion.MaxPoints);
            }

            if (!names.Add(criterion.Name))
            {
                throw new RuleViolationException(RuleCodes.CriterionNameDuplicate, $"{Field}.criteria[{i}].name", criterion.Name);
            }
        }

        var priceCriteria = list.Where(c => c.Kind == CriterionKind.Price).ToList();
        if (priceCriteria.Count > 1)
        {
            throw new RuleViolationException(RuleCodes.PriceCriterionDuplicate, $"{Field}.criteria", priceCriteria.Count);
        }

        if (fixedPrice && priceCriteria.Count == 1)
        {
            throw new RuleViolationException(RuleCodes.FixedPriceScoresPrice, $"{Field}.fixedPrice", priceCriteria[0].Name);
        }

        if (!fixedPrice && priceCriteria.Count == 0)
        {
            throw new RuleViolationException(RuleCodes.PriceCriterionMissing, $"{Field}.criteria");
        }

        var sum = list.Sum(c => c.MaxPoints);
        if (sum != TotalPoints)
        {
            throw new RuleViolationException(RuleCodes.SchemeNot100, $"{Field}.criteria", sum, TotalPoints);
        }

        if (priceCriteria.Count == 1)
        {
            var pricePoints = priceCriteria[0].MaxPoints;
            if (pricePoints < bounds.MinimumPoints)
            {
                throw new RuleViolationException(RuleCodes.PriceWeightBelowMinimum, $"{Field}.criteria", pricePoints, bounds.MinimumPoints);
            }

            if (bounds.MaximumPoints is { } maximum && pricePoints > maximum)
            {
                throw new RuleViolationException(RuleCodes.PriceWeightAboveMaximum, $"{Field}.criteria", pricePoints, maximum);
            }
        }

        return new EvaluationScheme(list.AsReadOnly(), fixedPrice);
    }

    /// <summary>
    /// A scheme as it was stored: checked when it was saved, under the rules of that day, and not
    /// checked again on reading, so a later change of the table never makes a stored tender unreadable.
    /// </summary>
    internal static EvaluationScheme Restore(IEnumerable<EvaluationCriterion> criteria, bool fixedPrice) =>
        new(criteria.ToList().AsReadOnly(), fixedPrice);

    public bool Equals(EvaluationScheme? other) =>
        other is not null && FixedPrice == other.FixedPrice && Criteria.SequenceEqual(other.Criteria);

    public override bool Equals(object? obj) => Equals(obj as EvaluationScheme);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(FixedPrice);
        foreach (var criterion in Criteria)
        {
            hash.Add(criterion);
        }

        return hash.ToHashCode();
    }
}
