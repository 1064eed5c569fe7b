namespace Procurement.Evaluation.Awards.Domain;

/// <summary>What a configured day changes: a public holiday on a weekday, or a weekend day worked instead (调休).</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday (法定节假日 or the rest days joined to it): not a working day.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday worked to make up for a holiday (调休上班): a working day.</summary>
    MakeUpWorkday,
}

/// <summary>One configured day of the working-day calendar, kept as a row so admins can change it.</summary>
public sealed class CalendarDay
{
    public const int MaxNameLength = 100;

    private CalendarDay()
    {
        Name = string.Empty;
    }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name)
    {
        Date = date;
        Kind = kind;
        Name = name;
    }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    /// <summary>The holiday it belongs to, e.g. "Spring Festival".</summary>
    public string Name { get; private set; }

    public void Change(CalendarDayKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }
}

/// <summary>
/// A year whose holidays and make-up days are configured. Outside configured years the calendar knows only
/// weekends, and says so (<see cref="WorkingDayCount.WeekendsOnly"/>).
/// </summary>
public sealed class CalendarYear
{
    public const int MaxNoteLength = 300;

    private CalendarYear()
    {
    }

    public CalendarYear(int year, bool provisional, string? note)
    {
        Year = year;
        Provisional = provisional;
        Note = note;
    }

    public int Year { get; private set; }

    /// <summary>The dates are the customary ones, not yet the State Council's published arrangement.</summary>
    public bool Provisional { get; private set; }

    public string? Note { get; private set; }

    public void Change(bool provisional, string? note)
    {
        Provisional = provisional;
        Note = note;
    }
}

/// <summary>The end of a count of working days, and whether part of it fell outside the configured years.</summary>
/// <param name="Date">The last working day counted.</param>
/// <param name="WeekendsOnly">Some day counted lay in a year without configured holidays: only weekends were skipped there.</param>
public sealed record WorkingDayCount(DateOnly Date, bool WeekendsOnly);

/// <summary>
/// Working days in mainland China: Monday to Friday, except the configured public holidays, plus the
/// configured make-up working days on weekends (调休). Pure: built from rows, asked about dates.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<int> _years;
    private readonly Dictionary<DateOnly, CalendarDayKind> _days;

    public WorkingDayCalendar(IEnumerable<int> configuredYears, IEnumerable<(DateOnly Date, CalendarDayKind Kind)> days)
    {
        ArgumentNullException.ThrowIfNull(configuredYears);
        ArgumentNullException.ThrowIfNull(days);
        _years = [.. configuredYears];
        _days = days.ToDictionary(d => d.Date, d => d.Kind);
    }

    public static WorkingDayCalendar From(IEnumerable<CalendarYear> years, IEnumerable<CalendarDay> days) =>
        new(years.Select(y => y.Year), days.Select(d => (d.Date, d.Kind)));

    public bool Covers(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (Covers(date.Year) && _days.TryGetValue(date, out var kind))
        {
            return kind == CalendarDayKind.MakeUpWorkday;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/>; the day itself is not
    /// counted (民法典 art. 201: a period counted in days starts the next day). Zero answers the date itself.
    /// </summary>
    public WorkingDayCount AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        var weekendsOnly = false;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            weekendsOnly |= !Covers(day.Year);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return new WorkingDayCount(day, weekendsOnly);
    }
}
