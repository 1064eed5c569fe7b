using AntDesign;
using AntDesign.JsInterop;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Shared;
using Procurement.Portal.Tests.Agency;
using ProfilePage = Procurement.Portal.Components.Pages.Agency.Profile;

namespace Procurement.Portal.Tests.Admin;

public sealed class The_agency_reads_why_it_was_suspended : AgencyPageContext
{
    private static AgencyResponse Agency(bool suspended) => new()
    {
        Id = Guid.NewGuid(), Name = "示范区阳光社会工作服务中心", UnifiedSocialCreditCode = "52440305MJL100017G",
        RegistrationDate = new DateOnly(2020, 1, 1), Address = "示范区幸福路 1 号", Version = 1,
        Suspended = suspended,
        SuspendedAt = suspended ? new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero) : null,
        SuspensionReason = suspended ? "营业执照系伪造" : null,
    };

    [Fact]
    public void A_suspended_agency_is_told_the_reason_the_time_and_that_it_cannot_bid()
    {
        var banner = Render<AgencySuspension>(p => p.Add(x => x.Agency, Agency(suspended: true)));

        var text = banner.Find("[data-testid='agency-suspended']").TextContent;
        text.Should().Contain("营业执照系伪造").And.Contain("2026-12-05 09:00").And.Contain("不能投标");
    }

    [Fact]
    public void An_agency_in_good_standing_sees_no_banner()
    {
        Render<AgencySuspension>(p => p.Add(x => x.Agency, Agency(suspended: false))).FindAll("[data-testid='agency-suspended']").Should().BeEmpty();
        Render<AgencySuspension>().FindAll("[data-testid='agency-suspended']").Should().BeEmpty();
    }

    [Fact]
    public void The_profile_page_shows_the_suspension_above_the_form()
    {
        Services.AddSingleton<IAgenciesClient>(new OwnAgency(Agency(suspended: true)));

        var page = Render<ProfilePage>();

        page.Find("[data-testid='agency-suspended']").TextContent.Should().Contain("营业执照系伪造");
    }

    private sealed class OwnAgency(AgencyResponse agency) : AgenciesClientFake
    {
        public override Task<AgencyResponse> GetOwnAgencyAsync(CancellationToken cancellationToken) => Task.FromResult(agency);
    }
}
