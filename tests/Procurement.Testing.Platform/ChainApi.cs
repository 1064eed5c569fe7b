using System.Net;

namespace Procurement.Testing.Platform;

/// <summary>A tender's status as Tendering shows it (<c>GET /api/tenders/{id}</c>), with what the outcome consumers record.</summary>
public sealed record TenderStatusView(
    Guid Id, string Status, DateTimeOffset? BiddingClosedAt, DateTimeOffset? EvaluationStartedAt, DateTimeOffset? DecidedAt,
    Guid? AwardedBidId, Guid? AwardedAgencyId, decimal? AwardedAmount, IReadOnlyList<string> Eligibility);

/// <summary>
/// The calls of the end-to-end chain (Features/Chain) that the per-service helpers lack: a tender's status in
/// Tendering, a compliance review against the tender's own eligibility list, and a contract's instalments.
/// </summary>
public static class ChainApi
{
    public static async Task<TenderStatusView> TenderStatusAsync(this HttpClient reader, Guid tenderId) =>
        (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/tenders/{tenderId}", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "reading the tender").Json<TenderStatusView>();

    /// <summary>Polls the tender in Tendering until <paramref name="until"/> holds; the last view when it does not within <paramref name="patience"/>.</summary>
    public static async Task<TenderStatusView> WaitForTenderAsync(this HttpClient reader, Guid tenderId, Func<TenderStatusView, bool> until, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(until);
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var tender = await reader.TenderStatusAsync(tenderId);
            if (until(tender) || DateTime.UtcNow > deadline)
            {
                return tender;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>A panel member finds the bid meets each of <paramref name="requirements"/> (the tender's eligibility list, word for word).</summary>
    public static async Task<BidReviewView> PassBidAsync(this HttpClient member, Guid tenderId, Guid bidId, IReadOnlyList<string> requirements) =>
        (await ApiAnswer.ReadAsync(member.PostJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/compliance", new
        {
            eligibility = requirements.Select(r => new { requirement = r, met = true, reason = (string?)null }).ToArray(),
        }))).Expect(HttpStatusCode.OK, "reviewing a bid's compliance").Json<BidReviewView>();

    /// <summary>The caller's view of a contract's instalments (<c>GET /api/disbursements/instalments?contractId=</c>).</summary>
    public static async Task<InstalmentView[]> InstalmentsOfContractAsync(this HttpClient reader, Guid contractId) =>
        (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/disbursements/instalments?contractId={contractId}", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "listing the contract's instalments").Json<InstalmentView[]>();

    /// <summary>The contracts of a tender the caller may see (<c>GET /api/contracts?tenderId=</c>); empty when none.</summary>
    public static async Task<ContractView[]> ContractsOfTenderAsync(this HttpClient reader, Guid tenderId) =>
        (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/contracts?tenderId={tenderId}", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "listing the tender's contracts").Json<ContractView[]>();

    /// <summary>
    /// A panel member's sheet scoring only the service plan: price is scored by formula and past performance is computed
    /// from the agencies' performance grades, so neither is on a sheet.
    /// </summary>
    public static Task<ApiAnswer> SubmitServicePlanSheetAsync(this HttpClient member, Guid tenderId, Guid bidId, decimal servicePlan) =>
        ApiAnswer.ReadAsync(member.PostJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/sheets", new
        {
            scores = new[] { new { criterion = "Service plan", points = servicePlan, comment = "Weekly visits with a named caseworker" } },
        }));
}
