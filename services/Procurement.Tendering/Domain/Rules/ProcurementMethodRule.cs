using Procurement.Rules.Refusals;
using Shared = Procurement.Rules;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>
/// Price weight bounds, in points out of the scheme's 100 (so 10 points is a 10 % weight).
/// A null maximum means the law sets none (财政部令第87号 art. 55 for <c>PublicTender</c>).
/// </summary>
public sealed record PriceWeightBounds(decimal MinimumPoints, decimal? MaximumPoints);

/// <summary>From a budget of <paramref name="BudgetFrom"/> CNY upwards (inclusive: Chinese "以上"), the panel has at least <paramref name="MinimumMembers"/>.</summary>
public sealed record PanelSizeStep(decimal BudgetFrom, int MinimumMembers);

/// <summary>The evaluation panel's size: steps by budget, and whether the size must be odd (单数).</summary>
public sealed record PanelRule(IReadOnlyList<PanelSizeStep> Steps, bool OddSize);

/// <summary>
/// The rules of one procurement method, as data. The numbers live only in
/// <see cref="ProcurementMethodRules.DefaultMethods"/> (or a deployment's own table); this type only applies them.
/// Days are Asia/Shanghai calendar days ending at the same wall-clock time (see <see cref="ShanghaiDays"/>).
/// </summary>
/// <param name="Method">The method these rules belong to.</param>
/// <param name="MinimumBiddingDays">Days from publication to the bid deadline; null: the law sets no bidding period.</param>
/// <param name="AmendmentMarginDays">
/// An amendment that can change bids, published less than this many days before the deadline, moves
/// the deadline out; null: amendments never move the deadline.
/// </param>
/// <param name="MinimumValidBids">Fewer valid bids than this and the tender fails (流标).</param>
/// <param name="RegionalMinimumValidBids">
/// The lower minimum a region may adopt for this method (政府购买服务: 2 for <c>CompetitiveConsultation</c>); null: no regional allowance.
/// </param>
/// <param name="PriceWeight">Bounds of the price criterion; null: the method is not scored by a panel (综合评分法 does not apply).</param>
/// <param name="Panel">The evaluation panel's size rule; null: the method has no evaluation panel.</param>
/// <param name="RegionAdoptsAllowance">The region of the table this rule comes from has adopted <paramref name="RegionalMinimumValidBids"/>.</param>
public sealed record ProcurementMethodRule(
    ProcurementMethod Method,
    int? MinimumBiddingDays,
    int? AmendmentMarginDays,
    int MinimumValidBids,
    int? RegionalMinimumValidBids,
    PriceWeightBounds? PriceWeight,
    PanelRule? Panel,
    bool RegionAdoptsAllowance = false)
{
    public bool IsScoredByPanel => PriceWeight is not null;

    /// <summary>
    /// The earliest bid deadline for a tender published at <paramref name="publishedAt"/>: that many
    /// Shanghai calendar days later at the same wall-clock time. Without a bidding period, the publication itself.
    /// </summary>
    public DateTimeOffset MinimumDeadline(DateTimeOffset publishedAt) =>
        Shared.DeadlineRules.MinimumDeadline(publishedAt, MinimumBiddingDays);

    /// <summary>Refuses a deadline earlier than <see cref="MinimumDeadline"/>; a deadline exactly on it is allowed ("at least").</summary>
    public void CheckDeadline(DateTimeOffset publishedAt, DateTimeOffset deadline)
    {
        if (Shared.DeadlineRules.CheckDeadline(publishedAt, deadline, MinimumBiddingDays) is { } finding)
        {
            throw new RuleViolationException(
                finding.Code, finding.Field, MinimumBiddingDays ?? 0, ShanghaiDays.Show(MinimumDeadline(publishedAt)), ShanghaiDays.Show(deadline));
        }
    }

    /// <summary>
    /// DOMAIN.md §3: an amendment that can change bids, published less than the margin before the
    /// deadline, moves the deadline out to restore that margin.
    /// </summary>
    /// <remarks>How "less than the margin" and "restore the margin" are read: <see cref="Shared.DeadlineRules.AmendmentMovesDeadline"/>.
    /// The caller refuses amendments once bidding has closed; this rule only computes.</remarks>
    /// <returns>True when the deadline moves; <paramref name="newDeadline"/> is then the moved deadline (UTC), else the deadline unchanged.</returns>
    public bool AmendmentMovesDeadline(DateTimeOffset amendmentAt, DateTimeOffset deadline, out DateTimeOffset newDeadline) =>
        Shared.DeadlineRules.AmendmentMovesDeadline(amendmentAt, deadline, AmendmentMarginDays, out newDeadline);

    /// <summary>
    /// The number of valid bids below which the tender fails (流标): the regional allowance where the table's region adopted
    /// it (<paramref name="regionAllowsFewer"/> asks as if it had), else the minimum.
    /// </summary>
    public int ValidBidsNeeded(bool regionAllowsFewer = false) =>
        (regionAllowsFewer || RegionAdoptsAllowance) && RegionalMinimumValidBids is { } regional ? regional : MinimumValidBids;

    /// <summary>The smallest panel for a tender of this budget; null when the method has no panel.</summary>
    public int? MinimumPanelSize(decimal budget) =>
        Panel?.Steps.Where(step => budget >= step.BudgetFrom).MaxBy(step => step.BudgetFrom)?.MinimumMembers;

    public void CheckPanelSize(decimal budget, int members)
    {
        if (Panel is null || MinimumPanelSize(budget) is not { } minimum)
        {
            throw new RuleViolationException(RuleCodes.MethodHasNoPanel, "panelSize");
        }

        if (members < minimum)
        {
            throw new RuleViolationException(RuleCodes.PanelTooSmall, "panelSize", members, minimum);
        }

        if (Panel.OddSize && members % 2 == 0)
        {
            throw new RuleViolationException(RuleCodes.PanelSizeEven, "panelSize", members);
        }
    }
}
