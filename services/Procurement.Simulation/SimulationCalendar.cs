namespace Procurement.Simulation;

/// <summary>The simulated clock's fixed points.</summary>
public static class SimulationCalendar
{
    /// <summary>The first program year starts here; programs start over the 365 days from it.</summary>
    public static DateOnly Epoch { get; } = new(2027, 1, 1);

    /// <summary>The baseline re-tenders this many days before the end.</summary>
    public const int BaselineLeadDays = 30;

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Midday of <paramref name="day"/> in Asia/Shanghai: the instant the simulated people act at.</summary>
    public static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), Shanghai);
}
