using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Performance;

/// <summary>One evaluation as a bar of the grade chart.</summary>
public sealed record GradeBar(AgencyGradeResponse Grade, DateOnly Day, double X, double Y, double Width, double Height, string Colour);

/// <summary>
/// The geometry of an agency's grades over time: one bar per evaluation in the order they were made (Shanghai days),
/// its height the score out of 100, its colour the grade's; lines at the grade thresholds 60, 80 and 90.
/// </summary>
public sealed class GradeChart
{
    public const double Left = 36;
    public const double Top = 12;
    public const double PlotHeight = 200;
    public const double Slot = 56;
    public const double BarWidth = 32;

    public GradeChart(IEnumerable<AgencyGradeResponse> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var ordered = grades.OrderBy(g => g.EvaluatedAt).ToList();
        Bars = [.. ordered.Select((g, i) => new GradeBar(
            g, Localization.Format.ShanghaiDay(g.EvaluatedAt),
            Left + (i * Slot) + ((Slot - BarWidth) / 2), Y(g.Score), BarWidth, Y(0) - Y(g.Score), Colour(g.Grade)))];
        Width = Left + (Math.Max(1, Bars.Count) * Slot) + 8;
        Height = Top + PlotHeight + 40;
    }

    public IReadOnlyList<GradeBar> Bars { get; }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The lowest score of each grade band, drawn as a line.</summary>
    public static IReadOnlyList<(decimal Score, PerformanceGrade Grade)> Thresholds { get; } =
        [(90m, PerformanceGrade.Excellent), (80m, PerformanceGrade.Good), (60m, PerformanceGrade.Pass)];

    /// <summary>The y of a score (0 at the bottom of the plot, 100 at its top), scores outside 0..100 held to it.</summary>
    public static double Y(decimal score) => Top + (PlotHeight * (1 - ((double)Math.Clamp(score, 0m, 100m) / 100)));

    public static string Colour(PerformanceGrade grade) => grade switch
    {
        PerformanceGrade.Excellent => "#389e0d",
        PerformanceGrade.Good => "#1677ff",
        PerformanceGrade.Pass => "#faad14",
        _ => "#f5222d",
    };
}
