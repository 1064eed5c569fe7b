using Shared = Procurement.Rules;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>
/// How the platform counts "N days" in the law: Asia/Shanghai calendar days, ending at the same wall-clock time
/// (why: <see cref="Shared.ShanghaiDays"/>, the one home of this arithmetic, which these functions call).
/// Instants in and out are UTC <see cref="DateTimeOffset"/>s.
/// </summary>
internal static class ShanghaiDays
{
    /// <summary>The instant <paramref name="days"/> Shanghai calendar days after <paramref name="instant"/>, at the same Shanghai wall-clock time.</summary>
    public static DateTimeOffset Add(DateTimeOffset instant, int days) => Shared.ShanghaiDays.Add(instant, days);

    /// <summary>The instant at which Shanghai clocks show <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeSpan time) => Shared.ShanghaiDays.At(date, time);

    /// <summary>"2026-12-20 17:00" in Beijing time, for messages.</summary>
    public static string Show(DateTimeOffset instant) => Shared.ShanghaiDays.Show(instant);
}
