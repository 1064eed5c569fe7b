using AntDesign;
using AntDesign.Internal;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Purchaser;

/// <summary>The tender's service description (服务内容): typed on the content step, counted as typed against Tendering's limit, and sent.</summary>
public sealed class The_wizard_counts_the_service_description_live : PurchaserContext
{
    public The_wizard_counts_the_service_description_live()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton<ITendersClient>(new FakeTenders());
        Services.AddSingleton<IServiceProgramsClient>(new FakePrograms());
        JSInterop.Setup<TextAreaInfo>(JSInteropConstants.InputComponentHelper.GetTextAreaInfo, _ => true).SetResult(new TextAreaInfo { LineHeight = 22 });
    }

    private IRenderedComponent<TenderWizard> OnTheContentStep()
    {
        var wizard = Render<TenderWizard>();
        wizard.Find("[data-testid='wizard-next']").Click();
        wizard.WaitForAssertion(() => wizard.FindAll($"[data-testid='wizard-step-{WizardSteps.Content}']").Should().ContainSingle());
        return wizard;
    }

    [Fact]
    public void The_count_follows_the_typing_and_a_description_over_the_limit_is_marked_before_saving()
    {
        var wizard = OnTheContentStep();
        wizard.Find("[data-testid='service-description-count']").TextContent.Should().Be("0 / 4000 字");

        wizard.Find("#service-description").Input("为独居长者提供居家探访");
        wizard.WaitForAssertion(() => wizard.Find("[data-testid='service-description-count']").TextContent.Should().Be("11 / 4000 字"));

        wizard.Find("#service-description").Input(new string('服', TenderDraft.ServiceDescriptionMaxLength + 1));
        wizard.WaitForAssertion(() =>
        {
            var item = wizard.Find("#service-description").Closest(".ant-form-item")!;
            item.ClassList.Should().Contain("ant-form-item-has-error");
            item.TextContent.Should().Contain("服务内容最多 4000 个字，请删减。").And.Contain("4001 / 4000 字");
        });
    }

    [Fact]
    public void The_description_is_sent_read_back_and_its_refusal_belongs_to_the_content_step()
    {
        var draft = new TenderDraft { ServiceDescription = "为独居长者提供居家探访。" };

        draft.ToRequest().ServiceDescription.Should().Be("为独居长者提供居家探访。");
        new TenderDraft { ServiceDescription = "  " }.ToRequest().ServiceDescription.Should().BeNull("a blank description is no description");
        TenderDraft.From(new TenderResponse { Title = "t", ServiceDescription = "服务内容", Eligibility = [], Kpis = [] }).ServiceDescription.Should().Be("服务内容");
        WizardSteps.Of("serviceDescription").Should().Be(WizardSteps.Content);
    }
}
