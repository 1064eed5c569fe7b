namespace Procurement.Tendering.Tests.Rules;

/// <summary>Instants written as people read them: Beijing time (UTC+8, no daylight saving).</summary>
internal static class Beijing
{
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));
}
