using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Continuity.Domain;

/// <summary>
/// The numbers of continuity (DOMAIN.md §2), in one table. The default lead time is not kept here a second time: it is
/// the lifecycle's <see cref="ContractRules.RenewalLeadTimeDays"/> (90 by default), so the lead time used without
/// history and the one the contract clock opens the renewal window with are the same number.
/// </summary>
/// <param name="LeadTimePercentile">The percentile (nearest rank) of past tender-published → contract-signed durations.</param>
/// <param name="LeadTimeMarginDays">Days added to that percentile.</param>
/// <param name="DefaultLeadTimeDays">The lead time without history (the lifecycle's renewal lead time).</param>
/// <param name="DirectRenewalMinimumGrade">The lowest latest performance grade that allows a direct renewal (续签).</param>
/// <param name="BridgeProposalDaysBeforeEnd">
/// A bridge extension is proposed from this many days before the end when no successor is signed (DOMAIN.md §2: 30).
/// </param>
/// <param name="DefaultSigningDays">
/// Without history, the days from a successor's draft to both signatures (DOMAIN.md §3: signed within 30 days of the award).
/// </param>
public sealed record ContinuityRules(
    int LeadTimePercentile,
    int LeadTimeMarginDays,
    int DefaultLeadTimeDays,
    string DirectRenewalMinimumGrade = ContinuityRules.NationalMinimumGrade,
    int BridgeProposalDaysBeforeEnd = ContinuityRules.NationalBridgeProposalDays,
    int DefaultSigningDays = ContinuityRules.NationalSigningDays)
{
    /// <summary>The national days before the end at which a bridge is proposed (DOMAIN.md §2).</summary>
    public const int NationalBridgeProposalDays = 30;

    /// <summary>The national days within which a contract is signed after the award (DOMAIN.md §3).</summary>
    public const int NationalSigningDays = 30;

    /// <summary>The national minimum grade for a direct renewal (DOMAIN.md §2): <c>Good</c> or better.</summary>
    public const string NationalMinimumGrade = "Good";

    /// <summary>The national percentile and margin of DOMAIN.md §2: the 90th percentile plus 30 days.</summary>
    public const int NationalPercentile = 90;

    /// <inheritdoc cref="NationalPercentile"/>
    public const int NationalMarginDays = 30;

    public static ContinuityRules Default { get; } = For(ContractRules.Default);

    /// <summary>The national percentile and margin, with the lifecycle's lead time of <paramref name="contractRules"/> as the default.</summary>
    public static ContinuityRules For(ContractRules contractRules, int percentile = NationalPercentile, int marginDays = NationalMarginDays)
    {
        ArgumentNullException.ThrowIfNull(contractRules);
        return new(percentile, marginDays, contractRules.RenewalLeadTimeDays) { Lifecycle = contractRules };
    }

    /// <summary>The lifecycle's numbers the lead time looks at: the bridge's maximum and the consecutive cap.</summary>
    public ContractRules Lifecycle { get; init; } = ContractRules.Default;

    /// <summary>
    /// Days added to the lead time of a contract no bridge can follow (its consecutive run with its agency leaves not one
    /// month under the cap after its end): the bridge's maximum months, as days (3 × 30 = 90). The bridge is the platform's
    /// safety beyond the percentile; where the cap takes it away, renewal work starts that much earlier instead.
    /// </summary>
    public int NoBridgeMarginDays => Lifecycle.BridgeMaximumMonths * Lifecycle.DaysInPartialMonth;

    /// <summary>Whether a bridge of at least one month can follow a contract ending on <paramref name="end"/> whose run began on <paramref name="consecutiveSince"/>.</summary>
    public bool Bridgeable(DateOnly consecutiveSince, DateOnly end) => end.AddDays(1).AddMonths(1).AddDays(-1) <= Lifecycle.CapEnd(consecutiveSince);

    /// <summary>
    /// The renewal lead time of one contract: <see cref="LeadTime(IReadOnlyCollection{int})"/>, plus
    /// <see cref="NoBridgeMarginDays"/> when no bridge can follow it (<see cref="Bridgeable"/>).
    /// </summary>
    public RenewalLeadTime LeadTime(IReadOnlyCollection<int> historyDays, DateOnly consecutiveSince, DateOnly end) =>
        ForContract(LeadTime(historyDays), consecutiveSince, end);

    /// <summary>A learnt lead time applied to one contract: plus <see cref="NoBridgeMarginDays"/> when no bridge can follow it.</summary>
    public RenewalLeadTime ForContract(RenewalLeadTime learnt, DateOnly consecutiveSince, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(learnt);
        return Bridgeable(consecutiveSince, end) ? learnt : learnt with { Days = learnt.Days + NoBridgeMarginDays, NoBridgeMarginDays = NoBridgeMarginDays };
    }

    /// <summary>
    /// The renewal lead time (DOMAIN.md §2): the <see cref="LeadTimePercentile"/>th percentile (nearest rank) of the past
    /// durations in whole days plus <see cref="LeadTimeMarginDays"/>; <see cref="DefaultLeadTimeDays"/> without history.
    /// </summary>
    public RenewalLeadTime LeadTime(IReadOnlyCollection<int> historyDays)
    {
        ArgumentNullException.ThrowIfNull(historyDays);
        if (historyDays.Count == 0)
        {
            return new RenewalLeadTime(DefaultLeadTimeDays, 0, PercentileDays: null, this);
        }

        var percentile = Percentiles.NearestRank(historyDays, LeadTimePercentile);
        return new RenewalLeadTime(percentile + LeadTimeMarginDays, historyDays.Count, percentile, this);
    }

    /// <summary>The first day a bridge extension is proposed for a contract ending on <paramref name="end"/>: end − 30 days.</summary>
    public DateOnly BridgeProposalDay(DateOnly end) => end.AddDays(-BridgeProposalDaysBeforeEnd);

    /// <summary>
    /// The expected signing day of a contract's successor (DOMAIN.md §2): today plus the <see cref="LeadTimePercentile"/>th
    /// percentile (nearest rank) of the remaining steps' durations. The model, simple on purpose:
    /// <list type="bullet">
    /// <item>a successor is drafted but not signed by both: only the signing remains — the percentile of the purchaser's
    /// past draft → both-signed durations, or <see cref="DefaultSigningDays"/> without history;</item>
    /// <item>a successor tender was published on a day, no successor drafted yet: the whole procurement's percentile
    /// (tender published → signed, the lead time's history) counted from that day, but never less than the signing step from today;</item>
    /// <item>nothing started: today plus the whole procurement's percentile. Without history the whole procurement is
    /// taken as the default lead time less the margin (90 − 30 = 60 days): the time the default leaves for it.</item>
    /// </list>
    /// </summary>
    public SuccessorForecast Forecast(
        DateOnly today, bool successorDrafted, DateOnly? successorTenderPublishedOn, IReadOnlyCollection<int> procurementDays, IReadOnlyCollection<int> signingDays)
    {
        ArgumentNullException.ThrowIfNull(procurementDays);
        ArgumentNullException.ThrowIfNull(signingDays);
        var signing = signingDays.Count == 0 ? DefaultSigningDays : Percentiles.NearestRank(signingDays, LeadTimePercentile);
        if (successorDrafted)
        {
            return new SuccessorForecast(today.AddDays(signing), ForecastBasis.SigningOnly, signing, signingDays.Count);
        }

        var whole = procurementDays.Count == 0
            ? Math.Max(0, DefaultLeadTimeDays - LeadTimeMarginDays)
            : Percentiles.NearestRank(procurementDays, LeadTimePercentile);
        if (successorTenderPublishedOn is { } published)
        {
            var byTender = published.AddDays(whole);
            var bySigning = today.AddDays(signing);
            var expected = byTender > bySigning ? byTender : bySigning;
            return new SuccessorForecast(expected, ForecastBasis.TenderPublished, expected.DayNumber - today.DayNumber, procurementDays.Count);
        }

        return new SuccessorForecast(today.AddDays(whole), ForecastBasis.NotStarted, whole, procurementDays.Count);
    }

    /// <summary>
    /// The bridge extension to propose (DOMAIN.md §2): enough whole months from the day after <paramref name="end"/> to
    /// cover every day before the successor's expected start, at least 1, at most <see cref="ContractRules.BridgeMaximumMonths"/>
    /// and not past the consecutive cap's last day <paramref name="capEnd"/>; at the contract's monthly rate
    /// (<see cref="ContractRules.MonthlyRate"/>, as the lifecycle's <c>ExtendBridge</c> prices it). Null when the cap leaves no month.
    /// </summary>
    public static BridgePlan? Bridge(
        ContractRules contractRules, decimal amount, DateOnly start, DateOnly end, DateOnly expectedSuccessorStart, DateOnly capEnd)
    {
        ArgumentNullException.ThrowIfNull(contractRules);
        var first = end.AddDays(1);
        DateOnly Last(int months) => first.AddMonths(months).AddDays(-1);
        var months = 1;
        while (months < contractRules.BridgeMaximumMonths && Last(months) < expectedSuccessorStart.AddDays(-1))
        {
            months++;
        }

        while (months >= 1 && Last(months) > capEnd)
        {
            months--;
        }

        if (months < 1)
        {
            return null;
        }

        var rate = contractRules.MonthlyRate(amount, start, end);
        return new BridgePlan(months, rate, rate * months, first, Last(months), Last(months) >= expectedSuccessorStart.AddDays(-1));
    }
}

/// <summary>Which procurement steps a forecast counted.</summary>
public enum ForecastBasis
{
    /// <summary>A successor is drafted: only the signing remains.</summary>
    SigningOnly,

    /// <summary>A successor tender is published: the rest of the procurement from its publication.</summary>
    TenderPublished,

    /// <summary>Nothing started: the whole procurement from today.</summary>
    NotStarted,
}

/// <summary>The forecast signing of a contract's successor.</summary>
/// <param name="ExpectedSigning">The expected day both parties have signed (Asia/Shanghai).</param>
/// <param name="Basis">Which steps were counted.</param>
/// <param name="RemainingDays">Days from today to <paramref name="ExpectedSigning"/>.</param>
/// <param name="HistoryCount">How many past durations the percentile came from; 0 for a default.</param>
public sealed record SuccessorForecast(DateOnly ExpectedSigning, ForecastBasis Basis, int RemainingDays, int HistoryCount)
{
    /// <summary>Whether the successor is expected to be signed after the contract's last day.</summary>
    public bool AtRisk(DateOnly end) => ExpectedSigning > end;

    /// <summary>
    /// The forecast gap days: from the day after the end to the signing day itself (a contract signed that day is
    /// activated and paid from then on); 0 when the signing falls on or before the end.
    /// </summary>
    public int DaysLate(DateOnly end) => Math.Max(0, ExpectedSigning.DayNumber - end.DayNumber);

    /// <summary>The successor's expected first funded day: its own start, but not before the day after the expected signing.</summary>
    public DateOnly ExpectedStart(DateOnly end, DateOnly? successorStart)
    {
        var start = successorStart ?? end.AddDays(1);
        var afterSigning = ExpectedSigning.AddDays(1);
        return afterSigning > start ? afterSigning : start;
    }
}

/// <summary>A bridge extension to propose.</summary>
/// <param name="Months">Whole months, 1 to the maximum.</param>
/// <param name="MonthlyRate">The contract's monthly rate, CNY.</param>
/// <param name="Amount">Months × rate, CNY.</param>
/// <param name="ExtensionStart">The day after the current end.</param>
/// <param name="ExtensionEnd">The extension's last day.</param>
/// <param name="CoversExpectedGap">Whether it reaches the day before the successor's expected start (false when the maximum or the cap cut it short).</param>
public sealed record BridgePlan(int Months, decimal MonthlyRate, decimal Amount, DateOnly ExtensionStart, DateOnly ExtensionEnd, bool CoversExpectedGap);

/// <summary>A renewal lead time and how it was worked out.</summary>
/// <param name="Days">The lead time.</param>
/// <param name="HistoryCount">The past durations it was learnt from; 0 when it is the default.</param>
/// <param name="PercentileDays">The percentile of those durations; null for the default.</param>
/// <param name="Rules">The numbers applied.</param>
public sealed record RenewalLeadTime(int Days, int HistoryCount, int? PercentileDays, ContinuityRules Rules)
{
    public bool FromHistory => HistoryCount > 0;

    /// <summary>The days <see cref="Days"/> includes because no bridge can follow the contract (<see cref="ContinuityRules.NoBridgeMarginDays"/>); 0 otherwise.</summary>
    public int NoBridgeMarginDays { get; init; }

    /// <summary>The day renewal work starts for a contract ending on <paramref name="end"/>: end − lead time.</summary>
    public DateOnly RenewalPoint(DateOnly end) => end.AddDays(-Days);
}

/// <summary>Percentiles as the continuity rules state them.</summary>
public static class Percentiles
{
    /// <summary>
    /// The nearest-rank percentile: sort the N values ascending and take the one of rank ⌈P/100 × N⌉ (1-based, at least 1).
    /// It is always one of the values, never an interpolation: for 10 values the 90th percentile is the 9th smallest;
    /// for one value, that value; tied values simply occupy consecutive ranks.
    /// </summary>
    public static int NearestRank(IReadOnlyCollection<int> values, int percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The nearest-rank percentile needs at least one value.", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var sorted = values.Order().ToArray();

        // ⌈P × N / 100⌉ in integers: (P × N + 99) / 100.
        var rank = Math.Max(1, ((percentile * sorted.Length) + 99) / 100);
        return sorted[rank - 1];
    }
}
