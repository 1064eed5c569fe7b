using System.Globalization;
using AntDesign;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Api;
using Procurement.Portal.Client;
using Procurement.Portal.Tests.Continuity;

namespace Procurement.Portal.Tests;

/// <summary>
/// A bUnit context with what every portal component needs: AntDesign's services, the localizer, loose JS interop, a
/// signed-in person, and the directory of organisation names (<see cref="DirectoryNames"/>: empty unless a test adds to it).
/// </summary>
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
        NameDirectory.Answer(nameof(IOrganisationsClient.ListOrganisationNamesAsync), _ => DirectoryNames.ToList());
        Services.AddSingleton(NameDirectory.Client);
        Services.AddScoped<OrganisationNames>();
    }

    /// <summary>Identity's directory of names as the portal reads it (a test that registers its own organisations client replaces it).</summary>
    internal ApiFake<IOrganisationsClient> NameDirectory { get; } = ApiFake<IOrganisationsClient>.Create();

    /// <summary>What <see cref="NameDirectory"/> answers at <c>GET /api/identity/organisations/names</c>.</summary>
    internal List<OrganisationNameResponse> DirectoryNames { get; } = [];

    /// <summary>Adds an organisation to <see cref="DirectoryNames"/>.</summary>
    internal void Named(Guid id, string name, OrganisationKind kind) => DirectoryNames.Add(new OrganisationNameResponse { Id = id, Name = name, Kind = kind });

    /// <summary>Signs in a person of the given role and organisation.</summary>
    protected void SignIn(string userName, string role, string organisation = "示范区民政局")
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(userName);
        authorization.SetRoles(role);
        authorization.SetClaims(new System.Security.Claims.Claim(Auth.PortalAuthentication.OrganisationNameClaim, organisation));
    }
}
