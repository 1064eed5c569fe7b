using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Contracts;
using Procurement.Portal.Tests.Agency;
using Procurement.Portal.Tests.Purchaser;

namespace Procurement.Portal.Tests.Contracts;

/// <summary>The contract screens with their API answered by fakes, on 2027-03-01, a person of one role signed in.</summary>
public abstract class ContractContext : PortalContext
{
    internal FakeContracts Api { get; } = new();

    protected ContractContext(string culture = "zh-CN")
        : base(culture)
    {
        // AntDesign's Alert measures itself after its first render.
        JSInterop.Setup<AntDesign.JsInterop.HtmlElement>(AntDesign.JSInteropConstants.GetDomInfo, _ => true).SetResult(new AntDesign.JsInterop.HtmlElement());
        Services.AddSingleton<IContractsClient>(Api);
        Services.AddSingleton<IServiceProgramsClient>(new FakePrograms());
        Services.AddSingleton<ITendersClient>(new FakeTenders());
        Services.AddSingleton<IBidsClient>(new NoBids());
        Services.AddSingleton<TimeProvider>(new FixedClock(ContractData.Now));
    }

    protected void SignInAs(string role, string organisation = "示范区民政局")
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(role);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim("sub", role + "-1"), new Claim(Auth.PortalAuthentication.OrganisationNameClaim, organisation));
    }

    protected IRenderedComponent<ContractPage> RenderContract()
    {
        var page = Render<ContractPage>(parameters => parameters.Add(p => p.Id, ContractData.ContractId));
        page.WaitForElement("[data-testid='contract-page']");
        return page;
    }

    /// <summary>The test ids of the action buttons the page shows.</summary>
    protected static IReadOnlyList<string> Buttons(IRenderedComponent<ContractPage> page) =>
        [.. page.FindAll("button[data-testid^='action-']").Select(b => b.GetAttribute("data-testid")!)];

    private sealed class NoBids : BidsClientFake
    {
        public override Task<ICollection<OwnBidResponse>> ListOwnBidsAsync(CancellationToken cancellationToken) => Task.FromResult<ICollection<OwnBidResponse>>([]);
    }
}
