using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Layout;

namespace Procurement.Portal.Tests.Oversight;

/// <summary>
/// Issue 16 item 6 in the bell: the purchasing unit's notices of a renewal due, a renewal decision pending and a bridge
/// proposed open the screen where the purchaser acts (the renewal decision, the bridge proposal), not the bare contract.
/// </summary>
public sealed class The_bell_leads_the_purchaser_to_what_it_must_act_on : OversightContext
{
    private static readonly Guid ContractId = Guid.Parse("0193b000-0000-7000-8000-0000000000c2");
    private static readonly Guid Due = Guid.Parse("0193b000-0000-7000-8000-000000000011");
    private static readonly Guid Pending = Guid.Parse("0193b000-0000-7000-8000-000000000012");
    private static readonly Guid Proposed = Guid.Parse("0193b000-0000-7000-8000-000000000013");
    private static readonly Guid Activated = Guid.Parse("0193b000-0000-7000-8000-000000000014");

    private readonly ApiFake _contracts;

    public The_bell_leads_the_purchaser_to_what_it_must_act_on()
    {
        Fake<INotificationsClient>();
        _contracts = Fake<IContractsClient>()
            .On("ListContractNotificationsAsync", _ => new ContractNotificationInboxResponse
            {
                Unread = 3,
                Notifications =
                [
                    Notice(Proposed, ContractNoticeKind.BridgeProposed, "平台建议对与阳光社工签订的服务合同进行过渡期延续：按原月度标准延续 1 个月。", Now),
                    Notice(Pending, ContractNoticeKind.RenewalDecisionPending, "与阳光社工签订的服务合同的续签决定待您确认：平台建议与同一机构直接续签。", Now.AddDays(-60)),
                    Notice(Due, ContractNoticeKind.RenewalDue, "与阳光社工签订的服务合同已到续签时点。", Now.AddDays(-60).AddSeconds(-1)),
                    Notice(Activated, ContractNoticeKind.Activate, "与阳光社工签订的服务合同已生效。", Now.AddDays(-300), read: true),
                ],
            })
            .On("MarkContractNotificationReadAsync", _ => new ContractNotificationResponse());
    }

    [Fact]
    public void Each_notice_to_act_on_links_to_its_decision_with_a_label_saying_so()
    {
        SignIn("purchaser", "purchaser");
        var bell = Render<NotificationBell>(p => p.Add(b => b.PollEvery, TimeSpan.FromHours(1)));
        bell.WaitForElement("[data-testid='bell-count']").TextContent.Should().Be("3");
        bell.Find("[data-testid='bell-button']").Click();

        var items = bell.FindAll("[data-testid='bell-item']");
        items.Select(i => i.GetAttribute("href")).Should().Equal(
            $"/continuity/contracts/{ContractId}/bridge",
            $"/continuity/contracts/{ContractId}/renewal",
            $"/continuity/contracts/{ContractId}/renewal",
            $"/contracts/{ContractId}");
        items[0].TextContent.Should().Contain("过渡期延续").And.Contain("查看过渡期延续建议");
        items[1].TextContent.Should().Contain("续签决定待您确认").And.Contain("查看续签决定");
        items[3].TextContent.Should().Contain("查看合同");
    }

    [Fact]
    public void Opening_the_bridge_proposal_notice_marks_it_read_and_goes_to_the_proposal()
    {
        SignIn("purchaser", "purchaser");
        var bell = Render<NotificationBell>(p => p.Add(b => b.PollEvery, TimeSpan.FromHours(1)));
        bell.WaitForElement("[data-testid='bell-count']");
        bell.Find("[data-testid='bell-button']").Click();

        bell.FindAll("[data-testid='bell-item']")[0].Click();

        _contracts.CallsOf("MarkContractNotificationReadAsync").Select(a => a[0]).Should().Equal(Proposed);
        Services.GetRequiredService<NavigationManager>().Uri.Should().EndWith($"/continuity/contracts/{ContractId}/bridge");
    }

    [Fact]
    public void Every_kind_of_contract_notice_has_a_page_to_open()
    {
        Enum.GetValues<ContractNoticeKind>().Select(BellNotices.TargetOf).Should().OnlyContain(t => Enum.IsDefined(t));
        BellNotices.TargetOf(ContractNoticeKind.RenewalDue).Should().Be(BellTarget.Renewal);
        BellNotices.TargetOf(ContractNoticeKind.RenewalDecisionPending).Should().Be(BellTarget.Renewal);
        BellNotices.TargetOf(ContractNoticeKind.BridgeProposed).Should().Be(BellTarget.Bridge);
        BellNotices.TargetOf(ContractNoticeKind.ExtendBridge).Should().Be(BellTarget.Contract);
    }

    private static ContractNotificationResponse Notice(Guid id, ContractNoticeKind kind, string text, DateTimeOffset at, bool read = false) => new()
    {
        Id = id, ContractId = ContractId, Kind = kind, Text = text, CreatedAt = at, ReadAt = read ? at : null,
    };
}
