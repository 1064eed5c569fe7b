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
