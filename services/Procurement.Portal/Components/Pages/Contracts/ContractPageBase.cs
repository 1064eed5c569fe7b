using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Procurement.Portal.Api;
using Procurement.Portal.Auth;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Shared;
using Procurement.Portal.Localization;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Pages.Contracts;

/// <summary>
/// What the contract screens share: the signed-in person's roles and organisation name, today in Asia/Shanghai, and
/// the names a contract is shown by. A contract carries no title of its own: it is shown by its tender's title (the
/// purchaser's and auditor's tenders, the agency's own bids), else its program's name, else (the treasury reads neither)
/// its parties' names from the directory of names.
/// </summary>
public abstract class ContractPageBase : PortalPage
{
    private readonly Dictionary<Guid, string> _tenders = [];
    private readonly Dictionary<Guid, string> _programs = [];

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] protected IContractsClient Contracts { get; set; } = default!;

    [Inject] private IServiceProgramsClient Programs { get; set; } = default!;

    [Inject] private ITendersClient Tenders { get; set; } = default!;

    [Inject] private IBidsClient Bids { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private OrganisationNames Organisations { get; set; } = default!;

    protected IReadOnlyList<string> UserRoles { get; private set; } = [];

    protected string? OrganisationName { get; private set; }

    protected DateOnly Today => Format.ShanghaiDay(Clock.GetUtcNow());

    protected async Task LoadUserAsync()
    {
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        UserRoles = user is null ? [] : PortalUser.RolesOf(user);
        OrganisationName = user?.FindFirst(PortalAuthentication.OrganisationNameClaim)?.Value;
    }

    /// <summary>
    /// Loads the names the caller may read: the directory of organisations for everyone; programs for the
    /// purchaser, the auditor and the treasury, tenders for the purchaser and the auditor, its own bids for the agency.
    /// </summary>
    protected async Task LoadNamesAsync()
    {
        await CallAsync(Organisations.LoadAsync);
        // The treasury reads every unit's programs (it pays them), not their tenders.
        if (UserRoles.Contains(Roles.Purchaser) || UserRoles.Contains(Roles.Auditor) || UserRoles.Contains(Roles.Treasury))
        {
            foreach (var program in await CallAsync(ct => Programs.ListProgramsAsync(ct)) ?? [])
            {
                _programs[program.Id] = program.Name;
            }
        }

        if (UserRoles.Contains(Roles.Purchaser) || UserRoles.Contains(Roles.Auditor))
        {
            foreach (var tender in await CallAsync(ct => Tenders.ListTendersAsync(null, null, null, ct)) ?? [])
            {
                _tenders[tender.Id] = tender.Title;
            }
        }

        if (UserRoles.Contains(Roles.Agency))
        {
            foreach (var bid in await CallAsync(ct => Bids.ListOwnBidsAsync(ct)) ?? [])
            {
                _tenders[bid.TenderId] = bid.TenderTitle;
            }
        }
    }

    protected string? ProgramName(Guid programId) => _programs.GetValueOrDefault(programId);

    /// <summary>The contract's title: its tender's, else its program's name, else null (the page writes the short id).</summary>
    protected string? TitleOf(Guid? tenderId, Guid programId) =>
        (tenderId is { } tender ? _tenders.GetValueOrDefault(tender) : null) ?? ProgramName(programId);

    /// <summary>The contract's title (<see cref="TitleOf"/>), else its parties' names: “purchasing unit · agency”.</summary>
    protected string ContractTitle(Guid? tenderId, Guid programId, Guid purchasingUnitId, Guid agencyId) =>
        TitleOf(tenderId, programId) ?? Organisations.Contract(null, purchasingUnitId, agencyId);

    /// <summary>
    /// The purchasing unit's name: from the directory of names, else the caller's own organisation's when the caller is
    /// of it (the API names only the agency), else null (the page writes “purchasing unit”).
    /// </summary>
    protected string? PurchaserName(Guid purchasingUnitId, bool callerIsPurchaser) =>
        Organisations.Known(purchasingUnitId) ?? (callerIsPurchaser ? OrganisationName : null);

    public static string ShortId(Guid id) => OrganisationNames.Short(id);
}
