using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;

namespace Procurement.Simulation;

/// <summary>
/// A program's gap days counted from intervals, with the same answer as counting every day of
/// <see cref="CoverageTimeline.Days"/> but without an object per day. The span is cut wherever an input of the timeline
/// changes: a contract's start and the day after its end, a day its state changed, a day a payment was made. Inside
/// one piece the contracts covering a day, their states and the cash paid are the same on every day, so the funding
/// contract and its funding are too; only the accrued cost moves, and it never falls (the months so far never fall,
/// the rate is fixed, the amount caps it). So a piece whose last day is not a cash gap has none, and one whose last day
/// is has its cash gap days at its end, from the first such day found by halving. Each day asked about is asked of
/// <see cref="CoverageTimeline.Days"/> itself, over the contracts covering it, so the §2 definition stays in one place.
/// </summary>
public static class IntervalGaps
{
    /// <summary>
    /// The gap days of <paramref name="from"/> to <paramref name="to"/> (the program's span, counted on its last day):
    /// days no active contract funds, and days funded with cash below the accrued cost minus the advance.
    /// </summary>
    /// <param name="contracts">The program's contracts in the order they were added (the timeline's tie-break keeps it).</param>
    public static ProgramGaps Count(IReadOnlyList<CoverageContract> contracts, DateOnly from, DateOnly to, ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(rules);
        if (to < from)
        {
            return new ProgramGaps(0, 0);
        }

        var cuts = Cuts(contracts, from, to);
        var covering = new List<CoverageContract>(2);
        var notActive = 0;
        var cash = 0;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var first = DateOnly.FromDayNumber(cuts[i]);
            var last = DateOnly.FromDayNumber(cuts[i + 1] - 1);
            var days = last.DayNumber - first.DayNumber + 1;

            // The cuts include every start and every day after an end, so a contract covering the first day covers the piece.
            covering.Clear();
            foreach (var contract in contracts)
            {
                if (contract.Covers(first))
                {
                    covering.Add(contract);
                }
            }

            if (covering.Count == 0)
            {
                notActive += days;
                continue;
            }

            var opening = Day(covering, first, to, rules);
            if (opening.Funding != DayFunding.Active)
            {
                notActive += days;
            }
            else if (opening.Gap)
            {
                cash += days;
            }
            else if (days > 1 && Day(covering, last, to, rules).Gap)
            {
                // The first day is no cash gap and the last is: halve to the first that is.
                var (clear, gap) = (first.DayNumber, last.DayNumber);
                while (gap - clear > 1)
                {
                    var middle = clear + ((gap - clear) / 2);
                    if (Day(covering, DateOnly.FromDayNumber(middle), to, rules).Gap)
                    {
                        gap = middle;
                    }
                    else
                    {
                        clear = middle;
                    }
                }

                cash += last.DayNumber - gap + 1;
            }
        }

        return new ProgramGaps(notActive, cash);
    }

    /// <summary>
    /// The timeline's own answer for one day, asked over the contracts that cover it: the funding contract and its cash are
    /// chosen among those alone, and the day is due (a contract covering it started on or before it).
    /// </summary>
    private static CoverageDay Day(List<CoverageContract> covering, DateOnly day, DateOnly today, ContractRules rules) =>
        CoverageTimeline.Days(covering, day, day, today, rules)[0];

    /// <summary>The day numbers where a piece begins, ascending, from <paramref name="from"/> to the day after <paramref name="to"/>.</summary>
    private static List<int> Cuts(IReadOnlyList<CoverageContract> contracts, DateOnly from, DateOnly to)
    {
        var (low, high) = (from.DayNumber, to.DayNumber + 1);
        var cuts = new List<int> { low, high };
        void Cut(int day)
        {
            if (day > low && day < high)
            {
                cuts.Add(day);
            }
        }

        foreach (var contract in contracts)
        {
            Cut(contract.Start.DayNumber);
            Cut(contract.End.DayNumber + 1);
            foreach (var change in contract.States)
            {
                Cut(change.Day.DayNumber);
            }

            foreach (var payment in contract.Payments)
            {
                Cut(payment.PaidOn.DayNumber);
            }
        }

        cuts.Sort();
        var distinct = 1;
        for (var i = 1; i < cuts.Count; i++)
        {
            if (cuts[i] != cuts[distinct - 1])
            {
                cuts[distinct++] = cuts[i];
            }
        }

        cuts.RemoveRange(distinct, cuts.Count - distinct);
        return cuts;
    }
}
