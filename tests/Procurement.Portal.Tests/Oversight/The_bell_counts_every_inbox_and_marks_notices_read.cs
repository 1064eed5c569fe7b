using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Layout;

namespace Procurement.Portal.Tests.Oversight;

public sealed class The_bell_counts_every_inbox_and_marks_notices_read : OversightContext
{
    private static readonly Guid TenderNotice = Guid.Parse("0193b000-0000-7000-8000-000000000001");
    private static readonly Guid OldTenderNotice = Guid.Parse("0193b000-0000-7000-8000-000000000002");
    private static readonly Guid ContractNotice = Guid.Parse("0193b000-0000-7000-8000-000000000003");
    private static readonly Guid TenderId = Guid.Parse("0193b000-0000-7000-8000-0000000000a1");
    private static readonly Guid ContractId = Guid.Parse("0193b000-0000-7000-8000-0000000000c1");

    private readonly ApiFake _tenders;
    private readonly ApiFake _contracts;
    private readonly HashSet<Guid> _read = [OldTenderNotice];

    public The_bell_counts_every_inbox_and_marks_notices_read()
    {
        _tenders = Fake<INotificationsClient>()
            .On("ListNotificationsAsync", _ => new NotificationInboxResponse
            {
                Unread = _read.Contains(TenderNotice) ? 0 : 1,
                Notifications =
                [
                    new() { Id = TenderNotice, TenderId = TenderId, Kind = NotificationKind.BidsOpened, Text = "长者服务项目已开标。", CreatedAt = Now.AddHours(-1), ReadAt = _read.Contains(TenderNotice) ? Now : null },
                    new() { Id = OldTenderNotice, TenderId = TenderId, Kind = NotificationKind.TenderAmended, Text = "长者服务项目已更正。", CreatedAt = Now.AddDays(-3), ReadAt = Now.AddDays(-2) },
                ],
            })
            .On("MarkNotificationReadAsync", args => { _read.Add((Guid)args[0]!); return new NotificationResponse(); });
        _contracts = Fake<IContractsClient>()
            .On("ListContractNotificationsAsync", _ => new ContractNotificationInboxResponse
            {
                Unread = _read.Contains(ContractNotice) ? 0 : 1,
                Notifications =
                [
                    new() { Id = ContractNotice, ContractId = ContractId, Kind = ContractNoticeKind.Activate, Text = "合同已生效。", CreatedAt = Now, ReadAt = _read.Contains(ContractNotice) ? Now : null },
                ],
            })
            .On("MarkContractNotificationReadAsync", args => { _read.Add((Guid)args[0]!); return new ContractNotificationResponse(); });
    }

    [Fact]
    public void An_agency_sees_the_unread_of_both_inboxes_and_the_newest_first_with_links()
    {
        SignIn("agency1", "agency", "示范区阳光社会工作服务中心");
        var bell = Render<NotificationBell>(p => p.Add(b => b.PollEvery, TimeSpan.FromHours(1)));

        bell.WaitForElement("[data-testid='bell-count']").TextContent.Should().Be("2");
        bell.Find("[data-testid='bell-button']").Click();

        var items = bell.FindAll("[data-testid='bell-item']");
        items.Select(i => i.TextContent).Should().SatisfyRespectively(
            first => first.Should().Contain("合同已生效。"),
            second => second.Should().Contain("长者服务项目已开标。"),
            third => third.Should().Contain("长者服务项目已更正。"));
        items.Select(i => i.GetAttribute("href")).Should().Equal($"/contracts/{ContractId}", $"/agency/tenders/{TenderId}", $"/agency/tenders/{TenderId}");
        items.Select(i => i.GetAttribute("data-read")).Should().Equal("false", "false", "true");
        bell.Find("[data-testid='bell-all']").GetAttribute("href").Should().Be("/notifications");
    }

    [Fact]
    public void Marking_all_read_marks_each_unread_notice_in_its_own_inbox_and_the_count_goes()
    {
        SignIn("agency1", "agency", "示范区阳光社会工作服务中心");
        var bell = Render<NotificationBell>(p => p.Add(b => b.PollEvery, TimeSpan.FromHours(1)));
        bell.WaitForElement("[data-testid='bell-count']");
        bell.Find("[data-testid='bell-button']").Click();

        bell.Find("[data-testid='bell-mark-all-read']").Click();

        bell.WaitForAssertion(() => bell.FindAll("[data-testid='bell-count']").Should().BeEmpty());
        _tenders.CallsOf("MarkNotificationReadAsync").Select(a => a[0]).Should().Equal(TenderNotice);
        _contracts.CallsOf("MarkContractNotificationReadAsync").Select(a => a[0]).Should().Equal(ContractNotice);
        bell.Find("[data-testid='bell-unread']").TextContent.Should().Contain("0");
    }

    [Fact]
    public void Opening_a_notice_marks_it_read_and_goes_to_its_page()
    {
        SignIn("purchaser", "purchaser");
        var bell = Render<NotificationBell>(p => p.Add(b => b.PollEvery, TimeSpan.FromHours(1)));
        bell.WaitForElement("[data-testid='bell-count']").TextContent.Should().Be("1");
        bell.Find("[data-testid='bell-button']").Click();

        bell.Find("[data-testid='bell-item']").Click();

        _contracts.CallsOf("MarkContractNotificationReadAsync").Select(a => a[0]).Should().Equal(ContractNotice);
        Services.GetRequiredService<NavigationManager>().Uri.Should().EndWith($"/contracts/{ContractId}");
        bell.WaitForAssertion(() => bell.FindAll("[data-testid='bell-count']").Should().BeEmpty());
    }

    [Fact]
    public void A_purchaser_is_not_asked_for_the_agencies_inbox_and_has_no_link_to_their_page()
    {
        SignIn("purchaser", "purchaser");
        var bell = Render<NotificationBell>(p => p.Add(b => b.PollEvery, TimeSpan.FromHours(1)));
        bell.WaitForElement("[data-testid='bell-count']");
        bell.Find("[data-testid='bell-button']").Click();

        _tenders.Calls.Should().BeEmpty();
        bell.FindAll("[data-testid='bell-item']").Should().ContainSingle();
        bell.FindAll("[data-testid='bell-all']").Should().BeEmpty();
    }

    [Fact]
    public void The_bell_asks_again_when_the_person_moves_to_another_page()
    {
        SignIn("purchaser", "purchaser");
        var bell = Render<NotificationBell>(p => p.Add(b => b.PollEvery, TimeSpan.FromHours(1)));
        bell.WaitForElement("[data-testid='bell-count']");
        var before = _contracts.CallsOf("ListContractNotificationsAsync").Count();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/purchaser/tenders");

        bell.WaitForAssertion(() => _contracts.CallsOf("ListContractNotificationsAsync").Count().Should().Be(before + 1));
    }

    [Fact]
    public void The_inboxes_and_who_may_mark_them_read_follow_the_API()
    {
        BellNotices.InboxesOf(["agency", "org-admin"]).Should().Equal(BellInbox.Tenders, BellInbox.Contracts);
        BellNotices.InboxesOf(["treasury"]).Should().Equal(BellInbox.Contracts);
        BellNotices.CanMarkRead(BellInbox.Contracts, ["purchaser"]).Should().BeTrue();
        BellNotices.CanMarkRead(BellInbox.Contracts, ["auditor"]).Should().BeFalse();
        BellNotices.CanMarkRead(BellInbox.Tenders, ["purchaser"]).Should().BeFalse();
    }
}
