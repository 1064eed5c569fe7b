using Shared = Procurement.Rules;
using Procurement.Rules.Refusals;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>
/// The rulebook a tender is checked against: one <see cref="ProcurementMethodRule"/> per method plus
/// the limits that hold for every method. <see cref="Default"/> is the built-in national table of DOMAIN.md §3,
/// §6 and §9; the administrator keeps a region's or a year's own numbers as a <see cref="MethodRuleTable"/>, which
/// builds another instance (labelled with <see cref="Table"/>), and the code that applies the rules does not change.
/// </summary>
public sealed class ProcurementMethodRules
{
    private readonly Dictionary<ProcurementMethod, ProcurementMethodRule> _byMethod;

    /// <param name="methods">Exactly one rule for each <see cref="ProcurementMethod"/>.</param>
    /// <param name="bidSecurityMaximumShare">投标保证金 at most this share of the budget ceiling.</param>
    /// <param name="performanceBondMaximumShare">履约保证金 at most this share of the contract amount.</param>
    /// <param name="minimumAdvancePercent">The advance instalment is at least this percent of the contract amount.</param>
    /// <param name="table">The kept table these numbers come from; null for the built-in national table.</param>
    public ProcurementMethodRules(
        IEnumerable<ProcurementMethodRule> methods,
        decimal bidSecurityMaximumShare,
        decimal performanceBondMaximumShare,
        decimal minimumAdvancePercent,
        MethodRuleTableLabel? table = null)
    {
        ArgumentNullException.ThrowIfNull(methods);
        _byMethod = [];
        foreach (var rule in methods)
        {
            if (!_byMethod.TryAdd(rule.Method, rule))
            {
                throw new ArgumentException($"The table has two rules for {rule.Method}.", nameof(methods));
            }
        }

        var missing = Enum.GetValues<ProcurementMethod>().Where(method => !_byMethod.ContainsKey(method)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The table has no rule for {string.Join(", ", missing)}.", nameof(methods));
        }

        BidSecurityMaximumShare = bidSecurityMaximumShare;
        PerformanceBondMaximumShare = performanceBondMaximumShare;
        MinimumAdvancePercent = minimumAdvancePercent;
        Table = table;
    }

    /// <summary>The kept table these numbers come from; null: the built-in national table (<see cref="Default"/>).</summary>
    public MethodRuleTableLabel? Table { get; }

    /// <summary>
    /// The one place the numbers of the procurement methods live (DOMAIN.md §3 and §6).
    /// SingleSource (单一来源) has no bidding period, no amendment margin, no panel and no score: its
    /// price is negotiated with the one supplier (政府采购非招标采购方式管理办法 art. 41), and its
    /// public notice of at least 5 working days (art. 38) runs before the tender is published and needs a
    /// working-day calendar with 调休, which the platform does not model; it needs one valid response.
    /// </summary>
    public static IReadOnlyList<ProcurementMethodRule> DefaultMethods { get; } =
    [
        new(ProcurementMethod.PublicTender,
            MinimumBiddingDays: 20,
            AmendmentMarginDays: 15,
            MinimumValidBids: 3,
            RegionalMinimumValidBids: null,
            PriceWeight: new PriceWeightBounds(MinimumPoints: 10m, MaximumPoints: null),
            Panel: new PanelRule([new PanelSizeStep(0m, 5), new PanelSizeStep(10_000_000m, 7)], OddSize: true)),
        new(ProcurementMethod.CompetitiveConsultation,
            MinimumBiddingDays: 10,
            AmendmentMarginDays: 5,
            MinimumValidBids: 3,
            RegionalMinimumValidBids: 2,
            PriceWeight: new PriceWeightBounds(MinimumPoints: 10m, MaximumPoints: 30m),
            Panel: new PanelRule([new PanelSizeStep(0m, 3)], OddSize: true)),
        new(ProcurementMethod.SingleSource,
            MinimumBiddingDays: null,
            AmendmentMarginDays: null,
            MinimumValidBids: 1,
            RegionalMinimumValidBids: null,
            PriceWeight: null,
            Panel: null),
    ];

    /// <summary>The national rules: bid security ≤ 2 % of the ceiling (财政部令第87号 art. 33), performance bond ≤ 10 % of the contract (实施条例 art. 48), advance ≥ 10 % (DOMAIN.md §9).</summary>
    public static ProcurementMethodRules Default { get; } = new(
        DefaultMethods, bidSecurityMaximumShare: 0.02m, performanceBondMaximumShare: 0.10m, minimumAdvancePercent: Shared.PaymentScheduleRules.MinimumAdvancePercent);

    public decimal BidSecurityMaximumShare { get; }

    public decimal PerformanceBondMaximumShare { get; }

    public decimal MinimumAdvancePercent { get; }

    public IEnumerable<ProcurementMethodRule> Methods => _byMethod.Values;

    public ProcurementMethodRule this[ProcurementMethod method] => _byMethod[method];

    /// <summary>
    /// The largest bid security in whole fen that stays within the share. Rounded toward zero, not
    /// half away from zero: a cap rounded up would allow a fen more than the law.
    /// </summary>
    public decimal MaximumBidSecurity(decimal budgetCeiling) =>
        decimal.Round(budgetCeiling * BidSecurityMaximumShare, 2, MidpointRounding.ToZero);

    /// <summary>The largest performance bond in whole fen within the share; toward zero for the same reason.</summary>
    public decimal MaximumPerformanceBond(decimal contractAmount) =>
        decimal.Round(contractAmount * PerformanceBondMaximumShare, 2, MidpointRounding.ToZero);

    public void CheckBidSecurity(decimal bidSecurity, decimal budgetCeiling)
    {
        if (bidSecurity > budgetCeiling * BidSecurityMaximumShare)
        {
            throw new RuleViolationException(RuleCodes.BidSecurityAboveMaximum, "bidSecurity", bidSecurity, MaximumBidSecurity(budgetCeiling), BidSecurityMaximumShare * 100);
        }
    }

    public void CheckPerformanceBond(decimal performanceBond, decimal contractAmount)
    {
        if (performanceBond > contractAmount * PerformanceBondMaximumShare)
        {
            throw new RuleViolationException(
                RuleCodes.PerformanceBondAboveMaximum, "performanceBond", performanceBond, MaximumPerformanceBond(contractAmount), PerformanceBondMaximumShare * 100);
        }
    }
}
