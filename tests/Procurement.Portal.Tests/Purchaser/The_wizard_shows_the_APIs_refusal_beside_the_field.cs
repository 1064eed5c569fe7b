using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Purchaser;

public sealed class The_wizard_shows_the_APIs_refusal_beside_the_field : PurchaserContext
{
    private readonly FakeTenders _tenders = new();

    public The_wizard_shows_the_APIs_refusal_beside_the_field()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton<ITendersClient>(_tenders);
        Services.AddSingleton<IServiceProgramsClient>(new FakePrograms());
    }

    private IRenderedComponent<TenderWizard> OnTheLastStep()
    {
        var wizard = Render<TenderWizard>();
        for (var step = 1; step <= WizardSteps.Dates; step++)
        {
            wizard.Find("[data-testid='wizard-next']").Click();
            var shown = step;
            wizard.WaitForAssertion(() => wizard.FindAll($"[data-testid='wizard-step-{shown}']").Should().ContainSingle());
        }

        return wizard;
    }

    [Fact]
    public void A_deadline_the_API_refuses_shows_its_message_beside_the_deadline_field()
    {
        const string message = "投标截止时间须在发布后至少 20 日，最早 2026-12-25 10:00。";
        _tenders.PublishRefusal = Refusals.Of(422, "bidDeadline", message);
        var wizard = OnTheLastStep();

        wizard.Find("[data-testid='wizard-publish']").Click();

        wizard.WaitForAssertion(() =>
        {
            var item = wizard.Find("#bid-deadline").Closest(".ant-form-item")!;
            item.ClassList.Should().Contain("ant-form-item-has-error");
            item.TextContent.Should().Contain(message);
        });
        _tenders.Published.Should().Be(0);
        _tenders.LastSaved.Should().NotBeNull("the draft is saved before it is published");
    }

    [Fact]
    public void A_business_rules_refusal_naming_only_its_field_and_detail_is_shown_beside_that_field()
    {
        const string detail = "投标截止时间 2026-12-15 17:00 距发布不得少于 20 日，即不早于北京时间 2026-12-25 10:44。";
        _tenders.PublishRefusal = RuleRefusals.Of("bidDeadline", detail);
        var wizard = OnTheLastStep();

        wizard.Find("[data-testid='wizard-publish']").Click();

        wizard.WaitForAssertion(() => wizard.Find("#bid-deadline").Closest(".ant-form-item")!.TextContent.Should().Contain(detail));
    }

    [Fact]
    public void A_refusal_naming_the_scheme_takes_the_purchaser_to_the_scheme_step_with_the_message_there()
    {
        const string message = "各评分项合计 90 分，须为 100 分。";
        _tenders.PublishRefusal = Refusals.Of(422, "evaluationScheme.criteria", message);
        var wizard = OnTheLastStep();

        wizard.Find("[data-testid='wizard-publish']").Click();

        wizard.WaitForAssertion(() => wizard.FindAll($"[data-testid='wizard-step-{WizardSteps.Scheme}']").Should().ContainSingle());
        wizard.Find("[data-testid='scheme-editor']").TextContent.Should().Contain(message);
    }

    [Fact]
    public void The_saved_request_carries_the_wizards_scheme_schedule_and_deadline_in_Beijing_time()
    {
        var wizard = OnTheLastStep();

        wizard.Find("[data-testid='wizard-save']").Click();

        wizard.WaitForAssertion(() => wizard.FindAll("[data-testid='wizard-saved']").Should().ContainSingle());
        var saved = _tenders.LastSaved!;
        saved.ProcurementMethod.Should().Be(ProcurementMethod.PublicTender);
        saved.EvaluationScheme!.Criteria!.Select(c => (c.Name, c.Kind, c.MaxPoints)).Should().Equal(
            ("价格", CriterionKind.Price, 30m), ("服务方案", CriterionKind.Technical, 50m), ("过往履约评价", CriterionKind.PastPerformance, 20m));
        saved.PaymentSchedule!.Instalments!.Sum(i => i.Percent).Should().Be(100m);
    }
}
