using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Agency;

// Fakes of the generated API client interfaces the agency pages call (no mocking package in the solution): a test overrides
// the members it expects; any other member refuses to be called,
// so a page calling something unexpected fails its test.

internal class AgenciesClientFake : IAgenciesClient
{
    public virtual Task<AgencyResponse> PutOwnAgencyAsync(AgencyProfileRequest body, CancellationToken cancellationToken) => throw new NotSupportedException("IAgenciesClient.PutOwnAgencyAsync was not expected");

    public virtual Task<AgencyResponse> GetOwnAgencyAsync(CancellationToken cancellationToken) => throw new NotSupportedException("IAgenciesClient.GetOwnAgencyAsync was not expected");

    public virtual Task<ICollection<AgencyResponse>> ListAgenciesAsync(CancellationToken cancellationToken) => throw new NotSupportedException("IAgenciesClient.ListAgenciesAsync was not expected");

    public virtual Task<AgencyResponse> GetAgencyAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException("IAgenciesClient.GetAgencyAsync was not expected");

    public virtual Task<AgencyResponse> DebarAgencyAsync(Guid id, DebarmentRequest body, CancellationToken cancellationToken) => throw new NotSupportedException("IAgenciesClient.DebarAgencyAsync was not expected");

    public virtual Task<AgencyResponse> LiftAgencyDebarmentAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException("IAgenciesClient.LiftAgencyDebarmentAsync was not expected");

    public virtual Task<WorkforceReport> GetWorkforceFiguresAsync(int? year, string? region, CancellationToken cancellationToken) => throw new NotSupportedException("IAgenciesClient.GetWorkforceFiguresAsync was not expected");
}

internal class StaffRosterClientFake : IStaffRosterClient
{
    public virtual Task<WorkerResponse> AddSocialWorkerAsync(WorkerRequest body, CancellationToken cancellationToken) => throw new NotSupportedException("IStaffRosterClient.AddSocialWorkerAsync was not expected");

    public virtual Task<ICollection<WorkerResponse>> ListSocialWorkersAsync(bool? includeInactive, CancellationToken cancellationToken) => throw new NotSupportedException("IStaffRosterClient.ListSocialWorkersAsync was not expected");

    public virtual Task<WorkerResponse> UpdateSocialWorkerAsync(Guid workerId, WorkerRequest body, CancellationToken cancellationToken) => throw new NotSupportedException("IStaffRosterClient.UpdateSocialWorkerAsync was not expected");

    public virtual Task<WorkerResponse> DeactivateSocialWorkerAsync(Guid workerId, CancellationToken cancellationToken) => throw new NotSupportedException("IStaffRosterClient.DeactivateSocialWorkerAsync was not expected");
}

internal class OpenTendersClientFake : IOpenTendersClient
{
    public virtual Task<ICollection<OpenTenderResponse>> ListOpenTendersAsync(string? region, string? serviceDomain, string? q, CancellationToken cancellationToken) => throw new NotSupportedException("IOpenTendersClient.ListOpenTendersAsync was not expected");
}

internal class BidsClientFake : IBidsClient
{
    public virtual Task<BidReceiptResponse> SubmitBidAsync(SubmitBidRequest body, CancellationToken cancellationToken) => throw new NotSupportedException("IBidsClient.SubmitBidAsync was not expected");

    public virtual Task<ICollection<OwnBidResponse>> ListOwnBidsAsync(CancellationToken cancellationToken) => throw new NotSupportedException("IBidsClient.ListOwnBidsAsync was not expected");

    public virtual Task<OwnBidResponse> GetOwnBidAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException("IBidsClient.GetOwnBidAsync was not expected");

    public virtual Task<BidReceiptResponse> ReviseBidAsync(Guid id, ReviseBidRequest body, CancellationToken cancellationToken) => throw new NotSupportedException("IBidsClient.ReviseBidAsync was not expected");

    public virtual Task<BidReceiptResponse> WithdrawBidAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException("IBidsClient.WithdrawBidAsync was not expected");

    public virtual Task<BidReceiptResponse> ConfirmBidAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException("IBidsClient.ConfirmBidAsync was not expected");

    public virtual Task<OpeningRecordResponse> GetOpeningRecordAsync(Guid tenderId, CancellationToken cancellationToken) => throw new NotSupportedException("IBidsClient.GetOpeningRecordAsync was not expected");

    public virtual Task<AuditVerificationResponse> VerifyUnsealAuditAsync(CancellationToken cancellationToken) => throw new NotSupportedException("IBidsClient.VerifyUnsealAuditAsync was not expected");
}

internal class NotificationsClientFake : INotificationsClient
{
    public virtual Task<NotificationInboxResponse> ListNotificationsAsync(CancellationToken cancellationToken) => throw new NotSupportedException("INotificationsClient.ListNotificationsAsync was not expected");

    public virtual Task<NotificationResponse> MarkNotificationReadAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException("INotificationsClient.MarkNotificationReadAsync was not expected");
}

/// <summary>What the generated clients throw when the API refuses: a ProblemDetails with its field messages.</summary>
internal static class Refusals
{
    public static ApiException<ProblemDetails> Problem(int status, string title, params (string Field, string Message)[] errors) => new(
        title, status, "{}", new Dictionary<string, IEnumerable<string>>(),
        new ProblemDetails
        {
            Status = status,
            Title = title,
            Errors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => (ICollection<string>)[.. g.Select(e => e.Message)]),
        },
        null);
}
