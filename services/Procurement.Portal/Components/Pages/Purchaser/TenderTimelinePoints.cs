using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Purchaser;

/// <summary>One point of a tender's timeline: its text key, when (null: not known yet), and whether it has passed.</summary>
public sealed record TimelinePoint(string Key, DateTimeOffset? At, bool Reached);

/// <summary>
/// The points of a tender's life a purchaser plans around (DOMAIN.md §3, §5, §6): published; the start of the
/// amendment margin (an answer or amendment that can change bids after it moves the deadline); the bid deadline, when
/// questions close too (the API takes questions until the deadline); the opening, by the clock at the deadline; the
/// challenge window of the published award, counted in working days by the platform's calendar.
/// </summary>
public static class TenderTimelinePoints
{
    /// <param name="rules">The circuit's method numbers (the margin comes from them).</param>
    public static IReadOnlyList<TimelinePoint> For(TenderResponse tender, AwardResponse? award, DateTimeOffset now, TenderRules rules)
    {
        ArgumentNullException.ThrowIfNull(tender);
        ArgumentNullException.ThrowIfNull(rules);
        var points = new List<TimelinePoint>
        {
            new("TimelinePublished", tender.PublishedAt, tender.PublishedAt is not null),
        };
        if (tender.ProcurementMethod is { } method && rules.MarginStart(method, tender.BidDeadline) is { } margin)
        {
            points.Add(new("TimelineMargin", margin, tender.PublishedAt is not null && now >= margin));
        }

        points.Add(new("TimelineDeadline", tender.BidDeadline, tender.PublishedAt is not null && now >= tender.BidDeadline));
        var opened = tender.EvaluationStartedAt;
        points.Add(new("TimelineOpening", opened ?? tender.BidDeadline, opened is not null));
        var published = award?.PublishedAt;
        points.Add(new("TimelineAwardPublished", published, published is not null));
        var closes = award?.ChallengeWindowClosesAt;
        points.Add(new("TimelineChallengeCloses", closes, closes is { } at && now >= at));
        return points;
    }
}
