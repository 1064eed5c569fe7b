namespace Procurement.Simulation;

/// <summary>A performance grade (DOMAIN.md §8) with a score inside its band.</summary>
public sealed record PerformanceGrade(string Name, decimal Score, bool Passed)
{
    public static PerformanceGrade Excellent { get; } = new("Excellent", 93m, true);

    public static PerformanceGrade Good { get; } = new("Good", 85m, true);

    public static PerformanceGrade Pass { get; } = new("Pass", 70m, true);

    public static PerformanceGrade Fail { get; } = new("Fail", 50m, false);

    /// <summary>30 % Excellent, 45 % Good, 18 % Pass, 7 % Fail: most agencies renew directly, some must re-tender.</summary>
    public static PerformanceGrade Draw(Draws draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var u = draws.NextUniform();
        return u < 0.30 ? Excellent : u < 0.75 ? Good : u < 0.93 ? Pass : Fail;
    }
}
