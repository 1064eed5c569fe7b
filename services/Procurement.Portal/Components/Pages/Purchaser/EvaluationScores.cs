using Procurement.Portal.Client;
using Vizor.ECharts;

namespace Procurement.Portal.Components.Pages.Purchaser;

/// <summary>
/// One line of the ranking as the purchaser reads it: the API's price score and total, and the panel's part of the total —
/// the sum over the non-price criteria of the panel's mean (DOMAIN.md §6: total = price score + Σ means).
/// </summary>
public sealed record RankingRow(
    int Rank, Guid BidId, Guid AgencyId, string AgencyName, decimal Price, decimal? PriceScore, decimal NonPriceScore, decimal Total,
    IReadOnlyDictionary<string, decimal> Means);

/// <summary>The score arithmetic the evaluation page shows beyond what the API answers, and when the award may be confirmed.</summary>
public static class EvaluationScores
{
    /// <summary>
    /// The ranking in rank order (equal ranks by lower price, as the API ranks them), each with the panel's non-price score:
    /// the sum of the per-criterion means the API gives (each already rounded to two decimals), rounded once more away from zero.
    /// </summary>
    public static IReadOnlyList<RankingRow> Rows(IEnumerable<RankingResponse>? ranking) =>
        [.. (ranking ?? [])
            .OrderBy(r => r.Rank).ThenBy(r => r.Price)
            .Select(r => new RankingRow(
                r.Rank, r.BidId, r.AgencyId, r.AgencyName, r.Price, r.PriceScore,
                decimal.Round(Means(r.Means).Values.Sum(), 2, MidpointRounding.AwayFromZero),
                r.Total,
                Means(r.Means)))];

    /// <summary>The per-criterion means of a ranked bid (a JSON object of criterion → points in the API's answer).</summary>
    public static IReadOnlyDictionary<string, decimal> Means(System.Text.Json.JsonElement means) =>
        means.ValueKind == System.Text.Json.JsonValueKind.Object
            ? means.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal)
            : new Dictionary<string, decimal>();

    /// <summary>
    /// The award may be confirmed only once the ranking is final: the evaluation completed with a ranking, and the award still the
    /// panel's recommendation (not yet published, confirmed or cancelled).
    /// </summary>
    public static bool CanAward(BidEvaluationResponse? evaluation, AwardResponse? award) =>
        evaluation is { Stage: EvaluationStage.Completed, Ranking.Count: > 0 } && award is { Status: AwardStatus.Recommended };

    /// <summary>The first-ranked bid the confirmation names: the award's recommendation, found in the ranking.</summary>
    public static RankingRow? Recommended(IReadOnlyList<RankingRow> rows, AwardResponse? award) =>
        award is null ? null : rows.FirstOrDefault(r => r.BidId == award.RecommendedBidId);
}

/// <summary>
/// The purchaser's choice of the bid to award (DOMAIN.md §6), as Evaluation's award rule takes it: any ranked (valid) bid; the
/// recommended one by default; a bid not ranked first only with a written reason (<c>award_reason_required</c>) of at most
/// <see cref="ReasonMaxLength"/> characters.
/// </summary>
public sealed class AwardChoice
{
    /// <summary>Evaluation's limit on the reason (AwardRules.MaxChallengeLength).</summary>
    public const int ReasonMaxLength = 4000;

    /// <summary>The bid picked; null keeps the recommendation.</summary>
    public Guid? BidId { get; set; }

    public string? Reason { get; set; }

    /// <summary>The ranked bid that would be awarded: the one picked, else the recommended one.</summary>
    public RankingRow? Chosen(IReadOnlyList<RankingRow> rows, AwardResponse? award)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var id = BidId ?? award?.RecommendedBidId;
        return rows.FirstOrDefault(r => r.BidId == id);
    }

    /// <summary>The chosen bid is not ranked first: the award needs the reason.</summary>
    public static bool NeedsReason(RankingRow? chosen) => chosen is { Rank: not 1 };

    /// <summary>The reason the API would refuse before it is asked (missing, or too long); null when none.</summary>
    public string? ReasonProblem(RankingRow? chosen) =>
        !NeedsReason(chosen) ? null
        : string.IsNullOrWhiteSpace(Reason) ? "AwardReasonRequired"
        : Reason.Trim().Length > ReasonMaxLength ? "AwardReasonTooLong"
        : null;

    /// <summary>What <c>POST …/award</c> is sent: the chosen bid, and the reason when it is not ranked first.</summary>
    public ConfirmAwardRequest Request(RankingRow chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        return new ConfirmAwardRequest { BidId = chosen.BidId, Reason = NeedsReason(chosen) ? Reason?.Trim() : null };
    }
}

/// <summary>One broken panel rule, with the number it names (a text key of <c>AwardText</c>).</summary>
public sealed record PanelProblem(string Key, int Number);

/// <summary>
/// The method's panel rule for one tender, as Evaluation checks it when the panel is drawn (EvaluationRules.CheckPanel): at least
/// <see cref="Minimum"/> members, an odd size when <see cref="Odd"/>, experts at least two thirds (⌈size × 2/3⌉). Checked here
/// as the purchaser types, so the draw button says what is wrong before the API does.
/// </summary>
public sealed record PanelRule(int? Minimum, bool Odd)
{
    /// <summary>True when the method has a panel at all.</summary>
    public bool HasPanel => Minimum is not null;

    /// <summary>The size the form starts from: the minimum, made odd when the method wants it odd.</summary>
    public int Suggested => Minimum is { } minimum ? (Odd && minimum % 2 == 0 ? minimum + 1 : minimum) : 0;

    /// <summary>The fewest experts a panel of <paramref name="size"/> must have.</summary>
    public static int MinimumExperts(int size) => ((size * 2) + 2) / 3;

    public IReadOnlyList<PanelProblem> Problems(int size, int representatives)
    {
        if (Minimum is not { } minimum)
        {
            return [];
        }

        var problems = new List<PanelProblem>();
        if (size < minimum)
        {
            problems.Add(new PanelProblem("PanelTooSmall", minimum));
        }

        if (Odd && size % 2 == 0)
        {
            problems.Add(new PanelProblem("PanelSizeEven", size));
        }

        if (size - representatives < MinimumExperts(size))
        {
            problems.Add(new PanelProblem("PanelTooFewExperts", MinimumExperts(size)));
        }

        return problems;
    }
}

/// <summary>The ranking as a stacked bar chart (Apache ECharts through Vizor.ECharts): per bid in rank order, its price score and the panel's non-price score.</summary>
public static class RankingChart
{
    /// <summary>The chart's categories (rank and agency) and its two stacked series, in rank order.</summary>
    public static (IReadOnlyList<string> Categories, IReadOnlyList<decimal> Price, IReadOnlyList<decimal> NonPrice) Data(IReadOnlyList<RankingRow> rows) =>
        ([.. rows.Select(r => $"{r.Rank}. {r.AgencyName}")], [.. rows.Select(r => r.PriceScore ?? 0m)], [.. rows.Select(r => r.NonPriceScore)]);

    public static ChartOptions Options(IReadOnlyList<RankingRow> rows, string priceName, string nonPriceName)
    {
        var (categories, price, nonPrice) = Data(rows);
        return new ChartOptions
        {
            Tooltip = new() { Trigger = TooltipTrigger.Axis, AxisPointer = new() { Type = AxisPointerType.Shadow } },
            Legend = new() { Top = 0 },
            Grid = new() { Top = 40, Left = "3%", Right = "4%", Bottom = "3%", ContainLabel = true },
            XAxis = new() { Type = AxisType.Category, Data = categories.ToArray() },
            YAxis = new() { Type = AxisType.Value, Max = 100 },
            Series =
            [
                new BarSeries { Name = priceName, Stack = "total", Data = price.ToArray(), Label = new() { Show = true } },
                new BarSeries { Name = nonPriceName, Stack = "total", Data = nonPrice.ToArray(), Label = new() { Show = true } },
            ],
        };
    }
}
