using Procurement.Rules.Refusals;
using Shared = Procurement.Rules;

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
/// or none at all in a fixed-price tender (where every bid's price must equal the ceiling: Bidding's
/// <c>BidRules.CheckPrice</c>). Field names in refusals are under <c>evaluationScheme</c>.
/// </summary>
public sealed class EvaluationScheme : IEquatable<EvaluationScheme>
{
    /// <summary>A scheme shares out this many points; a criterion's points are therefore its weight in percent.</summary>
    public const decimal TotalPoints = Shared.EvaluationSchemeRules.TotalPoints;

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
        var bounds = rules[method].PriceWeight;
        var list = criteria.Select(c => c with { Name = (c.Name ?? "").Trim() }).ToList();
        var findings = Shared.EvaluationSchemeRules.Check(
            [.. list.Select(c => new Shared.SchemeCriterion(c.Name, c.Kind == CriterionKind.Price, c.MaxPoints))],
            fixedPrice,
            bounds is null ? null : new Shared.PriceWeightBounds(bounds.MinimumPoints, bounds.MaximumPoints));
        if (findings.Count > 0)
        {
            var finding = findings[0];
            var name = finding.Index is { } index ? list[index].Name : null;
            throw finding.Code switch
            {
                RuleCodes.MethodNotScored => new RuleViolationException(finding.Code, finding.Field, method),
                RuleCodes.CriterionPointsInvalid => new RuleViolationException(finding.Code, finding.Field, name, finding.Value),
                RuleCodes.CriterionNameDuplicate or RuleCodes.FixedPriceScoresPrice => new RuleViolationException(finding.Code, finding.Field, name),
                RuleCodes.PriceCriterionDuplicate => new RuleViolationException(finding.Code, finding.Field, (int)finding.Value!.Value),
                RuleCodes.SchemeNot100 or RuleCodes.PriceWeightBelowMinimum or RuleCodes.PriceWeightAboveMaximum =>
                    new RuleViolationException(finding.Code, finding.Field, finding.Value, finding.Limit),
                _ => new RuleViolationException(finding.Code, finding.Field),
            };
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
