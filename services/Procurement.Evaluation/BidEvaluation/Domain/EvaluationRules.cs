using Procurement.Rules;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>
/// Evaluation's own numbers (DOMAIN.md §6), in one table. The method's numbers (minimum valid bids, minimum
/// panel size, odd size) are not here: they come with each tender from Tendering's rule table
/// (<c>TenderPublished.Rules</c>). A deployment may override these under <c>Evaluation:Rules</c>.
/// </summary>
public sealed class EvaluationRules
{
    public const string Section = "Evaluation:Rules";

    /// <summary>Experts are at least this share of the panel: numerator over <see cref="ExpertShareDenominator"/> (2/3).</summary>
    public int ExpertShareNumerator { get; init; } = 2;

    public int ExpertShareDenominator { get; init; } = 3;

    /// <summary>An expert who worked for a bidding agency within this many years before the draw is excluded.</summary>
    public int ConflictLookbackYears { get; init; } = 3;

    /// <summary>A score further than this share of the criterion's maximum from the panel median needs a reason.</summary>
    public decimal OutlierShareOfMaximum { get; init; } = OutlierRule.DefaultShareOfMaximum;

    public static EvaluationRules Default { get; } = new();

    /// <summary>The fewest experts a panel of <paramref name="size"/> members must have (⌈size × 2/3⌉).</summary>
    public int MinimumExperts(int size) =>
        ((size * ExpertShareNumerator) + ExpertShareDenominator - 1) / ExpertShareDenominator;

    /// <summary>The first day of the employment window: work on or after it, for a bidder, excludes the expert.</summary>
    public DateOnly ConflictWindowStart(DateOnly drawDay) => drawDay.AddYears(-ConflictLookbackYears);

    /// <summary>Whether <paramref name="points"/> is further from <paramref name="median"/> than the allowed share of <paramref name="maximum"/>.</summary>
    public bool IsOutlier(decimal points, decimal median, decimal maximum) =>
        OutlierRule.IsOutlier(points, median, maximum, OutlierShareOfMaximum);

    /// <summary>
    /// Checks a requested panel against the tender's method numbers and this table; throws the first rule broken.
    /// </summary>
    /// <param name="size">Members requested.</param>
    /// <param name="representatives">Purchaser representatives named (the rest are experts).</param>
    /// <param name="minimumSize">The method's minimum for this tender; null when the method has no panel.</param>
    /// <param name="odd">Whether the method wants an odd size.</param>
    public void CheckPanel(int size, int representatives, int? minimumSize, bool odd)
    {
        if (minimumSize is not { } minimum)
        {
            throw new ConflictException(EvaluationCodes.TenderHasNoPanel);
        }

        if (size < minimum)
        {
            throw new RuleViolationException(EvaluationCodes.PanelTooSmall, "size", size, minimum);
        }

        if (odd && size % 2 == 0)
        {
            throw new RuleViolationException(EvaluationCodes.PanelSizeEven, "size", size);
        }

        var experts = size - representatives;
        if (experts < MinimumExperts(size))
        {
            throw new RuleViolationException(
                EvaluationCodes.PanelTooFewExperts, "representatives", experts, size, MinimumExperts(size), ExpertShareNumerator, ExpertShareDenominator);
        }
    }
}
