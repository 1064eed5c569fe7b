namespace Procurement.Contracting.Continuity.Domain;

/// <summary>Where a program's watch for funding gaps stands: an open gap (its first and latest gap day), and the last day judged for good.</summary>
/// <param name="OpenSince">The first day of the gap still open; null when none is.</param>
/// <param name="LastGapDay">The latest gap day of the open gap.</param>
/// <param name="Cause">What made the open gap's first day a gap.</param>
/// <param name="ContractId">The contract of the open gap's first day; null for a day no contract covers.</param>
/// <param name="JudgedThrough">The last day whose funding is final (a day is final once it is over); null before the first pass.</param>
public sealed record FundingGapState(DateOnly? OpenSince, DateOnly? LastGapDay, string? Cause, Guid? ContractId, DateOnly? JudgedThrough)
{
    public static FundingGapState Fresh { get; } = new(null, null, null, null, null);
}

/// <summary>A gap opened (<c>FundingGapOpened</c>) or closed (<c>FundingGapClosed</c>) on the days a pass judged.</summary>
/// <param name="Opened">True for an opening, false for a closing.</param>
/// <param name="FirstDay">The gap's first day.</param>
/// <param name="LastDay">For a closing, the gap's last day.</param>
/// <param name="Days">For a closing, the gap days it lasted.</param>
/// <param name="Cause">For an opening: <c>Uncovered</c>, <c>Suspended</c>, <c>NotActive</c> or <c>CashBehind</c>.</param>
/// <param name="ContractId">For an opening, the contract of its first day.</param>
public sealed record FundingGapChange(bool Opened, DateOnly FirstDay, DateOnly? LastDay, int Days, string? Cause, Guid? ContractId);

/// <summary>
/// Turns a program's coverage days into gap openings and closings (DOMAIN.md §2 alerts <c>FundingGapOpened</c>,
/// <c>FundingGapClosed</c>), as a pure function. Days already over are final and judged once, in order; today is still
/// running, so it may open a gap (the alert goes out on the gap's first day) but never closes one: a gap closes on the
/// first funded day that is over, or on a today that is funded while the gap's last day is already behind it.
/// </summary>
public static class FundingGapWatch
{
    /// <summary>
    /// The changes from <paramref name="state"/> over <paramref name="finalDays"/> (the days after
    /// <see cref="FundingGapState.JudgedThrough"/> up to yesterday, in order) and <paramref name="today"/>, with the state after them.
    /// </summary>
    public static (FundingGapState State, IReadOnlyList<FundingGapChange> Changes) Judge(
        FundingGapState state, IReadOnlyList<CoverageDay> finalDays, CoverageDay? today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(finalDays);
        var changes = new List<FundingGapChange>();
        var current = state;
        foreach (var day in finalDays)
        {
            current = Step(current, day, changes, closes: true) with { JudgedThrough = day.Day };
        }

        if (today is not null)
        {
            // Today funded closes a gap only when the gap's last day is already behind it (it opened on a final day).
            var closes = current.LastGapDay is { } last && last < today.Day;
            current = Step(current, today, changes, closes);
        }

        return (current, changes);
    }

    /// <summary>Why a gap day is one: not funded by an active contract (its funding), or cash behind.</summary>
    public static string CauseOf(CoverageDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.Funding != DayFunding.Active ? day.Funding.ToString() : "CashBehind";
    }

    private static FundingGapState Step(FundingGapState state, CoverageDay day, List<FundingGapChange> changes, bool closes)
    {
        if (day.Gap)
        {
            if (state.OpenSince is null)
            {
                var cause = CauseOf(day);
                changes.Add(new FundingGapChange(true, day.Day, null, 0, cause, day.ContractId));
                return state with { OpenSince = day.Day, LastGapDay = day.Day, Cause = cause, ContractId = day.ContractId };
            }

            return state.LastGapDay is { } last && last >= day.Day ? state : state with { LastGapDay = day.Day };
        }

        if (state.OpenSince is not { } first || !closes)
        {
            return state;
        }

        // A gap opened on a day still running that then ended funded (signed and activated that day) lasted no day.
        var lastGap = state.LastGapDay ?? first;
        var lastDay = lastGap < day.Day ? lastGap : day.Day.AddDays(-1);
        var days = Math.Max(0, lastDay.DayNumber - first.DayNumber + 1);
        changes.Add(new FundingGapChange(false, first, days == 0 ? first : lastDay, days, null, null));
        return state with { OpenSince = null, LastGapDay = null, Cause = null, ContractId = null };
    }
}
