using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Continuity;

/// <summary>
/// Days to pixels for the coverage timeline: one shared axis from <see cref="From"/> to <see cref="To"/> (both
/// inclusive, Shanghai calendar days as the API gives them), each day <see cref="DayWidth"/> wide, starting at <see cref="Left"/>.
/// </summary>
public sealed class TimelineScale
{
    public TimelineScale(DateOnly from, DateOnly to, double left, double width)
    {
        if (to < from)
        {
            to = from;
        }

        From = from;
        To = to;
        Left = left;
        Width = width;
        Days = to.DayNumber - from.DayNumber + 1;
        DayWidth = width / Days;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public double Left { get; }

    public double Width { get; }

    /// <summary>Days on the axis, both ends counted.</summary>
    public int Days { get; }

    public double DayWidth { get; }

    /// <summary>The left edge of a day (a day after <see cref="To"/> is the right edge of the axis).</summary>
    public double X(DateOnly day) => Left + ((day.DayNumber - From.DayNumber) * DayWidth);

    /// <summary>The middle of a day: where today's marker stands.</summary>
    public double Middle(DateOnly day) => X(day) + (DayWidth / 2);

    public bool Shows(DateOnly day) => day >= From && day <= To;

    /// <summary>The span of the days from..to (inclusive) that lie on the axis, or null when none does.</summary>
    public (double X, double Width)? Span(DateOnly from, DateOnly to)
    {
        var first = from < From ? From : from;
        var last = to > To ? To : to;
        if (last < first)
        {
            return null;
        }

        return (X(first), (last.DayNumber - first.DayNumber + 1) * DayWidth);
    }

    /// <summary>The first day of each month on the axis (the axis's labels).</summary>
    public IReadOnlyList<DateOnly> MonthStarts()
    {
        var months = new List<DateOnly>();
        var month = new DateOnly(From.Year, From.Month, 1);
        if (month < From)
        {
            month = month.AddMonths(1);
        }

        for (; month <= To; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>
    /// One axis for several programs: from the earliest start of their timelines to the latest end of their timelines or
    /// contracts (a successor drafted beyond the API's window is still drawn).
    /// </summary>
    public static TimelineScale Over(IEnumerable<TimelineView> timelines, IEnumerable<ContractSummary> contracts, double left, double width)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        ArgumentNullException.ThrowIfNull(contracts);
        var list = timelines.ToList();
        if (list.Count == 0)
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return new TimelineScale(today, today, left, width);
        }

        var to = list.Max(t => t.To);
        foreach (var contract in contracts)
        {
            to = contract.End > to ? contract.End : to;
        }

        return new TimelineScale(list.Min(t => t.From), to, left, width);
    }
}

/// <summary>A contract's bar (or its bridge part) on a program's row.</summary>
public sealed record TimelineBar(ContractSummary Contract, DateOnly From, DateOnly To, double X, double Width, int Lane, bool Bridge);

/// <summary>Unfunded or unpaid days, drawn red (paler when only forecast).</summary>
public sealed record TimelineGap(DateOnly From, DateOnly To, int Days, double X, double Width, bool Projected, DayFunding Funding, CashPosition? Cash);

/// <summary>The connector from a contract's end to its successor's start.</summary>
public sealed record TimelineLink(Guid PredecessorId, Guid SuccessorId, double X1, int Lane1, double X2, int Lane2);

/// <summary>One program's row: its bars on lanes (overlapping contracts on separate lanes), bridges, gaps and renewal links.</summary>
public sealed class TimelineRow
{
    private TimelineRow(TimelineView view, IReadOnlyList<TimelineBar> bars, IReadOnlyList<TimelineGap> gaps, IReadOnlyList<TimelineLink> links, int lanes)
    {
        View = view;
        Bars = bars;
        Gaps = gaps;
        Links = links;
        Lanes = lanes;
    }

    public TimelineView View { get; }

    public IReadOnlyList<TimelineBar> Bars { get; }

    public IReadOnlyList<TimelineGap> Gaps { get; }

    public IReadOnlyList<TimelineLink> Links { get; }

    public int Lanes { get; }

    /// <summary>
    /// The first day of a bridge extension that added <paramref name="months"/> whole months to a contract now ending on
    /// <paramref name="end"/> (the platform moves the end to <c>oldEnd + 1 day + months − 1 day</c>).
    /// </summary>
    public static DateOnly BridgeStart(DateOnly end, int months) => end.AddDays(1).AddMonths(-months);

    /// <summary>
    /// The row of a program: each contract a bar (its bridge months, named in <paramref name="bridgeMonths"/> by contract,
    /// as a bar of their own), each gap segment of the API's timeline a red span, each predecessor → successor pair a link.
    /// Contracts that would overlap go on separate lanes, in order of start.
    /// </summary>
    public static TimelineRow Build(TimelineScale scale, TimelineView view, IEnumerable<ContractSummary> contracts, IReadOnlyDictionary<Guid, int> bridgeMonths)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(bridgeMonths);
        var ordered = contracts.Where(c => c.ProgramId == view.ProgramId)
            .OrderBy(c => c.Start).ThenBy(c => c.End).ToList();
        var laneEnds = new List<DateOnly>();
        var laneOf = new Dictionary<Guid, int>();
        var bars = new List<TimelineBar>();
        foreach (var contract in ordered)
        {
            var lane = laneEnds.FindIndex(end => end < contract.Start);
            if (lane < 0)
            {
                lane = laneEnds.Count;
                laneEnds.Add(contract.End);
            }
            else
            {
                laneEnds[lane] = contract.End;
            }

            laneOf[contract.Id] = lane;
            var bridgeFrom = bridgeMonths.TryGetValue(contract.Id, out var months) && months > 0 ? BridgeStart(contract.End, months) : (DateOnly?)null;
            var ownEnd = bridgeFrom is { } b ? b.AddDays(-1) : contract.End;
            if (scale.Span(contract.Start, ownEnd) is var (x, width))
            {
                bars.Add(new TimelineBar(contract, contract.Start, ownEnd, x, width, lane, Bridge: false));
            }

            if (bridgeFrom is { } first && scale.Span(first, contract.End) is var (bx, bwidth))
            {
                bars.Add(new TimelineBar(contract, first, contract.End, bx, bwidth, lane, Bridge: true));
            }
        }

        var gaps = new List<TimelineGap>();
        foreach (var segment in view.Segments.Where(s => s.Gap).OrderBy(s => s.From))
        {
            if (scale.Span(segment.From, segment.To) is var (x, width))
            {
                gaps.Add(new TimelineGap(segment.From, segment.To, segment.Days, x, width, segment.Projected, segment.Funding, segment.Cash));
            }
        }

        var byId = ordered.ToDictionary(c => c.Id);
        var links = new List<TimelineLink>();
        foreach (var contract in ordered)
        {
            if (contract.SuccessorId is { } next && byId.TryGetValue(next, out var successor))
            {
                links.Add(new TimelineLink(contract.Id, next, scale.X(contract.End.AddDays(1)), laneOf[contract.Id], scale.X(successor.Start), laneOf[next]));
            }
        }

        return new TimelineRow(view, bars, gaps, links, Math.Max(1, laneEnds.Count));
    }
}
