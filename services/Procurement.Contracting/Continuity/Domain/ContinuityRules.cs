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
public sealed record ContinuityRules(int LeadTimePercentile, int LeadTimeMarginDays, int DefaultLeadTimeDays, string DirectRenewalMinimumGrade = ContinuityRules.NationalMinimumGrade)
{
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
        return new(percentile, marginDays, contractRules.RenewalLeadTimeDays);
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
}

/// <summary>A renewal lead time and how it was worked out.</summary>
/// <param name="Days">The lead time.</param>
/// <param name="HistoryCount">The past durations it was learnt from; 0 when it is the default.</param>
/// <param name="PercentileDays">The percentile of those durations; null for the default.</param>
/// <param name="Rules">The numbers applied.</param>
public sealed record RenewalLeadTime(int Days, int HistoryCount, int? PercentileDays, ContinuityRules Rules)
{
    public bool FromHistory => HistoryCount > 0;

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
