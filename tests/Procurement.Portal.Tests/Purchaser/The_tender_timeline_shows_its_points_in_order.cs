using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Purchaser;

public sealed class The_tender_timeline_shows_its_points_in_order : PurchaserContext
{
    private static readonly DateTimeOffset Published = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static TenderResponse OpenTender() => new()
    {
        Id = Guid.CreateVersion7(), Title = "长者服务", Status = TenderStatus.Published, ProcurementMethod = ProcurementMethod.PublicTender,
        PublishedAt = Published, BidDeadline = Published.AddDays(25),
    };

    [Fact]
    public void An_open_tender_has_passed_its_publication_and_awaits_its_margin_deadline_opening_and_award()
    {
        var points = TenderTimelinePoints.For(OpenTender(), award: null, now: Published.AddDays(3), FakeMethodRules.Loaded());

        points.Select(p => (p.Key, p.Reached)).Should().Equal(
            ("TimelinePublished", true), ("TimelineMargin", false), ("TimelineDeadline", false), ("TimelineOpening", false),
            ("TimelineAwardPublished", false), ("TimelineChallengeCloses", false));
        points.Single(p => p.Key == "TimelineMargin").At.Should().Be(Published.AddDays(10), "15 days before a deadline 25 days after publication");
    }

    [Fact]
    public void The_timeline_is_drawn_with_each_moment_in_Beijing_time()
    {
        var points = TenderTimelinePoints.For(OpenTender(), award: null, now: Published.AddDays(3), FakeMethodRules.Loaded());

        var timeline = Render<TenderTimeline>(parameters => parameters.Add(p => p.Points, points));

        timeline.FindAll(".ant-timeline-item").Should().HaveCount(6);
        timeline.Find("[data-testid='timeline-TimelinePublished']").GetAttribute("data-reached").Should().Be("true");
        timeline.Find("[data-testid='timeline-TimelineDeadline']").TextContent.Should().Be("投标截止（答疑同时截止）");
        timeline.Markup.Should().Contain("2026-12-26 10:00");
    }
}
