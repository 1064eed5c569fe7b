using Microsoft.AspNetCore.Components.Authorization;
using Procurement.Portal.Auth;
using Procurement.Portal.Client;

namespace Procurement.Portal.Files;

/// <summary>
/// The XLSX reports of Disbursement (a contract's payments, a purchaser's fiscal year) streamed through the portal's own
/// address as <see cref="PortalFiles"/> streams a tender document: the API's bytes under the API's file name, in the
/// language of the portal's user (the client sends it), the API's refusal as the portal's refusal page.
/// </summary>
public static class ReportFiles
{
    public const string ContractRoute = "/files/disbursements/contracts/{contractId:guid}/report.xlsx";

    public const string PurchaserYearRoute = "/files/disbursements/purchasers/{purchasingUnitId:guid}/years/{year:int}/report.xlsx";

    public static string ContractHref(Guid contractId) => $"/files/disbursements/contracts/{contractId}/report.xlsx";

    public static string PurchaserYearHref(Guid purchasingUnitId, int year) => $"/files/disbursements/purchasers/{purchasingUnitId}/years/{year}/report.xlsx";

    public static IEndpointRouteBuilder MapReportFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(ContractRoute, (Guid contractId, HttpContext http, AuthenticationStateProvider authentication, IDisbursementReportsClient reports) =>
                PortalFiles.StreamAsync(http, authentication, ct => reports.DownloadContractDisbursementReportAsync(contractId, ct), $"contract-payments-{contractId}.xlsx"))
            .RequireAuthorization(PortalAuthentication.SignedInPolicy).ExcludeFromDescription();
        app.MapGet(PurchaserYearRoute, (Guid purchasingUnitId, int year, HttpContext http, AuthenticationStateProvider authentication, IDisbursementReportsClient reports) =>
                PortalFiles.StreamAsync(http, authentication, ct => reports.DownloadPurchaserYearReportAsync(purchasingUnitId, year, ct), $"purchaser-{purchasingUnitId}-{year}.xlsx"))
            .RequireAuthorization(PortalAuthentication.SignedInPolicy).ExcludeFromDescription();
        return app;
    }
}
