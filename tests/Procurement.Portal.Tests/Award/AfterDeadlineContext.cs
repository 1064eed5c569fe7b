using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Award;

/// <summary>The purchaser signed in, with the evaluation page's API answered by <see cref="Api"/>.</summary>
public abstract class AfterDeadlineContext : PortalContext
{
    internal FakeAfterDeadlineApi Api { get; } = new();

    protected AfterDeadlineContext(string culture = "zh-CN")
        : base(culture)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("purchaser");
        authorization.SetRoles("purchaser");
        authorization.SetClaims(new Claim("sub", "purchaser-1"), new Claim(Auth.PortalAuthentication.OrganisationNameClaim, "示范区民政局"));
        // AntDesign's Alert measures itself after its first render.
        JSInterop.Setup<AntDesign.JsInterop.HtmlElement>(AntDesign.JSInteropConstants.GetDomInfo, _ => true).SetResult(new AntDesign.JsInterop.HtmlElement());
        // A TextArea measures its lines after its first render.
        JSInterop.Setup<AntDesign.Internal.TextAreaInfo>(AntDesign.JSInteropConstants.InputComponentHelper.GetTextAreaInfo, _ => true).SetResult(new AntDesign.Internal.TextAreaInfo());
        Services.AddSingleton<IEvaluationsClient>(Api);
        Services.AddSingleton<IEvaluationPanelsClient>(Api);
        Services.AddSingleton<IAwardsClient>(Api);
        Services.AddSingleton<IBidsClient>(Api);
    }

    protected IRenderedComponent<TenderAfterDeadline> RenderPage()
    {
        var page = Render<TenderAfterDeadline>(parameters => parameters.Add(p => p.TenderId, AfterDeadlineData.TenderId));
        page.WaitForElement("[data-testid='after-deadline']");
        return page;
    }
}
