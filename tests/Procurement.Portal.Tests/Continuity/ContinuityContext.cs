using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Continuity;

/// <summary>A portal context with the continuity and performance clients answered by fakes, and a sign-in with an organisation id.</summary>
public abstract class ContinuityContext : PortalContext
{
    protected ContinuityContext(string culture = "zh-CN")
        : base(culture)
    {
        // AntDesign's Alert and Table measure themselves after their first render.
        JSInterop.Setup<AntDesign.JsInterop.HtmlElement>(AntDesign.JSInteropConstants.GetDomInfo, _ => true).SetResult(new AntDesign.JsInterop.HtmlElement());
        Services.AddSingleton(Continuity.Client);
        Services.AddSingleton(Contracts.Client);
        Services.AddSingleton(Performance.Client);
        Services.AddSingleton(Experts.Client);
    }

    internal ApiFake<IContinuityClient> Continuity { get; } = ApiFake<IContinuityClient>.Create();

    internal ApiFake<IContractsClient> Contracts { get; } = ApiFake<IContractsClient>.Create();

    internal ApiFake<IPerformanceEvaluationClient> Performance { get; } = ApiFake<IPerformanceEvaluationClient>.Create();

    internal ApiFake<IExpertsClient> Experts { get; } = ApiFake<IExpertsClient>.Create();

    /// <summary>Signs in a person of <paramref name="role"/> belonging to <paramref name="organisation"/>.</summary>
    protected void SignInAs(string role, Guid organisation)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(role + "-user");
        authorization.SetRoles(role);
        authorization.SetClaims(
            new Claim("sub", role + "-1"),
            new Claim(ServiceDefaults.Security.ProcurementClaims.OrganisationId, organisation.ToString()),
            new Claim(Auth.PortalAuthentication.OrganisationNameClaim, "示范区民政局"));
    }
}
