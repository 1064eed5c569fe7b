namespace Procurement.Portal.Components.Pages.Evaluator;

/// <summary>One line of the score sheet as the evaluator types it: the points, the comment every score carries, and a reason when it is an outlier.</summary>
public sealed class ScoreLine(string criterion)
{
    public string Criterion { get; } = criterion;

    public decimal? Points { get; set; }

    public string Comment { get; set; } = "";

    public string Reason { get; set; } = "";
}
