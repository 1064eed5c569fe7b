namespace Procurement.Contracting.Continuity.Domain;

/// <summary>
/// The days a timeline shows when the caller leaves out <c>from</c>, <c>to</c> or both. A program under way is shown
/// from its first day to today (or its last day, if it ended), at most the last <see cref="ContinuityCodes.LongestRangeDays"/>
/// days; a window that starts after today (a program not started yet) is shown ahead, to the end of the program's last
/// contract, or a year on when it has none — never beyond the program's last day.
/// </summary>
public static class TimelineWindow
{
    public static (DateOnly From, DateOnly To) Of(
        ProgramSpan span, IEnumerable<CoverageContract> contracts, DateOnly today, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(contracts);
        var first = from ?? span.ActiveFrom;
        var last = to ?? (first <= today ? UpToToday(span, today) : Ahead(span, contracts, first));
        if (from is null && last.DayNumber - first.DayNumber + 1 > ContinuityCodes.LongestRangeDays)
        {
            first = last.AddDays(1 - ContinuityCodes.LongestRangeDays);
        }

        return (first, last);
    }

    private static DateOnly UpToToday(ProgramSpan span, DateOnly today) =>
        span.ActiveUntil is { } until && until < today ? until : today;

    private static DateOnly Ahead(ProgramSpan span, IEnumerable<CoverageContract> contracts, DateOnly first)
    {
        var lastContractEnd = contracts.Select(c => (DateOnly?)c.End).Max();
        var end = lastContractEnd is { } contractEnd && contractEnd >= first ? contractEnd : first.AddYears(1).AddDays(-1);
        end = Min(end, first.AddDays(ContinuityCodes.LongestRangeDays - 1));
        return span.ActiveUntil is { } until ? Min(end, until) : end;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
