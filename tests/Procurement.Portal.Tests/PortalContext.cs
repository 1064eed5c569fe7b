using System.Globalization;
using AntDesign;
using Microsoft.Extensions.DependencyInjection;

namespace Procurement.Portal.Tests;

/// <summary>A bUnit context with what every portal component needs: AntDesign's services, the localizer, loose JS interop, a signed-in person.</summary>
public abstract class PortalContext : BunitContext
{
    protected PortalContext(string culture = "zh-CN")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        JSInterop.Mode = JSRuntimeMode.Loose;

        // AntDesign's Sider asks the window for its width after the first render.
        JSInterop.Setup<AntDesign.JsInterop.Window>(JSInteropConstants.GetWindow).SetResult(new AntDesign.JsInterop.Window { InnerWidth = 1400, InnerHeight = 900 });
        Services.AddAntDesign();
        Services.AddLocalization();
    }

    /// <summary>Signs in a person of the given role and organisation.</summary>
    protected void SignIn(string userName, string role, string organisation = "示范区民政局")
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles(role);
        authorization.SetClaims(new System.Security.Claims.Claim(Auth.PortalAuthentication.OrganisationNameClaim, organisation));
    }
}
