using System.Security.Claims;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;
using Procurement.Portal.Components.Shared;
using Procurement.Portal.Tests.Award;
using Procurement.Portal.Tests.Purchaser;

namespace Procurement.Portal.Tests.Oversight;

/// <summary>
/// The read-only rule (PortalPage.CanAct): the auditor opens the purchaser's tenders, tender page, programs and evaluation,
/// and no action is rendered — no element whose test id starts with the action prefix, and none of the buttons behind them;
/// the purchaser, on the same pages and data, has them (so the check is not empty).
/// </summary>
public sealed class The_auditor_reads_the_purchasers_pages_without_an_action : OversightContext
{
    private static readonly Guid TenderId = AfterDeadlineData.TenderId;
    private static readonly Guid ProgramId = Guid.Parse("01930000-0000-7000-8000-000000000001");

    private readonly FakeAfterDeadlineApi _evaluation = new();
    private readonly TenderStatus _status = TenderStatus.Draft;
    private TenderResponse _tender;

    public The_auditor_reads_the_purchasers_pages_without_an_action()
    {
        _tender = new TenderResponse
        {
            Id = TenderId, ProgramId = ProgramId, Title = "示范区居家养老社工服务", Status = _status, BudgetCeiling = 1_000_000m,
            BidDeadline = Now.AddDays(20), ServiceStart = new DateOnly(2027, 5, 1), ServiceEnd = new DateOnly(2028, 4, 30), Version = 1,
        };
        Fake<ITendersClient>()
            .On("ListTendersAsync", _ => (ICollection<TenderResponse>)[_tender])
            .On("GetTenderAsync", _ => _tender);
        Services.AddSingleton<IServiceProgramsClient>(new FakePrograms());
        Fake<IQuestionsAndAmendmentsClient>();
        Fake<ITenderDocumentsClient>();
        Services.AddSingleton<IEvaluationsClient>(_evaluation);
        Services.AddSingleton<IEvaluationPanelsClient>(_evaluation);
        Services.AddSingleton<IAwardsClient>(_evaluation);
        Services.AddSingleton<IBidsClient>(_evaluation);
        JSInterop.Setup<AntDesign.Internal.TextAreaInfo>(AntDesign.JSInteropConstants.InputComponentHelper.GetTextAreaInfo, _ => true).SetResult(new AntDesign.Internal.TextAreaInfo());
    }

    private void SignInAs(string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(role);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim("sub", role + "-1"), new Claim(Auth.PortalAuthentication.OrganisationNameClaim, "示范区"));
    }

    private static IReadOnlyList<IElement> Actions<T>(IRenderedComponent<T> page)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll($"[data-testid^='{PortalPage.ActionTestIdPrefix}']");

    [Theory]
    [InlineData("auditor", 0)]
    [InlineData("purchaser", 1)]
    public void The_tender_list_offers_a_new_tender_only_to_the_purchaser(string role, int actions)
    {
        SignInAs(role);
        var page = Render<Tenders>();
        page.WaitForElement("[data-testid='tender-link']");

        Actions(page).Should().HaveCount(actions);
        page.FindAll("[data-testid='tender-new']").Should().HaveCount(actions);
    }

    [Theory]
    [InlineData("auditor", 0)]
    [InlineData("purchaser", 1)]
    public void The_programs_offer_a_new_program_only_to_the_purchaser(string role, int actions)
    {
        SignInAs(role);
        var page = Render<Programs>();
        page.WaitForElement("[data-testid='program-name']");

        Actions(page).Should().HaveCount(actions);
        page.FindAll("[data-testid='program-new']").Should().HaveCount(actions);
    }

    [Fact]
    public void A_draft_tender_shows_the_auditor_its_content_and_no_edit_publish_cancel_or_upload()
    {
        SignInAs("auditor");
        var page = Render<TenderPage>(p => p.Add(t => t.Id, TenderId));
        page.WaitForElement("[data-testid='tender-content']");

        Actions(page).Should().BeEmpty();
        page.FindAll("[data-testid='tender-edit'], [data-testid='tender-publish'], [data-testid='tender-cancel'], [data-testid='document-upload']").Should().BeEmpty();
        page.Find("[data-testid='tender-budget']").TextContent.Should().Be("¥1,000,000.00");
    }

    [Fact]
    public void A_draft_tender_shows_the_purchaser_edit_publish_cancel_and_upload()
    {
        SignInAs("purchaser");
        var page = Render<TenderPage>(p => p.Add(t => t.Id, TenderId));
        page.WaitForElement("[data-testid='tender-content']");

        Actions(page).Select(a => a.GetAttribute("data-testid")).Should()
            .BeEquivalentTo("act-tender-edit", "act-tender-publish", "act-tender-cancel", "act-document-upload");
    }

    [Fact]
    public void A_published_tender_shows_the_auditor_no_amendment_tab()
    {
        _tender = new TenderResponse
        {
            Id = TenderId, ProgramId = ProgramId, Title = _tender.Title, Status = TenderStatus.Published, BudgetCeiling = 1_000_000m,
            BidDeadline = Now.AddDays(20), ServiceStart = _tender.ServiceStart, ServiceEnd = _tender.ServiceEnd, Version = 2,
        };
        SignInAs("auditor");
        var page = Render<TenderPage>(p => p.Add(t => t.Id, TenderId));
        page.WaitForElement("[data-testid='questions']");

        Actions(page).Should().BeEmpty();
        page.FindAll("[data-testid='amendment-form'], [data-testid='tender-cancel']").Should().BeEmpty();
    }

    [Theory]
    [InlineData("auditor", 0)]
    [InlineData("purchaser", 1)]
    public void Before_the_draw_only_the_purchaser_has_the_draw_button(string role, int actions)
    {
        _evaluation.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.ComplianceReview);
        _evaluation.Opening = AfterDeadlineData.Opening();
        SignInAs(role);
        var page = Render<TenderAfterDeadline>(p => p.Add(t => t.TenderId, TenderId));
        page.WaitForElement("[data-testid='after-deadline']");

        Actions(page).Select(a => a.GetAttribute("data-testid")).Should()
            .BeEquivalentTo(actions == 0 ? [] : new[] { "act-draw-panel", "act-award" }, "the award button shows, disabled, until the ranking is final");
        page.FindAll("[data-testid='draw-panel']").Should().HaveCount(actions);
        page.FindAll("[data-testid='panel-not-drawn']").Should().HaveCount(1 - actions);
    }

    [Fact]
    public void With_the_ranking_final_the_auditor_reads_it_and_has_no_award_button()
    {
        _evaluation.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Completed);
        _evaluation.Opening = AfterDeadlineData.Opening();
        _evaluation.Panel = AfterDeadlineData.Panel();
        _evaluation.Award = AfterDeadlineData.Award(AwardStatus.Recommended);
        SignInAs("auditor");
        var page = Render<TenderAfterDeadline>(p => p.Add(t => t.TenderId, TenderId));
        page.WaitForElement("[data-testid='ranking-table']");

        Actions(page).Should().BeEmpty();
        page.FindAll("[data-testid='award-button'], [data-testid='award-choice']").Should().BeEmpty();
        page.Find("[data-testid='award-recommended']").TextContent.Should().Contain("阳光社工");
    }

    [Fact]
    public void The_auditor_reads_a_challenge_and_has_no_answer_form()
    {
        _evaluation.Evaluation = AfterDeadlineData.Evaluation(EvaluationStage.Completed);
        _evaluation.Opening = AfterDeadlineData.Opening();
        _evaluation.Panel = AfterDeadlineData.Panel();
        _evaluation.Award = AfterDeadlineData.Award(AwardStatus.Published);
        _evaluation.Challenges.Add(new ChallengeResponse
        {
            Id = Guid.NewGuid(), TenderId = TenderId, AgencyId = AfterDeadlineData.Chunhui, Text = "价格分计算有误。", LodgedAt = Now,
        });
        SignInAs("auditor");
        var page = Render<TenderAfterDeadline>(p => p.Add(t => t.TenderId, TenderId));
        page.WaitForElement("[data-testid='challenge']");

        Actions(page).Should().BeEmpty();
        page.FindAll("[data-testid='answer-challenge']").Should().BeEmpty();
        page.Find("[data-testid='challenge-text']").TextContent.Should().Contain("价格分计算有误。");
    }

    [Theory]
    [InlineData(new[] { "auditor" }, false)]
    [InlineData(new[] { "purchaser" }, true)]
    [InlineData(new[] { "auditor", "purchaser" }, true)]
    [InlineData(new[] { "agency" }, false)]
    public void The_rule_lets_act_only_an_acting_role_of_the_page_and_never_the_auditors(string[] roles, bool mayAct)
    {
        var identity = new ClaimsIdentity([.. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test");

        PortalPage.MayAct(new ClaimsPrincipal(identity), ["purchaser", "auditor"]).Should().Be(mayAct);
        PortalPage.MayAct(new ClaimsPrincipal(identity), ["auditor"]).Should().BeFalse();
        PortalPage.MayAct(new ClaimsPrincipal(new ClaimsIdentity()), ["purchaser"]).Should().BeFalse();
    }
}
