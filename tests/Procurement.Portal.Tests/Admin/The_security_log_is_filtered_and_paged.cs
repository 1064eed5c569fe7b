using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Auditor;

namespace Procurement.Portal.Tests.Admin;

public sealed class The_security_log_is_filtered_and_paged : PortalContext
{
    private readonly SecurityEventsFake _log = new();

    public The_security_log_is_filtered_and_paged()
    {
        Services.AddSingleton<IIdentityClient>(_log);
        SignIn("auditor1", "auditor", "示范区审计局");
    }

    [Fact]
    public void The_first_page_of_fifty_is_asked_for_unfiltered_and_shown_in_Shanghai_time_with_the_kind_in_words()
    {
        _log.Events.Add(new SecurityEventResponse
        {
            Id = 1, At = new DateTimeOffset(2026, 12, 5, 1, 30, 0, TimeSpan.Zero), Kind = "LockedOut", UserName = "PURCHASER",
            ClientIp = "10.0.0.8", ClientId = "procurement-portal",
        });

        var page = Render<SecurityLog>();

        _log.Asked.Should().ContainSingle().Which.Should().Be(((DateTimeOffset?)null, (DateTimeOffset?)null, (string?)null, (string?)null, (int?)1, (int?)50));
        var row = page.Find("[data-testid='log-row']");
        row.QuerySelector("[data-testid='log-at']")!.TextContent.Should().Be("2026-12-05 09:30");
        row.QuerySelector("[data-testid='log-kind-cell']")!.TextContent.Should().Be("账号锁定");
        row.QuerySelector("[data-testid='log-user-cell']")!.TextContent.Should().Be("PURCHASER");
        page.Find("[data-testid='log-position']").TextContent.Should().Be("第 1 / 1 页，共 1 条");
    }

    [Fact]
    public void The_filters_go_to_the_API_as_typed_with_whole_Shanghai_days()
    {
        var page = Render<SecurityLog>();

        page.Find("[data-testid='log-user']").Change("  purchaser ");
        page.Find("[data-testid='log-kind']").Change("SignInFailed");
        page.Find("[data-testid='log-from']").Change("2026-12-01");
        page.Find("[data-testid='log-to']").Change("2026-12-05");
        page.Find("[data-testid='log-search']").Click();

        _log.Asked.Last().Should().Be((
            (DateTimeOffset?)new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero),
            (DateTimeOffset?)new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero),
            (string?)"purchaser", (string?)"SignInFailed", (int?)1, (int?)50));
    }

    [Fact]
    public void The_next_page_is_asked_for_and_the_last_page_has_no_next()
    {
        _log.Events.AddRange(Enumerable.Range(1, 51).Select(i => new SecurityEventResponse
        {
            Id = i, At = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero).AddMinutes(-i), Kind = "SignedIn", UserName = "AGENCY1",
        }));
        var page = Render<SecurityLog>();
        page.FindAll("[data-testid='log-row']").Should().HaveCount(50);
        page.Find("[data-testid='log-previous']").HasAttribute("disabled").Should().BeTrue();

        page.Find("[data-testid='log-next']").Click();

        _log.Asked.Last().Page.Should().Be(2);
        page.FindAll("[data-testid='log-row']").Should().ContainSingle();
        page.Find("[data-testid='log-position']").TextContent.Should().Be("第 2 / 2 页，共 51 条");
        page.Find("[data-testid='log-next']").HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public void An_empty_answer_says_so()
    {
        var page = Render<SecurityLog>();

        page.Find("[data-testid='log-empty']").TextContent.Should().Contain("没有符合条件的记录");
        page.FindAll("[data-testid='log-next']").Should().BeEmpty();
    }
}
