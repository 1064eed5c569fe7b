using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Admin;

namespace Procurement.Portal.Tests.Oversight;

public sealed class The_admin_keeps_the_expert_pool : OversightContext
{
    private static readonly Guid Expert = Guid.Parse("0193d000-0000-7000-8000-0000000000e1");
    private static readonly Guid Sunshine = Guid.Parse("de000002-0000-4000-8000-000000000001");
    private static readonly Guid EvaluatorUser = Guid.Parse("de100000-0000-4000-8000-000000000005");

    private readonly ApiFake _experts;
    private readonly List<ExpertResponse> _pool =
    [
        new() { Id = Expert, Name = "评审专家1", EvaluatorUserId = EvaluatorUser.ToString(), ServiceDomains = ["Elderly"], Available = true, Version = 3 },
    ];

    public The_admin_keeps_the_expert_pool()
    {
        SignIn("admin", "admin", "政府购买服务平台运营中心");
        _experts = Fake<IExpertsClient>()
            .On("ListExpertsAsync", _ => (ICollection<ExpertResponse>)[.. _pool])
            .On("CreateExpertAsync", args => new ExpertResponse { Id = Guid.NewGuid(), Name = ((ExpertRequest)args[0]!).Name! })
            .On("EditExpertAsync", args =>
            {
                var request = (ExpertRequest)args[1]!;
                _pool[0].Available = request.Available!.Value;
                return _pool[0];
            });
        Fake<IUsersClient>().On("ListUsersAsync", _ => (ICollection<UserResponse>)
        [
            new() { Id = EvaluatorUser, UserName = "evaluator1", DisplayName = "独立专家1", Roles = ["evaluator"] },
            new() { Id = Guid.NewGuid(), UserName = "purchaser", DisplayName = "采购人", Roles = ["purchaser"] },
        ]);
        Fake<IOrganisationsClient>().On("ListOrganisationsAsync", _ => (ICollection<OrganisationResponse>)
        [
            new() { Id = Sunshine, Name = "示范区阳光社会工作服务中心", Kind = OrganisationKind.Agency },
        ]);
    }

    [Fact]
    public void A_new_expert_is_sent_with_the_evaluator_account_domains_and_past_employer()
    {
        var page = Render<Experts>();
        page.WaitForElement("[data-testid='expert-row']");

        page.Find("[data-testid='expert-new']").Click();
        page.Find("[data-testid='expert-name']").Change("评审专家8");
        page.FindAll("[data-testid='expert-user'] option").Select(o => o.TextContent).Should().Contain(t => t.Contains("evaluator1")).And.NotContain(t => t.Contains("purchaser"));
        page.Find("[data-testid='expert-user']").Change(EvaluatorUser.ToString());
        page.Find("[data-testid='expert-domain-Family']").Change(true);
        page.Find("[data-testid='expert-domain-Disability']").Change(true);
        page.Find("[data-testid='expert-job-add']").Click();
        page.Find("[data-testid='expert-job-employer']").Change(Sunshine.ToString());
        page.Find("[data-testid='expert-job-from']").Change("2022-03-01");
        page.Find("[data-testid='expert-save']").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid='expert-form']").Should().BeEmpty());
        var sent = (ExpertRequest)_experts.CallsOf("CreateExpertAsync").Single()[0]!;
        sent.Name.Should().Be("评审专家8");
        sent.EvaluatorUserId.Should().Be(EvaluatorUser.ToString());
        sent.ServiceDomains.Should().Equal("Family", "Disability");
        sent.Employment.Should().ContainSingle().Which.Should().BeEquivalentTo(new EmploymentBody
        {
            OrganisationId = Sunshine, OrganisationName = "示范区阳光社会工作服务中心", From = new DateOnly(2022, 3, 1), To = null,
        });
        sent.Available.Should().BeTrue();
    }

    [Fact]
    public void Deactivating_asks_first_then_sends_the_record_unavailable_with_the_version_read()
    {
        var page = Render<Experts>();
        page.WaitForElement("[data-testid='expert-row']").TextContent.Should().Contain("养老");

        page.Find("[data-testid='expert-deactivate']").Click();
        page.Find("[data-testid='expert-deactivate-question']").TextContent.Should().Contain("评审专家1");
        _experts.CallsOf("EditExpertAsync").Should().BeEmpty();
        page.Find("[data-testid='expert-deactivate-yes']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='expert-row-available']").GetAttribute("data-available").Should().Be("false"));
        var sent = (ExpertRequest)_experts.CallsOf("EditExpertAsync").Single()[1]!;
        sent.Available.Should().BeFalse();
        sent.Version.Should().Be(3);
        sent.ServiceDomains.Should().Equal("Elderly");
        page.FindAll("[data-testid='expert-reactivate']").Should().ContainSingle();
    }
}
