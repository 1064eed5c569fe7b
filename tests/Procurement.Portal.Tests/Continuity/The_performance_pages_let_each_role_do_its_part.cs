using System.Security.Claims;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Performance;

namespace Procurement.Portal.Tests.Continuity;

public sealed class The_performance_pages_let_each_role_do_its_part : ContinuityContext
{
    private static readonly Guid Evaluator = new("de000003-0000-4000-8000-000000000001");
    private static readonly Guid ThirdParty = new("de000003-0000-4000-8000-000000000009");
    private readonly List<SubmitEvaluationRequest> _submitted = [];
    private readonly List<ReweighRequest> _reweighed = [];

    public The_performance_pages_let_each_role_do_its_part()
    {
        Performance.Answer("GetContractPerformanceAsync", _ => Contract(submitted: _submitted.Count > 0));
        Performance.Answer("SubmitPerformanceEvaluationAsync", args =>
        {
            _submitted.Add((SubmitEvaluationRequest)args[1]!);
            return Contract(submitted: true).Evaluations.Single();
        });
        Performance.Answer("ReweighIndicatorsAsync", args =>
        {
            _reweighed.Add((ReweighRequest)args[1]!);
            return Contract(submitted: false);
        });
        Named(Evaluator, "评审专家1", OrganisationKind.EvaluationOrganisation);
        Named(ThirdParty, "深圳市第三方绩效评价中心", OrganisationKind.ExpertPool);
        Named(ContinuityData.Unit, "示范区民政局", OrganisationKind.PurchasingUnit);
        Named(ContinuityData.Agency, "阳光社工服务中心", OrganisationKind.Agency);
    }

    private static ContractPerformanceResponse Contract(bool submitted) => new()
    {
        ContractId = ContinuityData.Current, ProgramId = ContinuityData.Program, PurchasingUnitId = ContinuityData.Unit, AgencyId = ContinuityData.Agency,
        Start = new(2026, 1, 1), End = new(2026, 12, 31), WeightsLocked = submitted,
        Indicators = [new IndicatorResponse { Name = "Service hours", Unit = "hours", Target = 2400m, Weight = 60m }, new IndicatorResponse { Name = "Satisfaction", Unit = "%", Target = 90m, Weight = 40m }],
        Evaluators = [new AssignmentResponse { Stage = PerformanceStage.MidTerm, EvaluatorOrganisationId = Evaluator }],
        Evaluations = submitted
            ? [new PerformanceEvaluationResponse
            {
                Id = Guid.NewGuid(), ContractId = ContinuityData.Current, Stage = PerformanceStage.MidTerm, Score = 86m, Grade = PerformanceGrade.Good, Passed = true,
                Scores = [new IndicatorScoreResponse { Indicator = "Service hours", Weight = 60m, Score = 90m, Comment = "ok" }, new IndicatorScoreResponse { Indicator = "Satisfaction", Weight = 40m, Score = 80m, Comment = "ok" }],
            }]
            : [],
    };

    private IRenderedComponent<ContractPerformance> RenderContract()
    {
        var page = Render<ContractPerformance>(p => p.Add(c => c.ContractId, ContinuityData.Current));
        page.WaitForElement("[data-testid='contract-performance-page']");
        return page;
    }

    [Fact]
    public void The_assigned_evaluator_scores_each_indicator_sees_the_weighted_grade_and_submits_once()
    {
        SignInAs("evaluator", Evaluator);
        var page = RenderContract();

        page.FindAll("[data-testid='stage-MidTerm'] [data-testid='score-form']").Should().ContainSingle();
        page.FindAll("[data-testid='stage-Final'] [data-testid='score-form']").Should().BeEmpty("the evaluator is assigned the mid-term only");
        var values = page.FindAll("[data-testid='score-value']");
        values[0].Change("90");
        page.FindAll("[data-testid='score-value']")[1].Change("80");
        page.Find("[data-testid='score-preview']").TextContent.Should().StartWith("加权得分 86.00，等级 良好");
        page.FindAll("[data-testid='score-comment']")[0].Change("按时完成");
        page.Find("[data-testid='score-submit']").Click();

        var request = _submitted.Should().ContainSingle().Subject;
        request.Stage.Should().Be("MidTerm");
        request.Scores!.Select(s => (s.Indicator, s.Score, s.Comment)).Should().Equal(("Service hours", 90m, "按时完成"), ("Satisfaction", 80m, ""));
        page.WaitForElement("[data-testid='stage-MidTerm'] [data-testid='stage-result']");
        page.Find("[data-testid='stage-grade']").TextContent.Should().Be("良好");
        page.FindAll("[data-testid='score-form']").Should().BeEmpty();
    }

    [Fact]
    public void The_purchaser_sets_weights_that_sum_to_100_and_assigns_an_evaluator_to_the_final_stage()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        var page = RenderContract();

        var weights = page.FindAll("[data-testid='indicator-weight']");
        weights[0].Change("70");
        page.Find("[data-testid='weights-sum']").TextContent.Should().Be("权重合计 110（须为 100）");
        page.Find("[data-testid='weights-save']").HasAttribute("disabled").Should().BeTrue();
        page.FindAll("[data-testid='indicator-weight']")[1].Change("30");
        page.Find("[data-testid='weights-save']").Click();

        _reweighed.Should().ContainSingle().Which.Indicators!.Select(i => (i.Name, i.Weight)).Should().Equal(("Service hours", 70m), ("Satisfaction", 30m));
        page.FindAll("[data-testid='stage-MidTerm'] [data-testid='stage-evaluator']").Single().TextContent.Should().Be("第三方评估机构：评审专家1");
        page.FindAll("[data-testid='stage-Final'] [data-testid='stage-evaluator-select']").Should().ContainSingle();
    }

    [Fact]
    public void The_purchaser_picks_the_evaluation_organisation_by_its_name_and_the_assignment_carries_its_id()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        var assigned = new List<AssignEvaluatorRequest>();
        Performance.Answer("AssignPerformanceEvaluatorAsync", args =>
        {
            assigned.Add((AssignEvaluatorRequest)args[2]!);
            return Contract(submitted: false);
        });
        var page = RenderContract();

        page.FindAll("[data-testid='problem']").Should().BeEmpty();
        page.FindAll("[data-testid='stage-evaluator-id']").Should().BeEmpty("nobody types an organisation's id");
        var options = page.FindAll("[data-testid='stage-Final'] [data-testid='stage-evaluator-select'] option");
        options.Select(o => o.TextContent).Should().Equal("选择评估机构", "深圳市第三方绩效评价中心", "评审专家1");
        options.Skip(1).Select(o => o.GetAttribute("value")).Should().Equal(ThirdParty.ToString(), Evaluator.ToString());
        page.Find("[data-testid='stage-Final'] [data-testid='stage-evaluator-select']").Change(ThirdParty.ToString());
        page.Find("[data-testid='stage-Final'] [data-testid='stage-assign']").Click();

        assigned.Should().ContainSingle().Which.EvaluatorOrganisationId.Should().Be(ThirdParty);
    }

    [Fact]
    public void An_assigned_evaluator_the_directory_does_not_know_is_shown_by_its_short_id_and_an_empty_directory_says_so()
    {
        SignInAs("purchaser", ContinuityData.Unit);
        DirectoryNames.Clear();
        var page = RenderContract();

        page.Find("[data-testid='stage-MidTerm'] [data-testid='stage-evaluator']").TextContent.Should().Be("第三方评估机构：de000003").And.NotContain(Evaluator.ToString());
        page.FindAll("[data-testid='stage-evaluator-select']").Should().BeEmpty();
        page.Find("[data-testid='stage-Final'] [data-testid='no-evaluator-organisations']").TextContent.Should().Be("目录中没有可选的评估机构。");
        page.Find("[data-testid='stage-Final'] [data-testid='stage-assign']").HasAttribute("disabled").Should().BeTrue();
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("agency")]
    public void The_auditor_and_the_agency_read_the_contracts_performance_without_a_button(string role)
    {
        SignInAs(role, role == "agency" ? ContinuityData.Agency : Guid.NewGuid());

        var page = RenderContract();

        page.FindAll("button, input, select").Should().BeEmpty();
        page.FindAll("[data-testid='indicator-weight-value']").Select(w => w.TextContent).Should().Equal("60", "40");
    }

    [Fact]
    public void The_rules_name_who_may_do_what()
    {
        static ClaimsPrincipal User(string role, Guid organisation) => new(new ClaimsIdentity(
            [new Claim("role", role), new Claim(ServiceDefaults.Security.ProcurementClaims.OrganisationId, organisation.ToString())], "test", "name", "role"));

        var open = Contract(submitted: false);
        new PerformanceActions(open, User("purchaser", ContinuityData.Unit)).CanReweigh.Should().BeTrue();
        new PerformanceActions(open, User("purchaser", Guid.NewGuid())).CanReweigh.Should().BeFalse("another unit's purchaser");
        new PerformanceActions(Contract(submitted: true), User("purchaser", ContinuityData.Unit)).CanReweigh.Should().BeFalse("weights lock once evaluated");
        new PerformanceActions(Contract(submitted: true), User("purchaser", ContinuityData.Unit)).CanAssign(PerformanceStage.MidTerm).Should().BeFalse();
        new PerformanceActions(Contract(submitted: true), User("purchaser", ContinuityData.Unit)).CanAssign(PerformanceStage.Final).Should().BeTrue();
        new PerformanceActions(open, User("evaluator", Evaluator)).CanScore(PerformanceStage.MidTerm).Should().BeTrue();
        new PerformanceActions(open, User("evaluator", Guid.NewGuid())).CanScore(PerformanceStage.MidTerm).Should().BeFalse("not the assigned evaluator");
        new PerformanceActions(open, User("auditor", ContinuityData.Unit)).CanReweigh.Should().BeFalse();
        PerformanceActions.Grade(89.99m).Should().Be(PerformanceGrade.Good);
        PerformanceActions.Grade(90m).Should().Be(PerformanceGrade.Excellent);
        PerformanceActions.Grade(59.99m).Should().Be(PerformanceGrade.Fail);
    }

    [Fact]
    public void The_agencys_grades_are_bars_in_time_order_as_high_as_their_score_in_their_grades_colour()
    {
        SignInAs("agency", ContinuityData.Agency);
        Performance.Answer("GetAgencyGradesAsync", new List<AgencyGradeResponse>
        {
            new() { ContractId = ContinuityData.Successor, Stage = PerformanceStage.MidTerm, Score = 92.5m, Grade = PerformanceGrade.Excellent, Passed = true, EvaluatedAt = new DateTimeOffset(2026, 6, 30, 20, 0, 0, TimeSpan.Zero) },
            new() { ContractId = ContinuityData.Current, Stage = PerformanceStage.Final, Score = 55m, Grade = PerformanceGrade.Fail, Passed = false, EvaluatedAt = new DateTimeOffset(2025, 12, 20, 2, 0, 0, TimeSpan.Zero) },
        });

        var page = Render<AgencyGrades>(p => p.Add(a => a.AgencyId, ContinuityData.Agency));
        page.WaitForAssertion(() => page.Find(".ant-page-header-heading-sub-title").TextContent.Trim().Should().Be("阳光社工服务中心", "the grades are the agency's, named"));
        page.WaitForElement("[data-testid='grade-chart']");

        var bars = page.FindAll("[data-testid='grade-bar']");
        bars.Select(b => b.GetAttribute("data-grade")).Should().Equal("Fail", "Excellent");
        bars.Select(b => b.GetAttribute("fill")).Should().Equal("#f5222d", "#389e0d");
        bars.Select(b => double.Parse(b.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(110d, 185d);
        bars[1].QuerySelector("title")!.TextContent.Should().Be("中期评估 2026-07-01：92.50 分，优秀", "the day is Shanghai's");
        page.FindAll("[data-testid='grade-threshold']").Select(t => t.GetAttribute("data-score")).Should().Equal("90", "80", "60");
        new GradeChart([]).Bars.Should().BeEmpty();
    }
}
