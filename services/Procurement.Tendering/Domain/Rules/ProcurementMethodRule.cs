using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Time;

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
public sealed record ProcurementMethodRule(
    ProcurementMethod Method,
    int? MinimumBiddingDays,
    int? AmendmentMarginDays,
    int MinimumValidBids,
    int? RegionalMinimumValidBids,
    PriceWeightBounds? PriceWeight,
    PanelRule? Panel)
{
    public bool IsScoredByPanel => PriceWeight is not null;

    /// <summary>
    /// The earliest bid deadline for a tender published at <paramref name="publishedAt"/>: that many
    /// Shanghai calendar days later at the same wall-clock time. Without a bidding period, the publication itself.
    /// </summary>
    public DateTimeOffset MinimumDeadline(DateTimeOffset publishedAt) =>
        MinimumBiddingDays is { } days ? ShanghaiDays.Add(publishedAt, days) : publishedAt.ToUniversalTime();

    /// <summary>Refuses a deadline earlier than <see cref="MinimumDeadline"/>; a deadline exactly on it is allowed ("at least").</summary>
    public void CheckDeadline(DateTimeOffset publishedAt, DateTimeOffset deadline)
    {
        var earliest = MinimumDeadline(publishedAt);
        if (deadline < earliest)
        {
            throw new RuleViolationException(
                RuleCodes.BidPeriodTooShort, "bidDeadline", MinimumBiddingDays ?? 0, ShanghaiDays.Show(earliest), ShanghaiDays.Show(deadline));
        }
    }

    /// <summary>
    /// DOMAIN.md §3: an amendment that can change bids, published less than the margin before the
    /// deadline, moves the deadline out to restore that margin.
    /// </summary>
    /// <remarks>
    /// "Less than the margin" means the deadline falls before the instant that is margin Shanghai
    /// calendar days after the amendment at the amendment's wall-clock time (<see cref="ShanghaiDays"/>);
    /// an amendment exactly the margin before the deadline leaves it alone.
    /// "Restore the margin" keeps the deadline's Beijing time of day: the new deadline is the first
    /// instant at the old deadline's wall-clock time that is at least the margin after the amendment.
    /// An amendment at 2026-12-10 23:30 against a deadline of 2026-12-20 17:00 (margin 15) moves it to
    /// 2026-12-26 17:00, not 2026-12-25 23:30: the opening was announced for 17:00, bidders, panel and
    /// opening room plan around it, and a deadline at the amendment's own time of day (often late at
    /// night) would surprise everyone. The price is at most one extra day beyond the bare margin.
    /// The caller refuses amendments once bidding has closed; this rule only computes.
    /// </remarks>
    /// <returns>True when the deadline moves; <paramref name="newDeadline"/> is then the moved deadline (UTC), else the deadline unchanged.</returns>
    public bool AmendmentMovesDeadline(DateTimeOffset amendmentAt, DateTimeOffset deadline, out DateTimeOffset newDeadline)
    {
        newDeadline = deadline.ToUniversalTime();
        if (AmendmentMarginDays is not { } margin)
        {
            return false;
        }

        var marginRestoredAt = ShanghaiDays.Add(amendmentAt, margin);
        if (deadline >= marginRestoredAt)
        {
            return false;
        }

        var sameTimeOfDay = ShanghaiDays.At(marginRestoredAt.ShanghaiDate(), deadline.ToShanghai().TimeOfDay);
        newDeadline = sameTimeOfDay >= marginRestoredAt ? sameTimeOfDay : ShanghaiDays.Add(sameTimeOfDay, 1);
        return true;
    }

    /// <summary>The number of valid bids below which the tender fails (流标).</summary>
    /// <param name="regionAllowsFewer">The tender's region has adopted the regional allowance for this method.</param>
    public int ValidBidsNeeded(bool regionAllowsFewer = false) =>
        regionAllowsFewer && RegionalMinimumValidBids is { } regional ? regional : MinimumValidBids;

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
